import { describe, expect, it } from 'vitest';
import { addDays, datesBetween, localDate, localInstant, toOffsetIso, weekdayOf } from './local-time';

describe('clinic-local time', () => {
	it('counts calendar days across month, year and leap-day boundaries', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(datesBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
		expect(weekdayOf('2026-11-25')).toBe(3);
	});

	it('turns a Tokyo wall-clock time into the right instant and back', () => {
		const instant = localInstant('2026-12-01', '09:00', 'Asia/Tokyo');
		expect(new Date(instant).toISOString()).toBe('2026-12-01T00:00:00.000Z');
		expect(toOffsetIso(instant, 'Asia/Tokyo')).toBe('2026-12-01T09:00:00+09:00');
		expect(localDate(localInstant('2026-12-01', '23:30', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe('2026-12-01');
	});

	it('follows daylight saving: 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer', () => {
		expect(new Date(localInstant('2026-03-07', '09:00', 'America/New_York')).toISOString()).toBe('2026-03-07T14:00:00.000Z');
		expect(new Date(localInstant('2026-03-09', '09:00', 'America/New_York')).toISOString()).toBe('2026-03-09T13:00:00.000Z');
		expect(toOffsetIso(localInstant('2026-03-09', '09:00', 'America/New_York'), 'America/New_York')).toBe('2026-03-09T09:00:00-04:00');
	});
});
