import type { Locale } from '$lib/i18n/locales';

/* Days and times as the scheduling settings show them, with Intl. */

const intlLocale = (locale: Locale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');

/** A calendar day 'YYYY-MM-DD' in words, with its weekday. */
export function formatDay(date: string, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant range in the clinic's time zone, e.g. "2026/11/30 9:00 – 2026/11/30 13:00". */
export function formatInstantRange(startIso: string, endIso: string, locale: Locale, timeZone: string): string {
	const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone });
	return format.formatRange(new Date(startIso), new Date(endIso));
}
