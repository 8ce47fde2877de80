import type { Locale } from '../../i18n/locales';

/* Instants shown as the clinic's wall clock and calendar; the server sends UTC, pages show local. */

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** 'HH:MM' on the 24-hour clock, as a Japanese clinic writes times. */
export function clockTime(instant: number | string, timeZone: string): string {
	let format = clockFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
		clockFormats.set(timeZone, format);
	}
	return format.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A calendar day ('YYYY-MM-DD') as words, e.g. 2026年11月30日(月) or Mon 30 Nov 2026. */
export function dayText(date: string, locale: Locale, style: 'full' | 'short' = 'full'): string {
	const options: Intl.DateTimeFormatOptions =
		style === 'full' ? { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } : { weekday: 'short', month: 'numeric', day: 'numeric', timeZone: 'UTC' };
	return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', options).format(new Date(`${date}T00:00:00Z`));
}

export { personName } from '../../domain/patients/person-name';
