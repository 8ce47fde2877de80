import { TZDate } from '@date-fns/tz';

/* Clinic-local calendar days and wall-clock times, turned into instants in one place. */

/** 'YYYY-MM-DD' plus `days`, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
	return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Every calendar day from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
	const dates: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
	return dates;
}

/** The instant of a wall-clock time ('HH:MM', or '24:00' for the end of the day) on a clinic day. */
export function localInstant(date: string, time: string, timeZone: string): number {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const [hour, minute] = time.split(':').map(Number) as [number, number];
	return new TZDate(year, month - 1, day, hour, minute, timeZone).getTime();
}

/** The clinic's calendar day at an instant. */
export function localDate(instant: number, timeZone: string): string {
	const d = new TZDate(instant, timeZone);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** ISO 8601 with the clinic's offset, e.g. `2026-12-01T09:00:00+09:00` (the API contract's form). */
export function toOffsetIso(instant: number, timeZone: string): string {
	const d = new TZDate(instant, timeZone);
	const offset = -d.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	const abs = Math.abs(offset);
	const pad = (n: number) => String(n).padStart(2, '0');
	return (
		`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}
