import { describe, expect, it } from 'vitest';
import {
	isKanaReading,
	normaliseInsurerNumber,
	normalisePhone,
	normalisePostalCode,
	normaliseText,
	parseDateOfBirth,
	romajiKey,
	toKatakana
} from './normalise';

describe('normaliseText', () => {
	it.each([
		['  山田　太郎  ', '山田 太郎'],
		['Ｙａｍａｄａ　Ｔａｒｏ', 'Yamada Taro'],
		['a \t\n b', 'a b'],
		['ｶﾞｯｺｳ', 'ガッコウ'],
		['１２３', '123'],
		['山\u200B田', '山田'],
		['', ''],
		['   ', '']
	])('normalises %j to %j', (input, expected) => {
		expect(normaliseText(input)).toBe(expected);
	});

	it('keeps compatibility ideographs that people choose for their names', () => {
		expect(normaliseText('山\uFA11　花子')).toBe('山\uFA11 花子');
		expect(normaliseText('\uFA19社')).toBe('\uFA19社');
	});
});

describe('toKatakana', () => {
	it.each([
		['やまだ たろう', 'ヤマダ タロウ'],
		['ヤマダ　タロウ', 'ヤマダ タロウ'],
		['ｻﾄｳ ｼﾞｭﾝ', 'サトウ ジュン'],
		['ｺｰﾋｰ', 'コーヒー'],
		['らーめん', 'ラーメン'],
		['ゔぁ', 'ヴァ'],
		['いすゞ', 'イスヾ'],
		['きゃっと', 'キャット'],
		['山田', '山田']
	])('turns %j into %j', (input, expected) => {
		expect(toKatakana(input)).toBe(expected);
	});
});

describe('isKanaReading', () => {
	it.each([
		['ヤマダ タロウ', true],
		['やまだ たろう', true],
		['ｻﾄｳ', true],
		['スミス・ジョン', true],
		['コーヒー', true],
		['山田', false],
		['Yamada', false],
		['ヤマダ1', false],
		['', false],
		['  ', false]
	])('says %j is a kana reading: %s', (input, expected) => {
		expect(isKanaReading(input)).toBe(expected);
	});
});

describe('normalisePhone', () => {
	it.each([
		['090-1234-5678', '+819012345678', '090-1234-5678'],
		['09012345678', '+819012345678', '090-1234-5678'],
		['０８０－１２３４－５６７８', '+818012345678', '080-1234-5678'],
		['070 1234 5678', '+817012345678', '070-1234-5678'],
		['050-1234-5678', '+815012345678', '050-1234-5678'],
		['03-1234-5678', '+81312345678', '03-1234-5678'],
		['0312345678', '+81312345678', '03-1234-5678'],
		['(03) 1234-5678', '+81312345678', '03-1234-5678'],
		['０３ー１２３４ー５６７８', '+81312345678', '03-1234-5678'],
		['042-521-2323', '+81425212323', '042-521-2323'],
		['0422-12-3456', '+81422123456', '0422-12-3456'],
		['0570-000-123', '+81570000123', '0570-000-123'],
		['+81 90-1234-5678', '+819012345678', '090-1234-5678'],
		['+81 (0)3-1234-5678', '+81312345678', '03-1234-5678'],
		['＋８１３１２３４５６７８', '+81312345678', '03-1234-5678'],
		['+1 (415) 555-0100', '+14155550100', '+14155550100'],
		['+44 20 7946 0958', '+442079460958', '+442079460958'],
		['+6512345', '+6512345', '+6512345']
	])('accepts %j as %s', (input, e164, display) => {
		expect(normalisePhone(input)).toEqual({ ok: true, e164, display });
	});

	it('gives free-dial numbers no international form', () => {
		expect(normalisePhone('0120-123-456')).toEqual({ ok: true, display: '0120-123-456' });
		expect(normalisePhone('08001234567')).toEqual({ ok: true, display: '0800-123-4567' });
	});

	it.each([
		['', 'empty'],
		['abc', 'letters'],
		['090-1234-567a', 'a letter among digits'],
		['03-1234-5678 ext 2', 'an extension'],
		['119', 'too short'],
		['03-1234-567', 'a landline one digit short'],
		['090-1234-567', 'a mobile one digit short'],
		['03-1234-56789', 'a landline one digit long'],
		['090-1234-56789', 'a mobile one digit long'],
		['0012345678', 'a second zero after the trunk prefix'],
		['12345678901', 'no trunk prefix'],
		['+123456', 'an international number of 6 digits'],
		['+1234567890123456', 'an international number of 16 digits'],
		['+0123456789', 'a country code starting with 0'],
		['++81312345678', 'two plus signs'],
		['+81 3 1234', 'a Japanese number too short after +81']
	])('rejects %j (%s)', (input) => {
		expect(normalisePhone(input)).toEqual({ ok: false });
	});
});

