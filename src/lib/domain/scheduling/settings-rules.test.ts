import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockMinutes } from '../time';
import {
	BUFFER_MINUTES,
	CANCELLATION_CUTOFF_HOURS,
	checkDayPeriods,
	checkTimeOff,
	checkWholeNumber,
	DURATION_MINUTES,
	HORIZON_DAYS,
	isServiceCode,
	isSlotStep,
	LONGEST_HOLD_MINUTES,
	mayOfferService,
	MIN_NOTICE_MINUTES,
	needsKyuLicence,
	noticeForDisplay,
	noticeInMinutes,
	normalizeClockTime,
	PRICE_JPY,
	weekPeriodsProblem
} from './settings-rules';

describe('wall-clock times', () => {
	it('reads HH:MM from 00:00 to 23:59 and nothing else', () => {
		expect(clockMinutes('00:00')).toBe(0);
		expect(clockMinutes('09:30')).toBe(570);
		expect(clockMinutes('23:59')).toBe(1439);
		for (const bad of ['24:00', '9:30', '09:60', '0930', '09:30:00', '', 'noon', '-1:00']) expect(clockMinutes(bad), bad).toBeNull();
	});

	it('tidies what a phone keyboard or a time field sends, and leaves the rest for the check', () => {
		expect(normalizeClockTime('9:00')).toBe('09:00');
		expect(normalizeClockTime('０９：３０')).toBe('09:30');
		expect(normalizeClockTime(' 14:30:00 ')).toBe('14:30');
		expect(normalizeClockTime('14:30:15')).toBe('14:30:15');
		expect(normalizeClockTime('')).toBe('');
	});
});

describe('the periods of one weekday', () => {
	it('accepts a morning and an afternoon, in any order, and returns them sorted', () => {
		const result = checkDayPeriods([
			{ start: '14:30', end: '19:30' },
			{ start: '09:00', end: '12:30' }
		]);
		expect(result.issues).toEqual([]);
		expect(result.periods).toEqual([
			{ start: '09:00', end: '12:30' },
			{ start: '14:30', end: '19:30' }
		]);
	});

	it('treats empty rows as no period, so a day of empty rows is closed', () => {
		expect(
			checkDayPeriods([
				{ start: '', end: '' },
				{ start: ' ', end: '' }
			])
		).toEqual({ periods: [], issues: [] });
		expect(
			checkDayPeriods([
				{ start: '', end: '' },
				{ start: '10:00', end: '13:00' }
			]).periods
		).toEqual([{ start: '10:00', end: '13:00' }]);
	});

	it('names the missing half of a half-filled row', () => {
		expect(checkDayPeriods([{ start: '09:00', end: '' }]).issues).toEqual([{ index: 0, field: 'end', problem: 'missing_time' }]);
		expect(checkDayPeriods([{ start: '', end: '12:00' }]).issues).toEqual([{ index: 0, field: 'start', problem: 'missing_time' }]);
	});

	it('refuses a time that is not HH:MM on the field that holds it', () => {
		expect(checkDayPeriods([{ start: '25:00', end: '26:00' }]).issues).toEqual([
			{ index: 0, field: 'start', problem: 'invalid_time' },
			{ index: 0, field: 'end', problem: 'invalid_time' }
		]);
		expect(checkDayPeriods([{ start: '09:00', end: 'late' }]).issues).toEqual([{ index: 0, field: 'end', problem: 'invalid_time' }]);
	});

	it('refuses a period that ends at or before its start', () => {
		expect(checkDayPeriods([{ start: '12:00', end: '09:00' }]).issues).toEqual([{ index: 0, field: 'end', problem: 'end_not_after_start' }]);
		expect(checkDayPeriods([{ start: '09:00', end: '09:00' }]).issues).toEqual([{ index: 0, field: 'end', problem: 'end_not_after_start' }]);
	});

	it('refuses overlapping periods on the later one, but lets two periods touch', () => {
		expect(
			checkDayPeriods([
				{ start: '09:00', end: '13:00' },
				{ start: '12:00', end: '18:00' }
			]).issues
		).toEqual([{ index: 1, field: 'start', problem: 'overlap' }]);
		expect(
			checkDayPeriods([
				{ start: '12:00', end: '18:00' },
				{ start: '09:00', end: '13:00' }
			]).issues
		).toEqual([{ index: 0, field: 'start', problem: 'overlap' }]);
		expect(
			checkDayPeriods([
				{ start: '09:00', end: '18:00' },
				{ start: '10:00', end: '11:00' }
			]).issues
		).toHaveLength(1);
		expect(
			checkDayPeriods([
				{ start: '09:00', end: '12:00' },
				{ start: '12:00', end: '18:00' }
			]).issues
		).toEqual([]);
	});

	it('allows at most two periods a day', () => {
		const three = [
			{ start: '08:00', end: '09:00' },
			{ start: '10:00', end: '11:00' },
			{ start: '12:00', end: '13:00' }
		];
		expect(checkDayPeriods(three).issues).toEqual([{ index: 2, field: 'start', problem: 'too_many_periods' }]);
		expect(checkDayPeriods([{ start: '', end: '' }, ...three.slice(0, 2)]).issues).toEqual([]);
	});

	it('never returns a period that breaks the rule when it reports no issue (property)', () => {
		const time = fc.oneof(
			fc.constant(''),
			fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
		);
		fc.assert(
			fc.property(fc.array(fc.record({ start: time, end: time }), { maxLength: 3 }), (rows) => {
				const { periods, issues } = checkDayPeriods(rows);
				if (issues.length > 0) return;
				expect(periods.length).toBeLessThanOrEqual(2);
				for (const [i, p] of periods.entries()) {
					expect(clockMinutes(p.start)).not.toBeNull();
					expect(clockMinutes(p.end)!).toBeGreaterThan(clockMinutes(p.start)!);
					if (i > 0) expect(p.start >= periods[i - 1]!.end).toBe(true);
				}
			})
		);
	});
});

