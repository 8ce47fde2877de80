/*
 * When two patient records are possibly one person (issue #6). The same rules as the booking's
 * `findOrCreatePatient` uses to reuse a record, plus the kana reading with the date of birth, which
 * catches a record typed once in kanji and once in another kanji for the same name. Pure.
 */
import { normaliseText, toKatakana } from './normalise';

export type DuplicateReason = 'email_and_birth_date' | 'phone_and_name' | 'kana_and_birth_date';

/** Reasons in the order the desk reads them: the strongest evidence first. */
export const DUPLICATE_REASONS: readonly DuplicateReason[] = ['email_and_birth_date', 'phone_and_name', 'kana_and_birth_date'];

export interface DuplicateFacts {
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	email: string;
	phone: string;
	dateOfBirth: string | null;
}

/** Keys compared by the rule; an empty key never matches anything. */
export interface DuplicateKeys {
	email: string;
	phone: string;
	name: string;
	kana: string;
	dateOfBirth: string;
}

/** E-mail addresses compare without case and surrounding space. */
export function emailKey(email: string): string {
	return normaliseText(email).toLowerCase();
}

/** Digits only: '090-1234-5678', '09012345678' and '０９０ー１２３４ー５６７８' meet. */
export function phoneKey(phone: string): string {
	return normaliseText(phone).replace(/\D/g, '');
}

/** The name as written, without spaces: '山田 花子' and '山田花子' meet. */
export function nameKey(familyName: string, givenName: string): string {
	return normaliseText(`${familyName}${givenName}`).replace(/\s+/g, '');
}

/** The reading in katakana, without spaces or the middle dot: 'やまだ はなこ' and 'ヤマダハナコ' meet. */
export function kanaKey(familyNameKana: string, givenNameKana: string): string {
	return toKatakana(`${familyNameKana}${givenNameKana}`).replace(/[\s・]+/g, '');
}

export function duplicateKeysOf(p: DuplicateFacts): DuplicateKeys {
	return {
		email: emailKey(p.email),
		phone: phoneKey(p.phone),
		name: nameKey(p.familyName, p.givenName),
		kana: kanaKey(p.familyNameKana, p.givenNameKana),
		dateOfBirth: p.dateOfBirth ?? ''
	};
}

const same = (a: string, b: string) => a !== '' && a === b;

/**
 * Why two records may be one person, strongest reason first; empty when they look like two people.
 * - the same e-mail and date of birth;
 * - the same phone and the same name, either as written or as read in kana;
 * - the same kana reading and date of birth.
 */
export function duplicateReasons(a: DuplicateFacts, b: DuplicateFacts): DuplicateReason[] {
	const x = duplicateKeysOf(a);
	const y = duplicateKeysOf(b);
	const reasons: DuplicateReason[] = [];
	if (same(x.email, y.email) && same(x.dateOfBirth, y.dateOfBirth)) reasons.push('email_and_birth_date');
	if (same(x.phone, y.phone) && (same(x.name, y.name) || same(x.kana, y.kana))) reasons.push('phone_and_name');
	if (same(x.kana, y.kana) && same(x.dateOfBirth, y.dateOfBirth)) reasons.push('kana_and_birth_date');
	return reasons;
}

export function isPossibleDuplicate(a: DuplicateFacts, b: DuplicateFacts): boolean {
	return duplicateReasons(a, b).length > 0;
}
