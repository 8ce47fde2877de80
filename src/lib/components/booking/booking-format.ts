import type { Locale } from '$lib/i18n/locales';

/* Dates, times and prices as the booking pages show them, in the clinic's time zone, with Intl. */

const intlLocale = (locale: Locale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');

/** An instant as a full date and time in the clinic's time zone. */
export function formatWhen(instant: number, locale: Locale, timeZone: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(instant);
}

/** A clinic-local calendar day 'YYYY-MM-DD' in words. */
export function formatDay(date: string, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** 'YYYY-MM' as a month heading. */
export function formatMonth(month: string, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** Weekday names from Sunday, short and long. */
export function weekdayNames(locale: Locale): Array<{ short: string; long: string }> {
	const short = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', timeZone: 'UTC' });
	const long = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' });
	// 2023-01-01 was a Sunday.
	return Array.from({ length: 7 }, (_, i) => {
		const day = new Date(Date.UTC(2023, 0, 1 + i));
		return { short: short.format(day), long: long.format(day) };
	});
}

export function formatYen(amount: number, locale: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'JPY', currencyDisplay: 'narrowSymbol' }).format(amount);
}
