import type { ConsentKind } from '$lib/domain/consent/kinds';
import type { ConsentStatus } from '$lib/domain/consent/status';
import type { Locale } from '$lib/i18n/locales';
import { CONSENT_KIND_LABELS } from '$lib/labels/consent-kind-labels';
import { CONSENT_STATUS_LABELS } from '$lib/labels/consent-status-labels';
import { type InstantFormat, instantFormat } from '../../format';

/* Small display rules shared by the consent pages of the portal and the console. */

/** Where the patient stands on one kind (domain/consent/status.ts); the words are the typed label maps in src/lib/labels/ (issue #21). */
export type ConsentStatusName = ConsentStatus;

export interface DocumentTexts {
	titleJa: string;
	titleEn: string;
	bodyJa: string;
	bodyEn: string;
}

export const kindKey = (kind: ConsentKind) => CONSENT_KIND_LABELS[kind];
export const statusKey = (status: ConsentStatusName) => CONSENT_STATUS_LABELS[status];

export const titleIn = (document: DocumentTexts, locale: Locale) => (locale === 'ja' ? document.titleJa : document.titleEn);
export const bodyIn = (document: DocumentTexts, locale: Locale) => (locale === 'ja' ? document.bodyJa : document.bodyEn);
export const otherLocale = (locale: Locale): Locale => (locale === 'ja' ? 'en' : 'ja');

/** Paragraphs are separated by a blank line; a single line break stays inside its paragraph. */
export function paragraphsOf(body: string): string[] {
	return body
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
}

/** Date and time in the clinic's time zone, to the second: a signature is a record. */
export function signedAtFormat(locale: Locale, timeZone: string): InstantFormat {
	return instantFormat(locale, timeZone, { dateStyle: 'long', timeStyle: 'medium' });
}

/** A form's failure, when it belongs to the form of this kind (each posts a hidden `kind`). */
export interface ConsentFormFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
	message?: string;
}

export function failureFor(form: unknown, kind: string, action: string): ConsentFormFailure | null {
	const answer = form as (Partial<ConsentFormFailure> & { action?: string }) | null | undefined;
	if (!answer || !answer.errors || answer.values?.kind !== kind || answer.action !== action) return null;
	return { values: answer.values, errors: answer.errors, message: answer.message };
}
