import type { MessageKey } from '$lib/i18n/translate';
import type { TriageLevel } from '$lib/domain/triage/assess';

/** What a triage level advises the patient to do. */

export const TRIAGE_ADVICE_LABELS: Record<TriageLevel, MessageKey> = {
	emergency: 'check.advice.emergency',
	urgent: 'check.advice.urgent',
	see_doctor: 'check.advice.see_doctor',
	routine: 'check.advice.routine'
};
