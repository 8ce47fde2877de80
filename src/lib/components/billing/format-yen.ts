import type { Locale } from '../../i18n/locales';

const formats = new Map<Locale, Intl.NumberFormat>();

/** Whole yen as each language writes money: ￥5,500 or ¥5,500. Amounts are integers already; nothing is rounded here. */
export function formatYen(amountJpy: number, locale: Locale): string {
	let format = formats.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-JP', { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 });
		formats.set(locale, format);
	}
	return format.format(amountJpy);
}
