import { describe, expect, it } from 'vitest';
import { daysFrom, endOfMonthAfter, isCalendarDate } from './calendar-date';

describe('clinic calendar days', () => {
	it('accepts only real days written YYYY-MM-DD', () => {
		expect(['2028-02-29', '2026-12-31', '2026-01-01'].map(isCalendarDate)).toEqual([true, true, true]);
		expect(['2027-02-29', '2026-13-01', '2026-04-31', '2026-4-1', '2026-04-01T00:00', ''].map(isCalendarDate)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false
		]);
	});

	it('finds the end of a month some months on, across year ends and leap years', () => {
		expect(endOfMonthAfter('2027-08-31', 6)).toBe('2028-02-29');
		expect(endOfMonthAfter('2026-08-31', 6)).toBe('2027-02-28');
		expect(endOfMonthAfter('2027-12-16', 6)).toBe('2028-06-30');
		expect(endOfMonthAfter('2027-01-31', 1)).toBe('2027-02-28');
	});

	it('counts calendar days whatever the server’s own time zone does', () => {
		expect(daysFrom('2026-03-07', '2026-03-09')).toBe(2);
		expect(daysFrom('2026-03-09', '2026-03-07')).toBe(-2);
		expect(daysFrom('2027-12-31', '2028-03-01')).toBe(61);
	});
});
