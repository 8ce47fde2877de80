import { describe, expect, it } from 'vitest';
import {
	clockTime,
	dayText,
	formatDay,
	formatInstant,
	formatInstantRange,
	formatMonth,
	formatNumber,
	formatWhen,
	formatYen,
	personName,
	weekdayNames
} from '.';

// Sunday 6 December 2026, 09:30 in Tokyo.
const instant = Date.parse('2026-12-06T00:30:00Z');

describe('the format module', () => {
	it('writes instants in the clinic’s time zone, not the server’s', () => {
		expect(formatInstant(instant, 'ja', 'Asia/Tokyo')).toBe('2026/12/06 9:30');
		expect(formatInstant(new Date(instant).toISOString(), 'en', 'Asia/Tokyo')).toBe('6 Dec 2026, 09:30');
		expect(formatInstant(instant, 'en', 'Europe/London')).toBe('6 Dec 2026, 00:30');
		expect(formatWhen(instant, 'en', 'Asia/Tokyo')).toBe('Sunday, 6 December 2026 at 09:30');
		expect(clockTime(instant, 'Asia/Tokyo')).toBe('09:30');
		expect(clockTime(Date.parse('2026-12-06T14:05:00Z'), 'Asia/Tokyo')).toBe('23:05');
	});

	it('writes a range once for the day it shares', () => {
		expect(formatInstantRange(instant, instant + 3 * 3_600_000, 'en', 'Asia/Tokyo', { timeStyle: 'short' })).toMatch(/^09:30\s*–\s*12:30$/);
	});

	it('writes calendar days with their weekday, whatever the zone', () => {
		expect(dayText('2026-12-06', 'ja')).toBe('2026年12月6日(日)');
		expect(dayText('2026-12-06', 'ja', 'short')).toBe('12/6(日)');
		expect(formatDay('2026-12-06', 'ja', 'weekday-month')).toBe('12/6(日)');
		expect(formatDay('2026-12-06', 'en', 'weekday-month')).toBe('Sun 6 Dec');
		expect(formatDay('2026-12-06', 'ja', 'long')).toBe('2026年12月6日');
		expect(formatMonth('2026-12', 'ja')).toBe('2026年12月');
		expect(weekdayNames('ja')[0]).toEqual({ short: '日', long: '日曜日' });
		expect(weekdayNames('en')[6]).toEqual({ short: 'Sat', long: 'Saturday' });
	});

	it('writes yen and numbers as each language does', () => {
		expect(formatYen(5500, 'ja')).toBe('￥5,500');
		expect(formatYen(5500, 'en')).toBe('¥5,500');
		expect(formatNumber(12345.5, 'ja')).toBe('12,345.5');
	});

	it('names a person in each language’s order', () => {
		expect(personName({ familyName: 'Smith', givenName: 'Anna' }, 'en')).toBe('Anna Smith');
		expect(personName({ familyName: 'Smith', givenName: 'Anna' }, 'ja')).toBe('Smith Anna');
	});
});
