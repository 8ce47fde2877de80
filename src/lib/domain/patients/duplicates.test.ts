import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateReasons, isPossibleDuplicate, kanaKey, nameKey, phoneKey, type DuplicateFacts } from './duplicates';

const hanako: DuplicateFacts = {
	familyName: '山田',
	givenName: '花子',
	familyNameKana: 'ヤマダ',
	givenNameKana: 'ハナコ',
	email: 'hanako@example.jp',
	phone: '090-1234-5678',
	dateOfBirth: '1960-03-10'
};
const stranger: DuplicateFacts = {
	familyName: '鈴木',
	givenName: '一郎',
	familyNameKana: 'スズキ',
	givenNameKana: 'イチロウ',
	email: 'ichiro@example.jp',
	phone: '090-0000-0002',
	dateOfBirth: '1967-04-11'
};

describe('possible duplicate patients', () => {
	it('sees two people in records that share nothing', () => {
		expect(duplicateReasons(hanako, stranger)).toEqual([]);
		expect(isPossibleDuplicate(hanako, stranger)).toBe(false);
	});

	it('matches the same e-mail and date of birth, whatever the case of the address', () => {
		const other = { ...stranger, email: ' Hanako@Example.JP ', dateOfBirth: '1960-03-10' };
		expect(duplicateReasons(hanako, other)).toEqual(['email_and_birth_date']);
	});

	it('does not match the same e-mail with another date of birth (a family sharing one address)', () => {
		expect(duplicateReasons(hanako, { ...stranger, email: hanako.email })).toEqual([]);
	});

	it('matches the same phone and the same name as written, with or without spaces and hyphens', () => {
		const other = { ...stranger, familyName: '山田 ', givenName: ' 花子', phone: '09012345678' };
		expect(duplicateReasons(hanako, other)).toEqual(['phone_and_name']);
	});

	it('matches the same phone and the same reading even when the kanji differ', () => {
		const other = { ...stranger, familyName: '山多', givenName: '華子', familyNameKana: 'やまだ', givenNameKana: 'はなこ', phone: '090-1234-5678' };
		expect(duplicateReasons(hanako, other)).toEqual(['phone_and_name']);
	});

	it('does not match the same phone with another name (a family sharing one number)', () => {
		expect(duplicateReasons(hanako, { ...stranger, phone: hanako.phone })).toEqual([]);
	});

	it('matches the same reading and date of birth, typed in hiragana or katakana', () => {
		const other = { ...stranger, familyName: '山多', givenName: '華子', familyNameKana: 'やまだ', givenNameKana: 'はなこ', dateOfBirth: '1960-03-10' };
		expect(duplicateReasons(hanako, other)).toEqual(['kana_and_birth_date']);
	});

	it('lists every reason that holds, strongest first', () => {
		expect(duplicateReasons(hanako, { ...hanako })).toEqual(['email_and_birth_date', 'phone_and_name', 'kana_and_birth_date']);
	});

	it('never matches on empty keys (walk-ins with no e-mail, foreign names with no reading)', () => {
		const walkIn = { ...hanako, email: '', familyNameKana: '', givenNameKana: '', phone: '090-1111-1111' };
		const another = { ...stranger, email: '', familyNameKana: '', givenNameKana: '', dateOfBirth: hanako.dateOfBirth };
		expect(duplicateReasons(walkIn, another)).toEqual([]);
		const noBirth = { ...hanako, dateOfBirth: null };
		expect(duplicateReasons(noBirth, { ...stranger, email: hanako.email, familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', dateOfBirth: null })).toEqual([]);
	});

	it('normalises the keys it compares', () => {
		expect(phoneKey('０９０ー１２３４ー５６７８')).toBe('09012345678');
		expect(nameKey('山田', ' 花子')).toBe('山田花子');
		expect(kanaKey('やまだ', 'ﾊﾅｺ')).toBe('ヤマダハナコ');
	});

	it('is symmetric', () => {
		const facts = fc.record({
			familyName: fc.constantFrom('山田', '鈴木', ''),
			givenName: fc.constantFrom('花子', '一郎'),
			familyNameKana: fc.constantFrom('ヤマダ', 'やまだ', ''),
			givenNameKana: fc.constantFrom('ハナコ', ''),
			email: fc.constantFrom('a@example.jp', 'A@example.jp', ''),
			phone: fc.constantFrom('090-1234-5678', '09012345678', '03-1234-5678'),
			dateOfBirth: fc.constantFrom('1960-03-10', '1970-01-01', null)
		});
		fc.assert(
			fc.property(facts, facts, (a, b) => {
				expect(duplicateReasons(a, b)).toEqual(duplicateReasons(b, a));
			})
		);
	});
});
