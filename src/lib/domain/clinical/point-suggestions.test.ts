import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACUPOINTS, findAcupoint } from '../acupoints/points';
import {
	AFFECTED_SIDES,
	byNeedlingOrder,
	defaultPointSide,
	mergeSuggestions,
	NEEDLING_ORDER,
	NERVE_ROOTS,
	PLAN_PATTERNS,
	suggestPoints,
	SUGGESTION_REASONS,
	SUGGESTION_SOURCES,
	type PointSuggestion,
	type SuggestionInput
} from './point-suggestions';

const codes = (list: PointSuggestion[]) => list.map((s) => s.code);
const reasonOf = (list: PointSuggestion[], code: string) => list.find((s) => s.code === code)?.reason;
const sideOf = (list: PointSuggestion[], code: string) => list.find((s) => s.code === code)?.side;

const anyInput: fc.Arbitrary<SuggestionInput> = fc.record({
	pattern: fc.constantFrom(...PLAN_PATTERNS, null),
	root: fc.constantFrom(...NERVE_ROOTS, null),
	side: fc.constantFrom(...AFFECTED_SIDES, null)
});

describe('the needling order', () => {
	it('holds each of the 18 points exactly once', () => {
		expect([...NEEDLING_ORDER].sort()).toEqual(ACUPOINTS.map((p) => p.code).sort());
	});

	it('puts unknown codes after the known ones', () => {
		expect(['ZZ1', 'BL60', 'EX-B2'].sort(byNeedlingOrder)).toEqual(['EX-B2', 'BL60', 'ZZ1']);
	});
});

