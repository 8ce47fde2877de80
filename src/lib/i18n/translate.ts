import { CATALOGUES } from './catalogues';
import type { Locale } from './locales';
import type { MessageKey } from './messages/ja';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
	const template = CATALOGUES[locale][key] ?? missing(locale, key);
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Only in the browser, whose catalogue holds the keys found in the page's components: a key
 * reached another way (built from data) shows as itself and is reported, so a browser test sees it.
 */
function missing(locale: Locale, key: string): string {
	console.error(`Message "${key}" (${locale}) did not come with this page; name it as a literal or in a label map.`);
	return key;
}

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

export function isMessageKey(value: string): value is MessageKey {
	return value in CATALOGUES.ja;
}
