import type { MessageKey } from '$lib/i18n/translate';
import type { TriageLevel } from '$lib/domain/triage/assess';

/** An intake's triage level, as the staff alert names it. */

export const INTAKE_ALERT_LEVEL_LABELS: Record<TriageLevel, MessageKey> = {
	emergency: 'intake.alerts.level.emergency',
	urgent: 'intake.alerts.level.urgent',
	see_doctor: 'intake.alerts.level.see_doctor',
	routine: 'intake.alerts.level.routine'
};
