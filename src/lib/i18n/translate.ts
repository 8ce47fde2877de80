import type { Locale } from './locales';
import { en } from './messages/en';
import { ja, type MessageKey } from './messages/ja';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { ja, en };

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
	const template = CATALOGUES[locale][key];
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

export function isMessageKey(value: string): value is MessageKey {
	return value in ja;
}
