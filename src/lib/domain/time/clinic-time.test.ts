import { describe, expect, it } from 'vitest';
import {
	addDays,
	datesBetween,
	isCalendarDate,
	localDate,
	localDayAt,
	localDayRange,
	localInstant,
	localTime,
	parseLocalDateTime,
	toOffsetIso,
	weekdayOf
} from '.';

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

describe('clinic days', () => {
	it('gives the Tokyo date, not the UTC date, late in the UTC evening', () => {
		// 2026-11-25 23:30 UTC is already Thursday 26 November in Tokyo.
		expect(localDayAt(new Date('2026-11-25T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-11-26', weekday: 4 });
		expect(localTime(Date.parse('2026-11-25T23:30:00Z'), 'Asia/Tokyo')).toBe('08:30');
	});

	it('follows daylight saving in a zone that has it', () => {
		// 2026-03-29 00:30 UTC is 01:30 in London (GMT), 2026-03-29 23:30 UTC is 00:30 the next day (BST).
		expect(localDayAt(new Date('2026-03-29T00:30:00Z'), 'Europe/London').date).toBe('2026-03-29');
		expect(localDayAt(Date.parse('2026-03-29T23:30:00Z'), 'Europe/London').date).toBe('2026-03-30');
	});

	it('spans several days as one half-open range', () => {
		expect(localDayRange('2026-11-25', 'Asia/Tokyo', '2026-11-27')).toEqual({ start: '2026-11-24T15:00:00.000Z', end: '2026-11-27T15:00:00.000Z' });
	});
});

describe('dates and date-times from a form', () => {
	it('knows real calendar days', () => {
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-29')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('2026-1-01')).toBe(false);
	});

	it('reads a date-time field value into a clinic-local day and time', () => {
		expect(parseLocalDateTime('2026-12-01T09:30')).toEqual({ date: '2026-12-01', time: '09:30' });
		expect(parseLocalDateTime('2026-12-01 09:30:00')).toEqual({ date: '2026-12-01', time: '09:30' });
		expect(parseLocalDateTime('2026-02-30T09:30')).toBeNull();
		expect(parseLocalDateTime('2026-12-01T24:00')).toBeNull();
		expect(parseLocalDateTime('2026-12-01')).toBeNull();
	});
});
