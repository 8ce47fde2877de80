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
			const expected = questionsAtLevel('emergency').includes(question) ? 'emergency' : questionsAtLevel('urgent').includes(question) ? 'urgent' : 'see_doctor';
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
				fc.integer({ min: 0, max: 120 }),
				(flags, seenDoctor, durationValue, durationUnit, painNrs, age) => {
					const a = calmIntake();
					const answers = {
						...a,
						'red-flags': { ...(flags as Record<(typeof RED_FLAG_QUESTIONS)[number], boolean>), seenDoctor, painNrs },
						complaint: { ...a.complaint, durationValue, durationUnit: durationUnit as 'days' }
					};
					expect(intakeTriage(answers, age)).toEqual(assess(triageAnswersFrom(answers, age)!));
				}
			)
		);
	});

	it('gives the same level as the public self-check for the same answers (docs/clinical-rules.md §1)', () => {
		const a = calmIntake();
		const answers = {
			...a,
			'red-flags': { ...a['red-flags'], worsening: true, painNrs: 8 },
			complaint: { ...a.complaint, durationValue: 10, durationUnit: 'days' as const }
		};
		const publicCheck = { ...answers['red-flags'], age: 40, durationDays: 10 };
		expect(intakeTriage(answers, 40)).toEqual(assess(publicCheck));
		expect(intakeTriage(answers, 40)).toEqual({ level: 'see_doctor', reasons: ['worsening', 'durationOverAWeek', 'severePain'] });
	});

	it('takes the duration from the complaint and the worst pain of the last 24 hours from the red-flag step, not the baseline', () => {
		const a = calmIntake();
		const answers = {
			...a,
			complaint: { ...a.complaint, durationValue: 2, durationUnit: 'weeks' as const },
			'red-flags': { ...a['red-flags'], painNrs: 8 },
			measures: { ...a.measures, legPain: 2 }
		};
		expect(triageAnswersFrom(answers, 40)).toMatchObject({ durationDays: 14, painNrs: 8, age: 40, seenDoctor: false });
		expect(intakeTriage(answers, 40)).toEqual({ level: 'see_doctor', reasons: ['durationOverAWeek', 'severePain'] });
		const seen = { ...answers, 'red-flags': { ...answers['red-flags'], seenDoctor: true } };
		expect(intakeTriage(seen, 40)).toEqual({ level: 'routine', reasons: [] });
	});

	it('caps a duration in years at the contract’s 36500 days', () => {
		const a = calmIntake();
		expect(triageAnswersFrom({ ...a, complaint: { ...a.complaint, durationValue: 200, durationUnit: 'years' } }, 40)!.durationDays).toBe(36500);
	});

	it('never assumes an age: the date of birth, else the age the patient gave, else no result', () => {
		const a = calmIntake();
		expect(intakeTriage(a, 15)).toEqual({ level: 'see_doctor', reasons: ['underEighteen'] });
		expect(intakeTriage(a, null)).toBeNull();
		const given = { ...a, 'red-flags': { ...a['red-flags'], age: 16 } };
		expect(intakeTriage(given, null)).toEqual({ level: 'see_doctor', reasons: ['underEighteen'] });
		// The date of birth wins over an age typed earlier.
		expect(intakeTriage(given, 40)).toEqual({ level: 'routine', reasons: [] });
	});

	it('has no result for red-flag answers saved before the pain question was asked', () => {
		const a = calmIntake();
		const { painNrs: _dropped, ...old } = a['red-flags'];
		expect(_dropped).toBe(4);
		expect(intakeTriage({ ...a, 'red-flags': old as (typeof a)['red-flags'] }, 40)).toBeNull();
	});

	it('ignores stray keys in stored answers', () => {
		const a = calmIntake();
		const stored = { ...a, 'red-flags': { ...a['red-flags'], extra: true } as (typeof a)['red-flags'] };
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
