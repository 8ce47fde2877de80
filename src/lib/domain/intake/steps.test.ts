import { describe, expect, it } from 'vitest';
import { ANSWER_STEPS, INTAKE_STEPS, isAnswerStep, isIntakeStep, nextStep, previousStep, stepNumber } from './steps';

describe('intake steps', () => {
	it('runs from the health history to the review, in the order of the issue', () => {
		expect(INTAKE_STEPS).toEqual(['history', 'safety', 'complaint', 'red-flags', 'measures', 'review']);
		expect(ANSWER_STEPS).toEqual(INTAKE_STEPS.slice(0, -1));
	});

	it('moves forward one step at a time and stops after the review', () => {
		expect(INTAKE_STEPS.map(nextStep)).toEqual(['safety', 'complaint', 'red-flags', 'measures', 'review', null]);
	});

	it('moves back one step at a time and stops at the first', () => {
		expect(INTAKE_STEPS.map(previousStep)).toEqual([null, 'history', 'safety', 'complaint', 'red-flags', 'measures']);
	});

	it('numbers the steps from one', () => {
		expect(INTAKE_STEPS.map(stepNumber)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('knows its steps and nothing else', () => {
		for (const step of INTAKE_STEPS) expect(isIntakeStep(step)).toBe(true);
		for (const other of ['', 'History', 'redFlags', 'review/', '__proto__', 'toString', 3, null, undefined]) {
			expect(isIntakeStep(other)).toBe(false);
			expect(isAnswerStep(other)).toBe(false);
		}
		expect(isAnswerStep('review')).toBe(false);
		expect(isAnswerStep('measures')).toBe(true);
	});
});
