/*
 * How far an intake has come: which steps are answered, where to resume, whether it may be
 * submitted. A step's answers are stored only once valid, so presence means complete.
 */
import type { IntakeAnswers } from './answers';
import { ANSWER_STEPS, type AnswerStep, type IntakeStep } from './steps';

export function isStepComplete(answers: IntakeAnswers, step: IntakeStep): boolean {
	if (step === 'review') return isIntakeComplete(answers);
	// Red-flag answers saved before the self-check's pain question was asked here are asked again.
	if (step === 'red-flags') return typeof answers['red-flags']?.painNrs === 'number';
	return answers[step] !== undefined && answers[step] !== null;
}

/** The answer steps still missing, in questionnaire order. */
export function missingSteps(answers: IntakeAnswers): AnswerStep[] {
	return ANSWER_STEPS.filter((step) => !isStepComplete(answers, step));
}

export function isIntakeComplete(answers: IntakeAnswers): boolean {
	return missingSteps(answers).length === 0;
}

/** Where to resume: the first unanswered step, or the review once all are answered. */
export function firstIncompleteStep(answers: IntakeAnswers): IntakeStep {
	return missingSteps(answers)[0] ?? 'review';
}

/** Parses stored answers; anything that is not an object of known steps reads as nothing answered. */
export function parseStoredAnswers(json: string): IntakeAnswers {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return {};
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
	const answers: IntakeAnswers = {};
	for (const step of ANSWER_STEPS) {
		const part = (value as Record<string, unknown>)[step];
		if (part !== null && typeof part === 'object' && !Array.isArray(part)) (answers as Record<string, unknown>)[step] = part;
	}
	return answers;
}
