import type { AlertSeverity, ConflictSource, SafetyAlert } from '$lib/domain/safety/alerts';
import type { Locale } from '$lib/i18n/locales';
import { translate, type MessageKey } from '$lib/i18n/translate';

/*
 * The safety alerts' words by code (issue #21), apart from the schedule's labels: the session
 * record and the plan show conflicts, and a page ships every map of each label module it imports.
 */

export const SEVERITY_LABELS: Record<AlertSeverity, MessageKey> = {
	contraindication: 'safety.contraindication',
	caution: 'safety.caution'
};

/** A safety alert (or a point's caution) in two or three words. */
export const SAFETY_SHORT_LABELS: Record<ConflictSource, MessageKey> = {
	pregnancy: 'safety.short.pregnancy',
	pregnancyUnknown: 'safety.short.pregnancyUnknown',
	anticoagulants: 'safety.short.anticoagulants',
	bleedingDisorder: 'safety.short.bleedingDisorder',
	implantedDevice: 'safety.short.implantedDevice',
	immunosuppressed: 'safety.short.immunosuppressed',
	diabetes: 'safety.short.diabetes',
	skinProblemSites: 'safety.short.skinProblemSites',
	lymphoedemaSites: 'safety.short.lymphoedemaSites',
	needleFear: 'safety.short.needleFear',
	faintingHistory: 'safety.short.faintingHistory',
	metalAllergy: 'safety.short.metalAllergy',
	alcoholSwabAllergy: 'safety.short.alcoholSwabAllergy',
	tapeAllergy: 'safety.short.tapeAllergy',
	pointCaution: 'safety.short.pointCaution'
};

/** A safety alert as the safety panel shows it, worded on the server so no page ships these maps. */
export interface WordedSafetyAlert {
	code: SafetyAlert['code'];
	severity: AlertSeverity;
	/** `禁忌: 妊娠中` / `Contraindication: pregnant`. */
	words: string;
	advice: string;
}

export function wordSafetyAlerts(alerts: readonly SafetyAlert[], locale: Locale): WordedSafetyAlert[] {
	return alerts.map((alert) => ({
		code: alert.code,
		severity: alert.severity,
		words: `${translate(locale, SEVERITY_LABELS[alert.severity])}: ${translate(locale, SAFETY_SHORT_LABELS[alert.code])}`,
		advice: alert.advice[locale]
	}));
}
