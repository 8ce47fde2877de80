import { TZDate } from '@date-fns/tz';
import { addMonths, differenceInCalendarDays, format, lastDayOfMonth } from 'date-fns';

/*
 * Calendar arithmetic on clinic-local days ('YYYY-MM-DD'). The days are read as UTC dates so that
 * the server's own time zone and daylight-saving changes can never move a day.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(date: string): TZDate {
	const match = DATE_PATTERN.exec(date);
	if (!match) throw new RangeError(`not a calendar date: ${date}`);
	return new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 'UTC');
}

/** True for a real day written as 'YYYY-MM-DD' (so '2027-02-29' is false). */
export function isCalendarDate(value: string): boolean {
	const match = DATE_PATTERN.exec(value);
	if (!match) return false;
	return format(utcDay(value), 'yyyy-MM-dd') === value;
}

/** The last day of the month that lies `months` after the month of `date`. */
export function endOfMonthAfter(date: string, months: number): string {
	const firstOfMonth = utcDay(`${date.slice(0, 7)}-01`);
	return format(lastDayOfMonth(addMonths(firstOfMonth, months)), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
	return differenceInCalendarDays(utcDay(to), utcDay(from));
}

export function dayOfMonth(date: string): number {
	return Number(date.slice(8, 10));
}
