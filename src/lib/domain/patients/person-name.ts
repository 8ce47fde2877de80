import type { Locale } from '../../i18n/locales';

/** Kana, kanji and hangul (with the iteration marks and half-width kana). */
const EAST_ASIAN_SCRIPT = /[\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af]/u;

/**
 * A person's name in the order it is written: family name first in Japanese, and in any language
 * for a name written in Japanese (or another East Asian) script, since 山田 花子 is never 花子 山田;
 * given name first for a name in Latin letters on an English page.
 */
export function personName(person: { familyName: string; givenName: string }, locale: Locale): string {
	const familyFirst = locale === 'ja' || EAST_ASIAN_SCRIPT.test(person.familyName) || EAST_ASIAN_SCRIPT.test(person.givenName);
	return (familyFirst ? `${person.familyName} ${person.givenName}` : `${person.givenName} ${person.familyName}`).trim();
}
