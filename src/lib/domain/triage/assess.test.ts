import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, compareLevels, mayBook, questionsAtLevel, RED_FLAG_QUESTIONS, type TriageAnswers } from './assess';

function calm(overrides: Partial<TriageAnswers> = {}): TriageAnswers {
	const flags = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) as Record<(typeof RED_FLAG_QUESTIONS)[number], boolean>;
	return { ...flags, age: 45, durationDays: 3, painNrs: 5, ...overrides };
}

describe('assess', () => {
	it('is routine when nothing is wrong', () => {
		expect(assess(calm())).toEqual({ level: 'routine', reasons: [] });
	});

	it('groups the red flags by level in the order of the clinical rules', () => {
		expect(questionsAtLevel('emergency')).toEqual([
			'bladderBowelChange',
			'saddleNumbness',
			'sexualDysfunction',
			'bilateralLegSymptoms',
			'progressiveWeakness',
			'suddenWeaknessOrNumbness',
			'violentInjury'
		]);
		expect(questionsAtLevel('urgent')).toEqual(['feverOrUnwell', 'cancerHistory', 'unexplainedWeightLoss', 'immunosuppressed', 'severeNightPain']);
		expect(questionsAtLevel('see_doctor')).toEqual(['worsening']);
	});

	it.each(questionsAtLevel('emergency'))('sends %s to emergency care', (code) => {
		expect(assess(calm({ [code]: true }))).toEqual({ level: 'emergency', reasons: [code] });
	});

	it.each(['feverOrUnwell', 'cancerHistory', 'unexplainedWeightLoss', 'immunosuppressed', 'severeNightPain'] as const)('sends %s to a doctor today', (code) => {
		expect(assess(calm({ [code]: true }))).toEqual({ level: 'urgent', reasons: [code] });
	});

	it('asks a worsening pain to see a doctor soon', () => {
		expect(assess(calm({ worsening: true }))).toEqual({ level: 'see_doctor', reasons: ['worsening'] });
	});

	it('counts more than seven days, not seven, as over a week', () => {
		expect(assess(calm({ durationDays: 7 }))).toEqual({ level: 'routine', reasons: [] });
		expect(assess(calm({ durationDays: 8 }))).toEqual({ level: 'see_doctor', reasons: ['durationOverAWeek'] });
	});

	it('counts pain of 7 or more, not 6, as severe', () => {
		expect(assess(calm({ painNrs: 6 }))).toEqual({ level: 'routine', reasons: [] });
		expect(assess(calm({ painNrs: 7 }))).toEqual({ level: 'see_doctor', reasons: ['severePain'] });
		expect(assess(calm({ painNrs: 10 })).reasons).toEqual(['severePain']);
	});

	it('drops the duration and pain reasons once a doctor has examined this episode', () => {
		expect(assess(calm({ durationDays: 30, painNrs: 9, seenDoctor: true }))).toEqual({ level: 'routine', reasons: [] });
		expect(assess(calm({ durationDays: 30, painNrs: 9, seenDoctor: false })).reasons).toEqual(['durationOverAWeek', 'severePain']);
	});

	it('asks anyone under 18, not 18 itself, to see a doctor, seen or not', () => {
		expect(assess(calm({ age: 18 }))).toEqual({ level: 'routine', reasons: [] });
		expect(assess(calm({ age: 17 }))).toEqual({ level: 'see_doctor', reasons: ['underEighteen'] });
		expect(assess(calm({ age: 17, seenDoctor: true })).reasons).toEqual(['underEighteen']);
	});

	it('lets the highest level win and lists every reason in the order of the clinical rules', () => {
		const result = assess(calm({ worsening: true, cancerHistory: true, saddleNumbness: true, painNrs: 8, age: 16, durationDays: 10 }));
		expect(result).toEqual({
			level: 'emergency',
			reasons: ['saddleNumbness', 'cancerHistory', 'worsening', 'durationOverAWeek', 'severePain', 'underEighteen']
		});
		expect(assess(calm({ worsening: true, severeNightPain: true })).level).toBe('urgent');
	});

	it('never lowers the level when a red flag is added (property)', () => {
		const answers = fc.record({
			...(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, fc.boolean()])) as Record<(typeof RED_FLAG_QUESTIONS)[number], fc.Arbitrary<boolean>>),
			seenDoctor: fc.option(fc.boolean(), { nil: undefined }),
			age: fc.integer({ min: 0, max: 120 }),
			durationDays: fc.integer({ min: 0, max: 36500 }),
			painNrs: fc.integer({ min: 0, max: 10 })
		});
		fc.assert(
			fc.property(answers, fc.constantFrom(...RED_FLAG_QUESTIONS), (base, added) => {
				const before = assess(base);
				const after = assess({ ...base, [added]: true });
				expect(compareLevels(after.level, before.level)).toBeGreaterThanOrEqual(0);
				expect(after.reasons).toContain(added);
			}),
			{ numRuns: 500 }
		);
	});

	it('offers booking only for see_doctor and routine', () => {
		expect([mayBook('emergency'), mayBook('urgent'), mayBook('see_doctor'), mayBook('routine')]).toEqual([false, false, true, true]);
	});
});
