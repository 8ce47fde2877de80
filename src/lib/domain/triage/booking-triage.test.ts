import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, levelOfFlags, mayBook, questionsAtLevel, RED_FLAG_QUESTIONS, type TriageAnswers } from './assess';
import { isFlagged, triageForBooking } from './booking-triage';

function calm(overrides: Partial<TriageAnswers> = {}): TriageAnswers {
	const flags = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) as Record<(typeof RED_FLAG_QUESTIONS)[number], boolean>;
	return { ...flags, age: 45, durationDays: 3, painNrs: 5, ...overrides };
}

describe('self-check answers that come with a booking (docs/clinical-rules.md §1)', () => {
	it('refuses every emergency sign, with the level and reason', () => {
		for (const question of questionsAtLevel('emergency')) {
			expect(triageForBooking(calm({ [question]: true }))).toEqual({ ok: false, level: 'emergency', reasons: [question] });
		}
	});

	it('refuses every urgent sign', () => {
		for (const question of questionsAtLevel('urgent')) {
			expect(triageForBooking(calm({ [question]: true }))).toEqual({ ok: false, level: 'urgent', reasons: [question] });
		}
	});

	it('books a see_doctor level and keeps why', () => {
		expect(triageForBooking(calm({ durationDays: 8, painNrs: 7 }))).toEqual({ ok: true, level: 'see_doctor', reasons: ['durationOverAWeek', 'severePain'] });
		expect(triageForBooking(calm({ durationDays: 7 }))).toEqual({ ok: true, level: 'routine', reasons: [] });
	});

	it('agrees with the result page for any answers: it books exactly when the page offers booking', () => {
		fc.assert(
			fc.property(
				fc.record(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, fc.boolean()]))),
				fc.option(fc.boolean(), { nil: undefined }),
				fc.integer({ min: 0, max: 120 }),
				fc.integer({ min: 0, max: 36500 }),
				fc.integer({ min: 0, max: 10 }),
				(flags, seenDoctor, age, durationDays, painNrs) => {
					const answers = { ...(flags as Record<(typeof RED_FLAG_QUESTIONS)[number], boolean>), seenDoctor, age, durationDays, painNrs };
					const result = assess(answers);
					expect(triageForBooking(answers)).toEqual({ ok: mayBook(result.level), ...result });
				}
			)
		);
	});

	it('marks every level above routine on the schedule', () => {
		expect(isFlagged('emergency')).toBe(true);
		expect(isFlagged('urgent')).toBe(true);
		expect(isFlagged('see_doctor')).toBe(true);
		expect(isFlagged('routine')).toBe(false);
		expect(isFlagged(null)).toBe(false);
	});
});

describe('levelOfFlags', () => {
	it('is routine for no flags and the highest level among several', () => {
		expect(levelOfFlags([])).toBe('routine');
		expect(levelOfFlags(['worsening'])).toBe('see_doctor');
		expect(levelOfFlags(['worsening', 'cancerHistory'])).toBe('urgent');
		expect(levelOfFlags(['cancerHistory', 'saddleNumbness'])).toBe('emergency');
	});

	it('weighs a flag as the self-check weighs the same answer', () => {
		for (const question of RED_FLAG_QUESTIONS) expect(levelOfFlags([question]), question).toBe(assess(calm({ [question]: true })).level);
	});
});
