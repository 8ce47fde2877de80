import { describe, expect, it } from 'vitest';
import { calmIntake } from './fixtures';
import { firstIncompleteStep, isIntakeComplete, isStepComplete, missingSteps, parseStoredAnswers } from './progress';
import { ANSWER_STEPS } from './steps';

describe('intake progress', () => {
	it('starts at the health history with every step missing', () => {
		expect(firstIncompleteStep({})).toBe('history');
		expect(missingSteps({})).toEqual([...ANSWER_STEPS]);
		expect(isIntakeComplete({})).toBe(false);
		expect(isStepComplete({}, 'review')).toBe(false);
	});

	it('resumes at the first unanswered step, even when a later one is answered', () => {
		const { history, complaint } = calmIntake();
		expect(firstIncompleteStep({ history })).toBe('safety');
		expect(firstIncompleteStep({ history, complaint })).toBe('safety');
		expect(missingSteps({ history, complaint })).toEqual(['safety', 'red-flags', 'measures']);
	});

	it('resumes at the review once every step is answered', () => {
		const all = calmIntake();
		expect(firstIncompleteStep(all)).toBe('review');
		expect(isIntakeComplete(all)).toBe(true);
		expect(isStepComplete(all, 'review')).toBe(true);
		for (const step of ANSWER_STEPS) expect(isStepComplete(all, step)).toBe(true);
	});

	it('reads stored answers and ignores anything that is not a known step object', () => {
		const all = calmIntake();
		expect(parseStoredAnswers(JSON.stringify(all))).toEqual(all);
		expect(parseStoredAnswers('{"history": 3, "safety": [1], "other": {}, "measures": null}')).toEqual({});
		for (const bad of ['', 'not json', '[]', 'null', '42', '"text"']) expect(parseStoredAnswers(bad)).toEqual({});
	});
});
