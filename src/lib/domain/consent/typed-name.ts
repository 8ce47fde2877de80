import { normaliseText, toKatakana } from '../patients/normalise';

export interface NameOnRecord {
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
}

/** Spaces of any width and the middle dot of foreign names in katakana (ジョン・スミス) are ignored. */
const SEPARATORS = /[\s・･]/g;

/** NFKC (compatibility ideographs kept), hiragana as katakana, no separators, lower case. */
function comparable(s: string): string {
	return toKatakana(normaliseText(s)).replace(SEPARATORS, '').toLowerCase();
}

/** What the patient may type: family + given in either order, in writing or in their kana reading. */
function acceptedForms(name: NameOnRecord): Set<string> {
	const forms = new Set<string>();
	for (const [family, given] of [
		[name.familyName, name.givenName],
		[name.familyNameKana, name.givenNameKana]
	] as const) {
		if (comparable(family + given) === '') continue;
		forms.add(comparable(family + given));
		forms.add(comparable(given + family));
	}
	return forms;
}

/**
 * Whether a typed full name is the patient's own: compared after NFKC, ignoring spaces and case,
 * so '山田\u3000花子', '花子 山田', 'やまだはなこ' and 'YAMADA hanako' (for a romaji record) all match.
 */
export function typedNameMatches(typed: string, name: NameOnRecord): boolean {
	const value = comparable(typed);
	return value !== '' && acceptedForms(name).has(value);
}
