import type { Locale } from '../i18n/locales';

/*
 * The one format module (docs/architecture.md, "Time and formats"): dates, times, date ranges,
 * weekday names, yen, numbers and person names for people, in Japanese and English, in the
 * clinic's time zone. Pure: usable by pages, components, mail and documents alike. ESLint forbids
 * `Intl.DateTimeFormat`, `Intl.NumberFormat` and `toLocale*String` everywhere else, so each kind
 * of value reads the same on every page and in every message. Instants are never shown as ISO
 * timestamps; clinic-local calendar days ('YYYY-MM-DD') are computed in `domain/time`.
 */

export { personName } from '../domain/patients/person-name';

/** The Intl locale each language writes dates and numbers in. */
export function intlLocale(locale: Locale): 'ja-JP' | 'en-GB' {
	return locale === 'ja' ? 'ja-JP' : 'en-GB';
}

export type InstantStyle = Omit<Intl.DateTimeFormatOptions, 'timeZone'>;

/** An instant: epoch milliseconds, an ISO string or a Date. */
export type Instant = number | string | Date;

export interface InstantFormat {
	format(instant: Instant): string;
	formatRange(start: Instant, end: Instant): string;
}

const instantFormats = new Map<string, InstantFormat>();

function toDate(instant: Instant): Date | number {
	return typeof instant === 'string' ? new Date(instant) : instant;
}

/**
 * A formatter of instants in the clinic's time zone, remembered per language, zone and style.
 * `{ dateStyle: 'medium', timeStyle: 'short' }` gives 2026/12/06 9:30 or 6 Dec 2026, 09:30.
 */
export function instantFormat(locale: Locale, timeZone: string, style: InstantStyle): InstantFormat {
	const key = `${locale} ${timeZone} ${JSON.stringify(style)}`;
	let format = instantFormats.get(key);
	if (!format) {
		const intl = new Intl.DateTimeFormat(intlLocale(locale), { ...style, timeZone });
		format = {
			format: (instant) => intl.format(toDate(instant)),
			formatRange: (start, end) => intl.formatRange(toDate(start), toDate(end))
		};
		instantFormats.set(key, format);
	}
	return format;
}

/** An instant as date and time, by default 2026/12/06 9:30 or 6 Dec 2026, 09:30. */
export function formatInstant(instant: Instant, locale: Locale, timeZone: string, style: InstantStyle = { dateStyle: 'medium', timeStyle: 'short' }): string {
	return instantFormat(locale, timeZone, style).format(instant);
}

/** A visit's date and time in full: 2026年12月6日日曜日 9:30 or Sunday, 6 December 2026 at 09:30. */
export function formatWhen(instant: Instant, locale: Locale, timeZone: string): string {
	return instantFormat(locale, timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(instant);
}

/** An instant range, e.g. "2026/11/30 9:00～13:00". */
export function formatInstantRange(
	start: Instant,
	end: Instant,
	locale: Locale,
	timeZone: string,
	style: InstantStyle = { dateStyle: 'medium', timeStyle: 'short' }
): string {
	return instantFormat(locale, timeZone, style).formatRange(start, end);
}

/** 'HH:MM' on the 24-hour clock in both languages, as a Japanese clinic writes times. */
export function clockTime(instant: Instant, timeZone: string): string {
	return instantFormat('en', timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/**
 * A clinic-local calendar day ('YYYY-MM-DD') as the clinic writes it: 2026年12月6日(日) or
 * Sun, 6 December 2026; `short`: 12/6(日) or Sun, 06/12. The day is a date, not an instant, so no
 * time zone moves it.
 */
export function dayText(date: string, locale: Locale, style: 'full' | 'short' = 'full'): string {
	const options: InstantStyle =
		style === 'full' ? { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric' } : { weekday: 'short', month: 'numeric', day: 'numeric' };
	return instantFormat(locale, 'UTC', options).format(`${date}T00:00:00Z`);
}

/**
 * A calendar day in one of Intl's date styles (`full` 2026年12月6日日曜日, `long` 2026年12月6日,
 * `medium` 2026/12/06), or `weekday-month`: 12月6日(日) or Sun 6 Dec.
 */
export function formatDay(date: string, locale: Locale, style: 'full' | 'long' | 'medium' | 'weekday-month' = 'full'): string {
	const options: InstantStyle =
		style === 'weekday-month' ? { weekday: 'short', month: locale === 'ja' ? 'numeric' : 'short', day: 'numeric' } : { dateStyle: style };
	return instantFormat(locale, 'UTC', options).format(`${date}T00:00:00Z`);
}

/** 'YYYY-MM' as a month heading: 2026年12月 or December 2026. */
export function formatMonth(month: string, locale: Locale): string {
	return instantFormat(locale, 'UTC', { year: 'numeric', month: 'long' }).format(`${month}-01T00:00:00Z`);
}

/** Weekday names from Sunday, short and long: 日/日曜日, Sun/Sunday. */
export function weekdayNames(locale: Locale): Array<{ short: string; long: string }> {
	const short = instantFormat(locale, 'UTC', { weekday: 'short' });
	const long = instantFormat(locale, 'UTC', { weekday: 'long' });
	// 2023-01-01 was a Sunday.
	return Array.from({ length: 7 }, (_, i) => {
		const day = Date.UTC(2023, 0, 1 + i);
		return { short: short.format(day), long: long.format(day) };
	});
}

const yenFormats = new Map<Locale, Intl.NumberFormat>();

/** Whole yen as each language writes money: ￥5,500 or ¥5,500. Amounts are integers already; nothing is rounded here. */
export function formatYen(amountJpy: number, locale: Locale): string {
	let format = yenFormats.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-JP', { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 });
		yenFormats.set(locale, format);
	}
	return format.format(amountJpy);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A number with digit grouping, 12,345.6 (for a yen amount written before 円, a count, a mean). */
export function formatNumber(value: number, locale: Locale): string {
	let format = numberFormats.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale));
		numberFormats.set(locale, format);
	}
	return format.format(value);
}