describe('suggestPoints', () => {
	it('suggests only the local points when nothing is known from the examination', () => {
		const list = suggestPoints({ pattern: null, root: null, side: null });
		expect(codes(list)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30']);
		expect(list.every((s) => s.reason === 'local')).toBe(true);
	});

	it('adds the bladder points for a Taiyang pattern (§2 of the clinical rules)', () => {
		const list = suggestPoints({ pattern: 'taiyang', root: null, side: 'right' });
		expect(codes(list)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30', 'BL36', 'BL37', 'BL40', 'BL57', 'BL60']);
		for (const code of ['BL25', 'BL36', 'BL37', 'BL40', 'BL57', 'BL60']) expect(reasonOf(list, code)).toBe('pattern');
		for (const code of ['EX-B2', 'BL23', 'BL54', 'GB30']) expect(reasonOf(list, code)).toBe('local');
	});

	it('adds the gallbladder points for a Shaoyang pattern', () => {
		const list = suggestPoints({ pattern: 'shaoyang', root: null, side: 'left' });
		expect(codes(list)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30', 'GB31', 'GB34', 'GB39']);
		for (const code of ['GB30', 'GB31', 'GB34', 'GB39']) expect(reasonOf(list, code)).toBe('pattern');
		expect(reasonOf(list, 'BL25')).toBe('local');
	});

	it('unites both channels for a mixed pattern', () => {
		const list = suggestPoints({ pattern: 'mixed', root: null, side: 'right' });
		const taiyang = codes(suggestPoints({ pattern: 'taiyang', root: null, side: 'right' }));
		const shaoyang = codes(suggestPoints({ pattern: 'shaoyang', root: null, side: 'right' }));
		expect(new Set(codes(list))).toEqual(new Set([...taiyang, ...shaoyang]));
		expect(codes(list)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30', 'BL36', 'GB31', 'BL37', 'BL40', 'GB34', 'BL57', 'GB39', 'BL60']);
	});

	it('adds no channel points for another pattern', () => {
		expect(suggestPoints({ pattern: 'other', root: null, side: 'right' })).toEqual(suggestPoints({ pattern: null, root: null, side: 'right' }));
	});

	it('leans on the bladder points for an S1 root and the gallbladder points for L5', () => {
		const s1 = suggestPoints({ pattern: null, root: 'S1', side: 'right' });
		expect(codes(s1)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30', 'BL36', 'BL37', 'BL40', 'BL57', 'BL60']);
		expect(reasonOf(s1, 'BL40')).toBe('root');
		const l5 = suggestPoints({ pattern: null, root: 'L5', side: 'right' });
		expect(codes(l5)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30', 'GB31', 'GB34', 'GB39']);
		expect(reasonOf(l5, 'GB34')).toBe('root');
	});

	it('adds no point for an L4 root, for which the reference names none (docs/clinical-rules.md §2)', () => {
		const list = suggestPoints({ pattern: null, root: 'L4', side: 'left' });
		expect(codes(list)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30']);
		expect(list.every((s) => s.reason === 'local')).toBe(true);
		expect(codes(suggestPoints({ pattern: 'taiyang', root: 'L4', side: 'left' }))).toEqual(
			codes(suggestPoints({ pattern: 'taiyang', root: null, side: 'left' }))
		);
	});

	it('never suggests SP6, a point avoided in pregnancy that the reference does not list for sciatica', () => {
		for (const pattern of [...PLAN_PATTERNS, null]) {
			for (const root of [...NERVE_ROOTS, null]) expect(codes(suggestPoints({ pattern, root, side: 'right' })), `${pattern} ${root}`).not.toContain('SP6');
		}
	});

	it('gives the pattern as the reason when the root points the same way', () => {
		const list = suggestPoints({ pattern: 'taiyang', root: 'S1', side: 'right' });
		expect(reasonOf(list, 'BL57')).toBe('pattern');
		expect(codes(list)).toEqual(codes(suggestPoints({ pattern: 'taiyang', root: null, side: 'right' })));
	});

	it('combines a pattern with a root that points elsewhere', () => {
		const list = suggestPoints({ pattern: 'taiyang', root: 'L5', side: 'right' });
		expect(reasonOf(list, 'BL40')).toBe('pattern');
		expect(reasonOf(list, 'GB34')).toBe('root');
		expect(reasonOf(list, 'GB30')).toBe('root');
	});

	it('puts lower-back points on both sides and the others on the painful side', () => {
		const list = suggestPoints({ pattern: 'mixed', root: 'L4', side: 'right' });
		for (const s of list) {
			const lowerBack = findAcupoint(s.code)?.region === 'lowerBack';
			expect(s.side, s.code).toBe(lowerBack ? 'both' : 'right');
		}
		expect(sideOf(list, 'EX-B2')).toBe('both');
		expect(sideOf(list, 'BL23')).toBe('both');
		expect(sideOf(list, 'GB30')).toBe('right');
		expect(sideOf(suggestPoints({ pattern: 'taiyang', root: null, side: 'left' }), 'BL40')).toBe('left');
	});

	it('uses both sides for the leg points when both legs hurt or the side is unknown', () => {
		for (const side of ['both', null] as const) {
			expect(suggestPoints({ pattern: 'taiyang', root: null, side }).every((s) => s.side === 'both')).toBe(true);
		}
	});

	it('offers a default side for any point the practitioner adds', () => {
		expect(defaultPointSide('LI4', 'left')).toBe('left');
		expect(defaultPointSide('BL25', 'left')).toBe('both');
		expect(defaultPointSide('ZZ9', 'right')).toBe('right');
	});
});

describe('suggestPoints, for any examination', () => {
	it('suggests only points of the atlas', () => {
		fc.assert(fc.property(anyInput, (input) => suggestPoints(input).every((s) => findAcupoint(s.code) !== null)));
	});

	it('never suggests a point twice', () => {
		fc.assert(
			fc.property(anyInput, (input) => {
				const list = codes(suggestPoints(input));
				return new Set(list).size === list.length;
			})
		);
	});

	it('always includes the local points and keeps the needling order', () => {
		fc.assert(
			fc.property(anyInput, (input) => {
				const list = codes(suggestPoints(input));
				const sorted = [...list].sort(byNeedlingOrder);
				return ['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30'].every((c) => list.includes(c)) && list.join() === sorted.join();
			})
		);
	});

	it('gives every point a side on the painful leg or both, never the other leg', () => {
		fc.assert(fc.property(anyInput, (input) => suggestPoints(input).every((s) => s.side === 'both' || (input.side !== 'both' && s.side === input.side))));
	});

	it('does not depend on the order of the input fields', () => {
		fc.assert(
			fc.property(anyInput, (input) => {
				const reordered = { side: input.side, root: input.root, pattern: input.pattern };
				return JSON.stringify(suggestPoints(reordered)) === JSON.stringify(suggestPoints(input));
			})
		);
	});
});

describe('mergeSuggestions', () => {
	const suggestion = fc.record({
		code: fc.constantFrom(...NEEDLING_ORDER, 'ZZ1', 'ZZ2'),
		side: fc.constantFrom('left', 'right', 'both', 'midline') as fc.Arbitrary<PointSuggestion['side']>,
		reason: fc.constantFrom(...SUGGESTION_REASONS)
	});
	const lists = fc.array(fc.array(suggestion, { maxLength: 8 }), { maxLength: 4 });

	it('gives the same result whatever the order of the lists and of their entries', () => {
		fc.assert(
			fc.property(lists, fc.integer(), (input, seed) => {
				// Reverse lists and entries, then rotate by the seed: a different order of the same suggestions.
				const flat = input.flat().reverse();
				const k = flat.length === 0 ? 0 : Math.abs(seed) % flat.length;
				const shuffled = [flat.slice(k), flat.slice(0, k)];
				const a = mergeSuggestions(input);
				const b = mergeSuggestions(shuffled);
				return JSON.stringify(a) === JSON.stringify(b);
			})
		);
	});

	it('keeps one entry per point with its strongest reason', () => {
		const merged = mergeSuggestions([
			[{ code: 'BL25', side: 'both', reason: 'local' }],
			[
				{ code: 'BL25', side: 'both', reason: 'pattern' },
				{ code: 'BL23', side: 'both', reason: 'root' }
			]
		]);
		expect(merged).toEqual([
			{ code: 'BL23', side: 'both', reason: 'root' },
			{ code: 'BL25', side: 'both', reason: 'pattern' }
		]);
	});
});

describe('the sources of the suggestions', () => {
	const rules = fs.readFileSync(new URL('../../../../docs/clinical-rules.md', import.meta.url), 'utf8');
	const section = (n: number) => {
		const start = rules.indexOf(`\n## ${n}. `);
		const end = rules.indexOf('\n## ', start + 1);
		return rules.slice(start, end === -1 ? undefined : end);
	};

	it('finds every suggested list, point by point, in the passage of docs/clinical-rules.md it names', () => {
		for (const [name, source] of Object.entries(SUGGESTION_SOURCES)) {
			const text = section(source.section);
			const at = text.indexOf(source.passage);
			expect(at, name).toBeGreaterThan(-1);
			const passage = text.slice(at, text.indexOf('\n- ', at + 1) === -1 ? undefined : text.indexOf('\n- ', at + 1));
			for (const code of source.points) expect(passage, `${name} ${code}`).toMatch(new RegExp(`\\b${code}\\b`));
		}
	});

	it('suggests only points that some source names', () => {
		const sourced = new Set<string>(Object.values(SUGGESTION_SOURCES).flatMap((s) => [...s.points]));
		fc.assert(
			fc.property(
				fc.constantFrom(...PLAN_PATTERNS, null),
				fc.constantFrom(...NERVE_ROOTS, null),
				fc.constantFrom(...AFFECTED_SIDES, null),
				(pattern, root, side) => suggestPoints({ pattern, root, side }).every((s) => sourced.has(s.code))
			)
		);
	});
});
