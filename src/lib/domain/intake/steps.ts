/*
 * The intake questionnaire's steps (issue #6), in the order a patient meets them. The first five
 * collect answers; `review` shows them and submits. Pure: no I/O, no clock.
 */

export const INTAKE_STEPS = ['history', 'safety', 'complaint', 'red-flags', 'measures', 'review'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

/** The steps that collect answers: everything but the review. */
export const ANSWER_STEPS = ['history', 'safety', 'complaint', 'red-flags', 'measures'] as const satisfies readonly IntakeStep[];
export type AnswerStep = (typeof ANSWER_STEPS)[number];

export function isIntakeStep(value: unknown): value is IntakeStep {
	return typeof value === 'string' && (INTAKE_STEPS as readonly string[]).includes(value);
}

export function isAnswerStep(value: unknown): value is AnswerStep {
	return typeof value === 'string' && (ANSWER_STEPS as readonly string[]).includes(value);
}

/** The step after `step`, or null after the review. */
export function nextStep(step: IntakeStep): IntakeStep | null {
	return INTAKE_STEPS[INTAKE_STEPS.indexOf(step) + 1] ?? null;
}

/** The step before `step`, or null on the first. */
export function previousStep(step: IntakeStep): IntakeStep | null {
	const index = INTAKE_STEPS.indexOf(step);
	return index > 0 ? INTAKE_STEPS[index - 1]! : null;
}

/** 1-based position, for "step 2 of 6". */
export function stepNumber(step: IntakeStep): number {
	return INTAKE_STEPS.indexOf(step) + 1;
}