describe('a whole week of periods', () => {
	it('passes the demo clinic week and finds the first problem of a bad one', () => {
		const week = [1, 2, 4, 5].flatMap((weekday) => [
			{ weekday, start: '09:00', end: '12:30' },
			{ weekday, start: '14:30', end: '19:30' }
		]);
		expect(weekPeriodsProblem(week)).toBeNull();
		expect(weekPeriodsProblem([...week, { weekday: 3, start: '09:00', end: '13:00' }, { weekday: 3, start: '12:00', end: '14:00' }])).toBe('overlap');
		expect(weekPeriodsProblem([...week, { weekday: 1, start: '20:00', end: '21:00' }])).toBe('too_many_periods');
		expect(weekPeriodsProblem([{ weekday: 7, start: '09:00', end: '10:00' }])).toBe('invalid_weekday');
		expect(weekPeriodsProblem([{ weekday: 3, start: '10:00', end: '09:00' }])).toBe('end_not_after_start');
	});
});

describe('whole numbers with limits', () => {
	it('keeps the longest service with its longest buffer within the longest hold the schedule reads allow for', () => {
		expect(DURATION_MINUTES.max + BUFFER_MINUTES.max).toBeLessThanOrEqual(LONGEST_HOLD_MINUTES);
	});

	it('takes treatment lengths in 5-minute steps from 5 minutes to 8 hours', () => {
		expect(checkWholeNumber(45, DURATION_MINUTES)).toBeNull();
		expect(checkWholeNumber(5, DURATION_MINUTES)).toBeNull();
		expect(checkWholeNumber(480, DURATION_MINUTES)).toBeNull();
		expect(checkWholeNumber(0, DURATION_MINUTES)).toBe('too_small');
		expect(checkWholeNumber(485, DURATION_MINUTES)).toBe('too_large');
		expect(checkWholeNumber(47, DURATION_MINUTES)).toBe('not_multiple');
		expect(checkWholeNumber(45.5, DURATION_MINUTES)).toBe('not_whole');
		expect(checkWholeNumber(Number.NaN, DURATION_MINUTES)).toBe('not_whole');
	});

	it('lets the buffer after a treatment be zero, in 5-minute steps up to two hours', () => {
		expect(checkWholeNumber(0, BUFFER_MINUTES)).toBeNull();
		expect(checkWholeNumber(10, BUFFER_MINUTES)).toBeNull();
		expect(checkWholeNumber(7, BUFFER_MINUTES)).toBe('not_multiple');
		expect(checkWholeNumber(-5, BUFFER_MINUTES)).toBe('too_small');
		expect(checkWholeNumber(125, BUFFER_MINUTES)).toBe('too_large');
	});

	it('takes prices as whole yen from 0', () => {
		expect(checkWholeNumber(0, PRICE_JPY)).toBeNull();
		expect(checkWholeNumber(5500, PRICE_JPY)).toBeNull();
		expect(checkWholeNumber(-1, PRICE_JPY)).toBe('too_small');
		expect(checkWholeNumber(5500.5, PRICE_JPY)).toBe('not_whole');
		expect(checkWholeNumber(1_000_001, PRICE_JPY)).toBe('too_large');
	});

	it('bounds the notice, the horizon and the cancellation cutoff', () => {
		expect(checkWholeNumber(0, MIN_NOTICE_MINUTES)).toBeNull();
		expect(checkWholeNumber(7 * 24 * 60, MIN_NOTICE_MINUTES)).toBeNull();
		expect(checkWholeNumber(7 * 24 * 60 + 5, MIN_NOTICE_MINUTES)).toBe('too_large');
		expect(checkWholeNumber(121, MIN_NOTICE_MINUTES)).toBe('not_multiple');
		expect(checkWholeNumber(0, HORIZON_DAYS)).toBe('too_small');
		expect(checkWholeNumber(365, HORIZON_DAYS)).toBeNull();
		expect(checkWholeNumber(366, HORIZON_DAYS)).toBe('too_large');
		expect(checkWholeNumber(0, CANCELLATION_CUTOFF_HOURS)).toBeNull();
		expect(checkWholeNumber(169, CANCELLATION_CUTOFF_HOURS)).toBe('too_large');
	});

	it('accepts only slot steps that divide an hour into whole grains', () => {
		expect([5, 10, 15, 20, 30, 60].every(isSlotStep)).toBe(true);
		for (const step of [0, 1, 7, 12, 25, 45, 90, 15.5]) expect(isSlotStep(step), String(step)).toBe(false);
	});
});

