/*
 * What a safety alert shows to someone who may not read clinical facts (issue #16): reception needs
 * to know that the practitioner must be asked before the patient is seated, not why. The mark
 * carries no diagnosis (no pregnancy, no device, no medicine). Pure.
 */
import type { AlertSeverity, SafetyAlertCode } from './alerts';

/** The one mark reception sees when the owner keeps clinical facts from them. */
export const ASK_PRACTITIONER = 'askPractitioner';

export interface SafetyMark {
	code: SafetyAlertCode | typeof ASK_PRACTITIONER;
	severity: AlertSeverity;
}

/**
 * The alerts as the viewer may see them: all of them to whoever may read clinical facts; otherwise
 * at most one "ask the practitioner" mark, as severe as the most severe alert behind it.
 */
export function safetyMarksFor(alerts: ReadonlyArray<{ code: SafetyAlertCode; severity: AlertSeverity }>, readsClinical: boolean): SafetyMark[] {
	if (readsClinical) return alerts.map(({ code, severity }) => ({ code, severity }));
	if (alerts.length === 0) return [];
	return [{ code: ASK_PRACTITIONER, severity: alerts.some((a) => a.severity === 'contraindication') ? 'contraindication' : 'caution' }];
}
