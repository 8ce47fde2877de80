import { fail } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locales';
import { isMessageKey, translate } from '../../i18n/translate';
import type { JukyoFieldCodes } from './schemas';

/*
 * A refused eligibility check (資格確認) as the page it was sent from shows it (issue #21 follow-up):
 * the entered values and one localized message per field, under `eligibilityForm` so it never mixes
 * with the page's own form (the charge page's charge, the insurance page's consent).
 */

export interface EligibilityFormFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
}

/** The fields' message keys in the desk's language; an unknown key reads as "check this field". */
export function localizedEligibilityErrors(locale: Locale, fields: JukyoFieldCodes): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [field, translate(locale, isMessageKey(key) ? key : 'jukyoRegistration.error.invalid')])
	);
}

/** The 422 answer that keeps what was typed (hidden routing fields dropped) and says what is wrong. */
export function eligibilityFormFailure(locale: Locale, values: Record<string, string>, fields: JukyoFieldCodes) {
	const kept = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'intent' && name !== 'returnTo'));
	const eligibilityForm: EligibilityFormFailure = { values: kept, errors: localizedEligibilityErrors(locale, fields) };
	return fail(422, { eligibilityForm });
}