describe('minimum notice in hours or minutes', () => {
	it('converts hours to minutes and shows whole hours as hours', () => {
		expect(noticeInMinutes(2, 'hours')).toBe(120);
		expect(noticeInMinutes(90, 'minutes')).toBe(90);
		expect(noticeForDisplay(120)).toEqual({ amount: 2, unit: 'hours' });
		expect(noticeForDisplay(90)).toEqual({ amount: 90, unit: 'minutes' });
		expect(noticeForDisplay(0)).toEqual({ amount: 0, unit: 'minutes' });
	});
});

describe('time off', () => {
	const now = Date.parse('2026-11-20T00:00:00Z');
	it('must end after it starts, and not be over already', () => {
		expect(checkTimeOff(now + 1000, now + 2000, now)).toBeNull();
		expect(checkTimeOff(now - 1000, now + 1000, now)).toBeNull();
		expect(checkTimeOff(now + 2000, now + 2000, now)).toBe('end_not_after_start');
		expect(checkTimeOff(now + 3000, now + 2000, now)).toBe('end_not_after_start');
		expect(checkTimeOff(now - 2000, now, now)).toBe('already_over');
	});
});

describe('services and licences', () => {
	it('takes uppercase letters and digits as a service code', () => {
		for (const code of ['FIRST', 'EA', 'MOXA', 'CUP2', '9']) expect(isServiceCode(code), code).toBe(true);
		for (const code of ['', 'moxa', 'MO-XA', 'MO XA', 'ＡＢ', 'ABCDEFGHIJKLMNOPQ']) expect(isServiceCode(code), code).toBe(false);
	});

	it('lets only a practitioner with a きゅう師 licence offer moxibustion (§6 of the clinical rules)', () => {
		expect(needsKyuLicence('MOXA')).toBe(true);
		expect(needsKyuLicence('FOLLOW')).toBe(false);
		expect(mayOfferService('MOXA', { kyuLicence: '第900102号' })).toBe(true);
		expect(mayOfferService('MOXA', { kyuLicence: null })).toBe(false);
		expect(mayOfferService('MOXA', { kyuLicence: '  ' })).toBe(false);
		expect(mayOfferService('FOLLOW', { kyuLicence: null })).toBe(true);
	});
});
