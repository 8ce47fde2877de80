import type { Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/translate';
import type { PATIENT_SEXES } from '$lib/server/patients/schemas';

/** A patient record's sex and language. */

export const PATIENT_SEX_LABELS: Record<(typeof PATIENT_SEXES)[number], MessageKey> = {
	'': 'patients.sex.',
	female: 'patients.sex.female',
	male: 'patients.sex.male',
	other: 'patients.sex.other'
};

export const PATIENT_LOCALE_LABELS: Record<Locale, MessageKey> = {
	ja: 'patients.locale.ja',
	en: 'patients.locale.en'
};
