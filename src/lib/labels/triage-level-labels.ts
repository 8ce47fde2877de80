import type { MessageKey } from '$lib/i18n/translate';
import type { TriageLevel } from '$lib/domain/triage/assess';

/** A self-check or intake triage level, as the patient and the desk read it. */

export const TRIAGE_LEVEL_LABELS: Record<TriageLevel, MessageKey> = {
	emergency: 'check.level.emergency',
	urgent: 'check.level.urgent',
	see_doctor: 'check.level.see_doctor',
	routine: 'check.level.routine'
};
