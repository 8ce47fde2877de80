import { describe, expect, it } from 'vitest';
import { typedNameMatches } from './typed-name';

const hanako = { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' };
const alex = { familyName: 'Morgan', givenName: 'Alex', familyNameKana: '', givenNameKana: '' };
const john = { familyName: 'スミス', givenName: 'ジョン', familyNameKana: 'スミス', givenNameKana: 'ジョン' };

describe('typedNameMatches', () => {
	it.each(['山田花子', '山田 花子', '山田　花子', ' 山田  花子 ', '花子 山田', 'ヤマダ ハナコ', 'やまだ はなこ', 'はなこ やまだ', 'ﾔﾏﾀﾞ ﾊﾅｺ'])(
		'accepts %j for 山田 花子',
		(typed) => {
			expect(typedNameMatches(typed, hanako)).toBe(true);
		}
	);

	it.each(['', '   ', '山田', '花子', '山田太郎', '山田 花', 'やまだ', 'yamada hanako', '山田ハナコ'])('refuses %j for 山田 花子', (typed) => {
		expect(typedNameMatches(typed, hanako)).toBe(false);
	});

	it('compares romaji names ignoring case and full-width letters', () => {
		for (const typed of ['Alex Morgan', 'morgan alex', 'ＡＬＥＸ　ＭＯＲＧＡＮ', 'AlexMorgan']) expect(typedNameMatches(typed, alex), typed).toBe(true);
		for (const typed of ['Alex', 'Alex Morgans', 'A. Morgan']) expect(typedNameMatches(typed, alex), typed).toBe(false);
	});

	it('does not let an empty kana reading match an empty answer', () => {
		expect(typedNameMatches('', alex)).toBe(false);
	});

	it('ignores the middle dot between the parts of a foreign name in katakana', () => {
		expect(typedNameMatches('ジョン・スミス', john)).toBe(true);
	});

	it('keeps compatibility ideographs distinct, as the register does', () => {
		const record = { familyName: '\uFA11', givenName: '花子', familyNameKana: 'サキ', givenNameKana: 'ハナコ' };
		expect(typedNameMatches('\uFA11 花子', record)).toBe(true);
		expect(typedNameMatches('サキ ハナコ', record)).toBe(true);
	});
});
