import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, RED_FLAG_QUESTIONS, questionsAtLevel } from '../triage/assess';
import { calmIntake } from './fixtures';
import { ageOn, intakeTriage, needsClinicAlert, triageAnswersFrom } from './triage';

describe('the intake’s red flags', () => {
	it('are not assessed before the red-flag step is answered', () => {
		const { history, complaint, measures } = calmIntake();
		expect(intakeTriage({ history, complaint, measures }, 40)).toBeNull();
	});

	it('are routine for calm answers', () => {
		expect(intakeTriage(calmIntake(), 40)).toEqual({ level: 'routine', reasons: [] });
	});

	it('reach the same level as the self-check for every single red flag', () => {
		for (const question of RED_FLAG_QUESTIONS) {
			const a = calmIntake();
			const result = intakeTriage({ ...a, 'red-flags': { ...a['red-flags'], [question]: true } }, 40)!;
			expect(result.reasons, question).toEqual([question]);
			const expected = questionsAtLevel('emergency').includes(question)
				? 'emergency'
				: questionsAtLevel('urgent').includes(question)
					? 'urgent'
					: 'see_doctor';
			expect(result.level, question).toBe(expected);
		}
	});

	it('agree with assess() for any answers (the rules are reused, not copied)', () => {
		fc.assert(
			fc.property(
				fc.record(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, fc.boolean()]))),
				fc.boolean(),
				fc.integer({ min: 0, max: 1200 }),
				fc.constantFrom('days', 'weeks', 'months', 'years'),
				fc.integer({ min: 0, max: 10 }),
				fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
				(flags, seenDoctor, durationValue, durationUnit, legPain, age) => {
					const a = calmIntake();
					const answers = {
						...a,
						'red-flags': { ...(flags as Record<(typeof RED_FLAG_QUESTIONS)[number], boolean>), seenDoctor },
						complaint: { ...a.complaint, durationValue, durationUnit: durationUnit as 'days' },
						measures: { ...a.measures, legPain }
					};
					expect(intakeTriage(answers, age)).toEqual(assess(triageAnswersFrom(answers, age)!));
				}
			)
		);
	});

	it('takes the duration from the complaint and the pain from the leg-pain baseline', () => {
		const a = calmIntake();
		const answers = { ...a, complaint: { ...a.complaint, durationValue: 2, durationUnit: 'weeks' as const }, measures: { ...a.measures, legPain: 8 } };
		expect(triageAnswersFrom(answers, 40)).toMatchObject({ durationDays: 14, painNrs: 8, age: 40, seenDoctor: false });
		expect(intakeTriage(answers, 40)).toEqual({ level: 'see_doctor', reasons: ['durationOverAWeek', 'severePain'] });
		const seen = { ...answers, 'red-flags': { ...answers['red-flags'], seenDoctor: true } };
		expect(intakeTriage(seen, 40)).toEqual({ level: 'routine', reasons: [] });
	});

	it('caps a duration in years at the contract’s 36500 days', () => {
		const a = calmIntake();
		expect(triageAnswersFrom({ ...a, complaint: { ...a.complaint, durationValue: 200, durationUnit: 'years' } }, 40)!.durationDays).toBe(36500);
	});

	it('flags a minor only when the age is known', () => {
		expect(intakeTriage(calmIntake(), 15)).toEqual({ level: 'see_doctor', reasons: ['underEighteen'] });
		expect(intakeTriage(calmIntake(), null)).toEqual({ level: 'routine', reasons: [] });
	});

	it('ignores stray keys in stored answers', () => {
		const a = calmIntake();
		const stored = { ...a, 'red-flags': { ...a['red-flags'], extra: true } as typeof a['red-flags'] };
		expect(Object.keys(triageAnswersFrom(stored, 40)!)).not.toContain('extra');
	});

	it('alerts the clinic for emergency and urgent only', () => {
		expect(needsClinicAlert('emergency')).toBe(true);
		expect(needsClinicAlert('urgent')).toBe(true);
		expect(needsClinicAlert('see_doctor')).toBe(false);
		expect(needsClinicAlert('routine')).toBe(false);
	});
});

describe('ageOn', () => {
	it('counts whole years, the birthday included', () => {
		expect(ageOn('1980-05-10', '2026-05-09')).toBe(45);
		expect(ageOn('1980-05-10', '2026-05-10')).toBe(46);
		expect(ageOn('2010-12-31', '2026-01-01')).toBe(15);
	});

	it('is null for a missing or malformed date, or a birth after today', () => {
		expect(ageOn(null, '2026-05-10')).toBeNull();
		expect(ageOn('10/05/1980', '2026-05-10')).toBeNull();
		expect(ageOn('2027-01-01', '2026-05-10')).toBeNull();
	});
});
