import { describe, expect, it } from 'vitest';
import { eraYearText, formatWareki, formatWarekiMonth, lastDayOfMonth, toWareki } from './wareki';

describe('toWareki', () => {
	it.each([
		['2019-04-30', '平成31年4月30日'],
		['2019-05-01', '令和元年5月1日'],
		['2020-01-01', '令和2年1月1日'],
		['2024-10-01', '令和6年10月1日'],
		['1989-01-07', '昭和64年1月7日'],
		['1989-01-08', '平成元年1月8日'],
		['1926-12-24', '大正15年12月24日'],
		['1926-12-25', '昭和元年12月25日'],
		['1912-07-29', '明治45年7月29日'],
		['1912-07-30', '大正元年7月30日'],
		['1868-10-23', '明治元年10月23日'],
		['1900-02-28', '明治33年2月28日']
	])('writes %s as %s', (date, text) => {
		expect(formatWareki(date)).toBe(text);
	});

	it('gives the era parts, with the short form circled on a birth date', () => {
		expect(toWareki('1955-03-15')).toMatchObject({ era: { code: 'showa', short: '昭' }, year: 30, month: 3, day: 15 });
		expect(toWareki('2019-05-01')?.year).toBe(1);
	});

	it('has no era before 明治, and refuses what is not a day', () => {
		expect(toWareki('1868-10-22')).toBeNull();
		expect(formatWareki('1800-01-01')).toBe('');
		expect(formatWareki(null)).toBe('');
		expect(() => toWareki('2024/10/01')).toThrow(RangeError);
	});
});

describe('formatWarekiMonth', () => {
	it('writes the claim month in the era of its last day', () => {
		expect(formatWarekiMonth('2024-10')).toBe('令和6年10月');
		expect(formatWarekiMonth('2019-05')).toBe('令和元年5月');
		expect(formatWarekiMonth('2019-04')).toBe('平成31年4月');
		expect(formatWarekiMonth('1989-01')).toBe('平成元年1月');
		expect(() => formatWarekiMonth('2024-13')).toThrow(RangeError);
	});
});

describe('small parts', () => {
	it('writes 元 for the first year only', () => {
		expect([1, 2, 10].map(eraYearText)).toEqual(['元', '2', '10']);
	});
	it('knows the length of each month, leap years included', () => {
		expect(['2024-02', '2023-02', '1900-02', '2000-02', '2024-04', '2024-12'].map(lastDayOfMonth)).toEqual([29, 28, 28, 29, 30, 31]);
	});
});
