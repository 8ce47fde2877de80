import type { ConsentKind } from '$lib/domain/consent/kinds';
import type { Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/translate';
import { type InstantFormat, instantFormat } from '../../format';

/* Small display rules shared by the consent pages of the portal and the console. */

export type ConsentStatusName = 'current' | 'outdated' | 'declined' | 'missing';

export interface DocumentTexts {
	titleJa: string;
	titleEn: string;
	bodyJa: string;
	bodyEn: string;
}

/** Typed label maps (issue #21): a new kind or status without words is a type error. */
export const CONSENT_KIND_LABELS: Record<ConsentKind, MessageKey> = {
	treatment: 'consent.kind.treatment',
	privacy: 'consent.kind.privacy',
	reminders: 'consent.kind.reminders',
	research: 'consent.kind.research'
};

export const CONSENT_STATUS_LABELS: Record<ConsentStatusName, MessageKey> = {
	current: 'consent.status.current',
	outdated: 'consent.status.outdated',
	declined: 'consent.status.declined',
	missing: 'consent.status.missing'
};

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
