import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	blocksTreatment,
	emptySide,
	MUSCLES,
	PAIN_AREAS,
	REFLEX_GRADES,
	ROOTS,
	slrPositive,
	suggestPattern,
	suggestRoot,
	type ExamFindings,
	type SideFindings
} from './examination';

function exam(side: ExamFindings['side'], affected: Partial<SideFindings>, other: Partial<SideFindings> = {}): ExamFindings {
	const right = side === 'left' ? { ...emptySide(), ...other } : { ...emptySide(), ...affected };
	const left = side === 'left' ? { ...emptySide(), ...affected } : { ...emptySide(), ...(side === 'both' ? affected : other) };
	return { side, left, right, crossedSlr: false, redFlags: [], pattern: null, patternNotes: '', tongue: '', pulse: '', notes: '' };
}

describe('suggestRoot', () => {
	it('suggests S1 for pain down the back of the calf to the heel, weak tiptoes and a reduced ankle jerk', () => {
		const findings = exam('right', {
			painAreas: ['buttock', 'backOfThigh', 'backOfCalf', 'heelAndSole'],
			strength: { ...emptySide().strength, plantarFlexion: 4 },
			reflexes: { knee: 'normal', ankle: 'reduced' }
		});
		const suggestion = suggestRoot(findings);
		expect(suggestion.root).toBe('S1');
		expect(suggestion.scores).toEqual({ L4: 0, L5: 0, S1: 4 });
		expect(suggestion.evidence.S1).toContainEqual({ kind: 'reflex', reflex: 'ankle' });
	});

	it('suggests L5 for the outer shin, the top of the foot and a weak big toe', () => {
		const suggestion = suggestRoot(exam('left', { painAreas: ['outerShin', 'topOfFoot'], strength: { ...emptySide().strength, bigToeExtension: 3 } }));
		expect(suggestion.root).toBe('L5');
	});

	it('suggests L4 for the front of the thigh, the inner shin, weak knee extension and a reduced knee jerk', () => {
		const suggestion = suggestRoot(
			exam('left', { painAreas: ['frontOfThigh', 'innerShin'], strength: { ...emptySide().strength, kneeExtension: 4 }, reflexes: { knee: 'absent', ankle: 'normal' } })
		);
		expect(suggestion.root).toBe('L4');
		expect(suggestion.scores.L4).toBe(4);
	});

	it('counts a weak ankle lift for both L4 and L5, so alone it suggests nothing', () => {
		const suggestion = suggestRoot(exam('right', { strength: { ...emptySide().strength, ankleDorsiflexion: 4 } }));
		expect(suggestion.scores).toEqual({ L4: 1, L5: 1, S1: 0 });
		expect(suggestion.root).toBeNull();
	});

	it('suggests nothing without evidence, and ignores the buttock and the back of the thigh, which every root shares', () => {
		expect(suggestRoot(exam('right', {})).root).toBeNull();
		expect(suggestRoot(exam('right', { painAreas: ['buttock', 'backOfThigh'] })).root).toBeNull();
	});

	it('looks only at the affected side', () => {
		const findings = exam('right', { painAreas: ['outerShin'] }, { painAreas: ['backOfCalf', 'heelAndSole'], reflexes: { knee: 'normal', ankle: 'absent' } });
		expect(suggestRoot(findings).root).toBe('L5');
	});

	const sideFindings = fc.record({
		painAreas: fc.subarray([...PAIN_AREAS]),
		reducedSensation: fc.subarray([...ROOTS]),
		slrAngle: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
		slrReproducesPain: fc.boolean(),
		reflexes: fc.record({ knee: fc.constantFrom(...REFLEX_GRADES), ankle: fc.constantFrom(...REFLEX_GRADES) }),
		strength: fc.record(Object.fromEntries(MUSCLES.map((m) => [m, fc.integer({ min: 0, max: 5 })])) as Record<(typeof MUSCLES)[number], fc.Arbitrary<number>>)
	});

	it('never names a root without evidence, and the named root always scores highest alone', () => {
		fc.assert(
			fc.property(fc.constantFrom('left' as const, 'right' as const, 'both' as const), sideFindings, sideFindings, (side, left, right) => {
				const s = suggestRoot({ ...exam(side, {}), left, right });
				if (s.root === null) return;
				expect(s.scores[s.root]).toBeGreaterThan(0);
				for (const other of ROOTS.filter((r) => r !== s.root)) expect(s.scores[s.root]).toBeGreaterThan(s.scores[other]);
			})
		);
	});

	it('does not depend on the order the areas were ticked in', () => {
		fc.assert(
			fc.property(sideFindings, (side) => {
				const reversed = { ...side, painAreas: [...side.painAreas].reverse(), reducedSensation: [...side.reducedSensation].reverse() };
				expect(suggestRoot(exam('right', side)).scores).toEqual(suggestRoot(exam('right', reversed)).scores);
			})
		);
	});

	it('is not changed by anything found on the unaffected side', () => {
		fc.assert(
			fc.property(sideFindings, sideFindings, (affected, other) => {
				expect(suggestRoot(exam('left', affected, other))).toEqual(suggestRoot(exam('left', affected)));
			})
		);
	});
});

describe('suggestPattern', () => {
	it('reads the path of the pain: back is Taiyang, side is Shaoyang, both is mixed', () => {
		expect(suggestPattern(exam('right', { painAreas: ['backOfThigh', 'backOfCalf'] }))).toBe('taiyang');
		expect(suggestPattern(exam('right', { painAreas: ['sideOfThigh', 'outerShin'] }))).toBe('shaoyang');
		expect(suggestPattern(exam('right', { painAreas: ['backOfThigh', 'outerShin'] }))).toBe('mixed');
		expect(suggestPattern(exam('right', { painAreas: ['buttock'] }))).toBeNull();
	});
});

describe('slrPositive', () => {
	it('is positive only when leg pain comes back between 30° and 70°', () => {
		expect(slrPositive(45, true)).toBe(true);
		expect(slrPositive(30, true)).toBe(true);
		expect(slrPositive(70, true)).toBe(true);
		expect(slrPositive(29, true)).toBe(false);
		expect(slrPositive(80, true)).toBe(false);
		expect(slrPositive(45, false)).toBe(false);
		expect(slrPositive(null, true)).toBe(false);
	});
});

describe('blocksTreatment', () => {
	it('blocks treatment when any red flag is found again', () => {
		expect(blocksTreatment({ redFlags: [] })).toBe(false);
		expect(blocksTreatment({ redFlags: ['saddleNumbness'] })).toBe(true);
	});
});
