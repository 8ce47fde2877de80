import type { DurationUnit } from '$lib/domain/intake/answers';
import type { MessageKey } from '$lib/i18n/translate';

/** The units the self-check offers for how long a complaint has lasted. */

export const CHECK_DURATION_UNIT_LABELS: Record<Exclude<DurationUnit, 'years'>, MessageKey> = {
	days: 'check.unit.days',
	weeks: 'check.unit.weeks',
	months: 'check.unit.months'
};