describe('normalisePostalCode', () => {
	it.each([
		['1320031', '132-0031'],
		['132-0031', '132-0031'],
		['１３２－００３１', '132-0031'],
		['〒132-0031', '132-0031'],
		['〒 １３２００３１', '132-0031'],
		[' 132ー0031 ', '132-0031']
	])('accepts %j as %s', (input, expected) => {
		expect(normalisePostalCode(input)).toBe(expected);
	});

	it.each(['', '132003', '13200311', '13-20031', '132-003a', '132--0031', '〒'])('rejects %j', (input) => {
		expect(normalisePostalCode(input)).toBeNull();
	});
});

describe('parseDateOfBirth', () => {
	const today = '2025-06-15';

	it.each([
		['1980-04-01', '1980-04-01'],
		['1980/4/1', '1980-04-01'],
		['1980.04.01', '1980-04-01'],
		['１９８０／０４／０１', '1980-04-01'],
		['1980年4月1日', '1980-04-01'],
		['１９８０年４月１日', '1980-04-01'],
		['19800401', '1980-04-01'],
		[' 1980 / 04 / 01 ', '1980-04-01'],
		['2000-02-29', '2000-02-29'],
		['2024-02-29', '2024-02-29'],
		['2025-06-15', '2025-06-15'],
		['1904-06-16', '1904-06-16']
	])('accepts %j as %s', (input, date) => {
		expect(parseDateOfBirth(input, today)).toEqual({ ok: true, date });
	});

	it.each([
		['', 'invalid'],
		['1980-13-01', 'invalid'],
		['1980-00-10', 'invalid'],
		['1980-04-31', 'invalid'],
		['1980年2月30日', 'invalid'],
		['1900-02-29', 'invalid'],
		['2023-02-29', 'invalid'],
		['80-04-01', 'invalid'],
		['1980-04', 'invalid'],
		['昭和55年4月1日', 'invalid'],
		['2025-06-16', 'future'],
		['2030-01-01', 'future'],
		['1904-06-15', 'too_old'],
		['1800-01-01', 'too_old']
	] as const)('rejects %j as %s', (input, code) => {
		expect(parseDateOfBirth(input, today)).toEqual({ ok: false, code });
	});

	it('counts a leap-day birthday as reached on 1 March in other years', () => {
		expect(parseDateOfBirth('1904-02-29', '2025-02-28')).toEqual({ ok: true, date: '1904-02-29' });
		expect(parseDateOfBirth('1904-02-29', '2025-03-01')).toEqual({ ok: false, code: 'too_old' });
	});

	it('refuses a today that is not a real date', () => {
		expect(() => parseDateOfBirth('1980-01-01', '2025/06/15')).toThrow(RangeError);
		expect(() => parseDateOfBirth('1980-01-01', '2025-02-30')).toThrow(RangeError);
	});
});

describe('romajiKey', () => {
	it.each([
		['Yamada Taro', 'yamadataro'],
		['YAMADA  Tarō', 'yamadataro'],
		['Ｙａｍａｄａ　Ｔａｒｏｕ', 'yamadataro'],
		['やまだ たろう', 'yamadataro'],
		['ヤマダ タロウ', 'yamadataro'],
		['ｻﾄｳ ｼﾞｭﾝ', 'satojun'],
		['さとう じゅん', 'satojun'],
		['きょうこ', 'kyoko'],
		['しゃちょう', 'shacho'],
		['まっちゃ', 'matcha'],
		['はっとり', 'hattori'],
		['ふぁいる', 'fairu'],
		['ウィリアム', 'wiriamu'],
		['ゆうこ', 'yuko'],
		['Yūko', 'yuko'],
		["O'Brien-Smith", 'obriensmith'],
		['', '']
	])('gives %j the key %j', (input, expected) => {
		expect(romajiKey(input)).toBe(expected);
	});

	it('is plain lower-case ASCII, whatever the input', () => {
		for (const input of ['山田 太郎', 'Émilie Dupont', 'ジェームズ・ボンド', '佐藤①']) {
			expect(romajiKey(input)).toMatch(/^[a-z0-9]*$/);
		}
	});
});

describe('normaliseInsurerNumber', () => {
	it('accepts real insurer numbers whose check digit is right', () => {
		// 全国健康保険協会 東京支部 and 大阪支部.
		expect(normaliseInsurerNumber('01130012')).toBe('01130012');
		expect(normaliseInsurerNumber('０１２７００１６')).toBe('01270016');
		expect(normaliseInsurerNumber('0127 0016')).toBe('01270016');
	});

	it('checks a 6-digit National Health Insurance number as if it began with 00', () => {
		// 13 (Tokyo) 801 → weights 2,1,2,1,2 on 1,3,8,0,1 → 2+3+(1+6)+0+2 = 14 → check digit 6.
		expect(normaliseInsurerNumber('138016')).toBe('138016');
		expect(normaliseInsurerNumber('138017')).toBeNull();
	});

	it('refuses a wrong check digit, a wrong length and letters', () => {
		expect(normaliseInsurerNumber('01130013')).toBeNull();
		expect(normaliseInsurerNumber('0113001')).toBeNull();
		expect(normaliseInsurerNumber('011300120')).toBeNull();
		expect(normaliseInsurerNumber('0113001a')).toBeNull();
		expect(normaliseInsurerNumber('')).toBeNull();
	});
});
