import type { IntakeStep } from '$lib/domain/intake/steps';
import type { MessageKey } from '$lib/i18n/translate';

/** The steps of the intake questionnaire. */

export const INTAKE_STEP_LABELS: Record<IntakeStep, MessageKey> = {
	history: 'intake.step.history',
	safety: 'intake.step.safety',
	complaint: 'intake.step.complaint',
	'red-flags': 'intake.step.red-flags',
	measures: 'intake.step.measures',
	review: 'intake.step.review'
};
