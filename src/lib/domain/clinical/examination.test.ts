import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	blocksTreatment,
	DETAIL_AREAS,
	diagramAreas,
	emptySide,
	normaliseFindings,
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
			exam('left', {
				painAreas: ['frontOfThigh', 'innerShin'],
				strength: { ...emptySide().strength, kneeExtension: 4 },
				reflexes: { knee: 'absent', ankle: 'normal' }
			})
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

	it('counts numbness like pain, and an area with both only once', () => {
		expect(suggestRoot(exam('right', { numbAreas: ['outerShin', 'bigToe'] })).root).toBe('L5');
		const both = suggestRoot(exam('right', { painAreas: ['backOfCalf'], numbAreas: ['backOfCalf', 'heelAndSole'] }));
		expect(both.scores).toEqual({ L4: 0, L5: 0, S1: 2 });
	});

	it('gives its reasons with the root and the side each one counts for', () => {
		const suggestion = suggestRoot(exam('left', { painAreas: ['backOfCalf'], reflexes: { knee: 'reduced', ankle: 'absent' } }));
		expect(suggestion.reasons).toEqual([
			{ root: 'L4', side: 'left', kind: 'reflex', reflex: 'knee' },
			{ root: 'S1', side: 'left', kind: 'area', area: 'backOfCalf' },
			{ root: 'S1', side: 'left', kind: 'reflex', reflex: 'ankle' }
		]);
		expect(suggestion.root).toBe('S1');
	});

	it('suggests nothing when two roots tie', () => {
		const suggestion = suggestRoot(exam('right', { painAreas: ['outerShin', 'backOfCalf'] }));
		expect(suggestion.scores).toEqual({ L4: 0, L5: 1, S1: 1 });
		expect(suggestion.root).toBeNull();
	});

	it('counts both legs when both are affected', () => {
		const findings = {
			...exam('both', {}),
			left: { ...emptySide(), painAreas: ['backOfCalf' as const] },
			right: { ...emptySide(), reflexes: { knee: 'normal' as const, ankle: 'reduced' as const } }
		};
		expect(suggestRoot(findings)).toMatchObject({ root: 'S1', scores: { S1: 2 } });
	});

	it('looks only at the affected side', () => {
		const findings = exam('right', { painAreas: ['outerShin'] }, { painAreas: ['backOfCalf', 'heelAndSole'], reflexes: { knee: 'normal', ankle: 'absent' } });
		expect(suggestRoot(findings).root).toBe('L5');
	});

	const sideFindings = fc.record({
		painAreas: fc.subarray([...PAIN_AREAS]),
		numbAreas: fc.subarray([...PAIN_AREAS]),
		reducedSensation: fc.subarray([...ROOTS]),
		slrAngle: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
		slrReproducesPain: fc.boolean(),
		reflexes: fc.record({ knee: fc.constantFrom(...REFLEX_GRADES), ankle: fc.constantFrom(...REFLEX_GRADES) }),
		strength: fc.record(Object.fromEntries(MUSCLES.map((m) => [m, fc.integer({ min: 0, max: 5 })])) as Record<(typeof MUSCLES)[number], fc.Arbitrary<number>>)
	});

	it('scores each root by exactly the reasons it gives', () => {
		fc.assert(
			fc.property(fc.constantFrom('left' as const, 'right' as const, 'both' as const), sideFindings, sideFindings, (side, left, right) => {
				const s = suggestRoot({ ...exam(side, {}), left, right });
				for (const root of ROOTS) expect(s.reasons.filter((r) => r.root === root)).toHaveLength(s.scores[root]);
			})
		);
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
				const reversed = {
					...side,
					painAreas: [...side.painAreas].reverse(),
					numbAreas: [...side.numbAreas].reverse(),
					reducedSensation: [...side.reducedSensation].reverse()
				};
				expect(suggestRoot(exam('right', reversed))).toEqual(suggestRoot(exam('right', side)));
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
		expect(suggestPattern(exam('left', { numbAreas: ['littleToe'] }))).toBe('taiyang');
		expect(suggestPattern(exam('left', {}, { painAreas: ['outerShin'] }))).toBeNull();
	});
});

describe('diagramAreas', () => {
	it('reads the body diagram of one side: the back of the lower leg is the calf, the front of the foot its top', () => {
		const ticks = [
			{ view: 'back' as const, region: 'lowerLeg' as const, side: 'right' as const },
			{ view: 'front' as const, region: 'ankleFoot' as const, side: 'right' as const },
			{ view: 'back' as const, region: 'thigh' as const, side: 'left' as const },
			{ view: 'front' as const, region: 'hand' as const, side: 'right' as const }
		];
		expect(diagramAreas(ticks, 'right')).toEqual(['backOfCalf', 'topOfFoot']);
		expect(diagramAreas(ticks, 'left')).toEqual(['backOfThigh']);
	});

	it('leaves the areas the diagram cannot separate to the detail list', () => {
		const all = (['front', 'back'] as const).flatMap((view) =>
			(['lowerBack', 'buttock', 'thigh', 'knee', 'lowerLeg', 'ankleFoot', 'hand', 'shoulder'] as const).map((region) => ({
				view,
				region,
				side: 'left' as const
			}))
		);
		const fromDiagram = diagramAreas(all, 'left');
		for (const area of DETAIL_AREAS) expect(fromDiagram).not.toContain(area);
		expect([...fromDiagram, ...DETAIL_AREAS].sort()).toEqual([...PAIN_AREAS].sort());
	});
});

describe('slrPositive', () => {
	it('is never positive outside 30–70° or without the leg pain', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 90 }), fc.boolean(), (angle, pain) => {
				expect(slrPositive(angle, pain)).toBe(pain && angle >= 30 && angle <= 70);
			})
		);
	});

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
	it('blocks treatment only for an emergency-level red flag found again (docs/clinical-rules.md §1)', () => {
		expect(blocksTreatment({ redFlags: [] })).toBe(false);
		expect(blocksTreatment({ redFlags: ['saddleNumbness'] })).toBe(true);
		expect(blocksTreatment({ redFlags: ['worsening', 'violentInjury'] })).toBe(true);
		expect(blocksTreatment({ redFlags: ['cancerHistory'] })).toBe(false);
		expect(blocksTreatment({ redFlags: ['worsening'] })).toBe(false);
	});
});

describe('normaliseFindings', () => {
	it('reads back what it was given', () => {
		const findings = exam('right', { painAreas: ['backOfCalf'], numbAreas: ['littleToe'], slrAngle: 40, slrReproducesPain: true });
		const stored = { ...findings, redFlags: ['saddleNumbness' as const], pattern: 'taiyang' as const, notes: 'n' };
		expect(normaliseFindings(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
	});

	it('turns an old or damaged record into "nothing found" rather than failing', () => {
		const findings = normaliseFindings({ side: 'right', right: { painAreas: ['backOfCalf', 'elbow'], strength: { plantarFlexion: 9 } }, redFlags: ['nope'] });
		expect(findings.right).toEqual({ ...emptySide(), painAreas: ['backOfCalf'] });
		expect(findings.redFlags).toEqual([]);
		expect(suggestRoot(normaliseFindings({})).root).toBeNull();
	});
});
