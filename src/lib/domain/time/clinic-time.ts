import { tzOffset } from '@date-fns/tz';
import { isCalendarDate } from './calendar-date';

/*
 * The one time module (docs/architecture.md, "Time"): clinic-local calendar days ('YYYY-MM-DD')
 * and wall-clock times ('HH:MM'), turned into instants and back in one place. A day is the
 * half-open range [start, next day's start): its end is never included. Offsets are
 * read from the runtime's time-zone data once per quarter hour and remembered: zone transitions
 * happen on quarter-hour boundaries, so the answers are exact, and availability stays fast.
 */

const QUARTER_HOUR = 15 * 60_000;
const MINUTE = 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's UTC offset in minutes at an instant (e.g. 540 for Asia/Tokyo). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
	let zone = offsetCache.get(timeZone);
	if (!zone) offsetCache.set(timeZone, (zone = new Map()));
	const bucket = Math.floor(instant / QUARTER_HOUR);
	let offset = zone.get(bucket);
	if (offset === undefined) {
		if (zone.size > 100_000) zone.clear();
		offset = tzOffset(timeZone, new Date(bucket * QUARTER_HOUR));
		zone.set(bucket, offset);
	}
	return offset;
}

const dayCache = new Map<string, string>();

/** 'YYYY-MM-DD' plus `days`, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
	// Every availability request and booking steps over the same few days; parsing a date costs more than looking it up.
	const key = `${date} ${days}`;
	let result = dayCache.get(key);
	if (result === undefined) {
		if (dayCache.size > 100_000) dayCache.clear();
		const d = new Date(`${date}T00:00:00Z`);
		d.setUTCDate(d.getUTCDate() + days);
		result = d.toISOString().slice(0, 10);
		dayCache.set(key, result);
	}
	return result;
}

const weekdayCache = new Map<string, number>();

/** 0 for Sunday … 6 for Saturday, of a calendar day. */
export function weekdayOf(date: string): number {
	// Availability asks it for every day of the range, once per practitioner.
	let weekday = weekdayCache.get(date);
	if (weekday === undefined) {
		if (weekdayCache.size > 100_000) weekdayCache.clear();
		weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
		weekdayCache.set(date, weekday);
	}
	return weekday;
}

/** Every calendar day from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
	const dates: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
	return dates;
}

/**
 * The instant of a wall-clock time ('HH:MM', or '24:00' for the end of the day) on a clinic day.
 * A time skipped by a daylight-saving change resolves to the same wall time in the later offset.
 */
const instantCache = new Map<string, number>();

export function localInstant(date: string, time: string, timeZone: string): number {
	// Working hours turn the same few wall times into instants on every availability request.
	const key = `${timeZone} ${date} ${time}`;
	let instant = instantCache.get(key);
	if (instant === undefined) {
		if (instantCache.size > 100_000) instantCache.clear();
		instant = computeLocalInstant(date, time, timeZone);
		instantCache.set(key, instant);
	}
	return instant;
}

function computeLocalInstant(date: string, time: string, timeZone: string): number {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const [hour, minute] = time.split(':').map(Number) as [number, number];
	const asUtc = Date.UTC(year, month - 1, day, hour, minute);
	const first = asUtc - offsetMinutesAt(asUtc, timeZone) * MINUTE;
	return asUtc - offsetMinutesAt(first, timeZone) * MINUTE;
}

function shifted(instant: number, timeZone: string): { local: Date; offset: number } {
	const offset = offsetMinutesAt(instant, timeZone);
	return { local: new Date(instant + offset * MINUTE), offset };
}

/** The clinic's calendar day at an instant. */
export function localDate(instant: number, timeZone: string): string {
	return shifted(instant, timeZone).local.toISOString().slice(0, 10);
}

const isoCache = new Map<string, Map<number, string>>();

/**
 * ISO 8601 with the clinic's offset, e.g. `2026-12-01T09:00:00+09:00` (the API contract's form).
 * Remembered per instant: availability answers write the same slot times over and over.
 */
export function toOffsetIso(instant: number, timeZone: string): string {
	let zone = isoCache.get(timeZone);
	if (!zone) isoCache.set(timeZone, (zone = new Map()));
	let iso = zone.get(instant);
	if (iso === undefined) {
		if (zone.size > 100_000) zone.clear();
		iso = formatOffsetIso(instant, timeZone);
		zone.set(instant, iso);
	}
	return iso;
}

function formatOffsetIso(instant: number, timeZone: string): string {
	const { local, offset } = shifted(instant, timeZone);
	const sign = offset >= 0 ? '+' : '-';
	const abs = Math.abs(offset);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The clinic's time of day at an instant, 'HH:MM' on the 24-hour clock. */
export function localTime(instant: number, timeZone: string): string {
	return shifted(instant, timeZone).local.toISOString().slice(11, 16);
}

export interface LocalDay {
	/** 'YYYY-MM-DD' in the clinic's time zone. */
	date: string;
	/** 0 for Sunday … 6 for Saturday. */
	weekday: number;
}

/** The clinic's calendar day and weekday at an instant, whatever the server's own time zone. */
export function localDayAt(instant: Date | number, timeZone: string): LocalDay {
	const date = localDate(typeof instant === 'number' ? instant : instant.getTime(), timeZone);
	return { date, weekday: weekdayOf(date) };
}

/**
 * The UTC instants (ISO strings) where the clinic-local days `from` … `to` (both included) begin
 * and the day after `to` begins: a half-open range, so `start <= t < end` holds for every instant
 * of those days and for no instant of the next. `to` defaults to `from` (one day).
 */
export function localDayRange(from: string, timeZone: string, to = from): { start: string; end: string } {
	return { start: new Date(localInstant(from, '00:00', timeZone)).toISOString(), end: new Date(localInstant(addDays(to, 1), '00:00', timeZone)).toISOString() };
}

/** The clinic-local day around `now` as a half-open range of ISO instants [start, end). */
export function localDayAround(now: Date | number, timeZone: string): { start: string; end: string } {
	return localDayRange(localDayAt(now, timeZone).date, timeZone);
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a wall-clock 'HH:MM' (00:00 to 23:59), or null when it is not one. */
export function clockMinutes(value: string): number | null {
	const match = CLOCK.exec(value);
	return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** A 'YYYY-MM-DDTHH:MM' from a date-time field, if it names a real day and time. */
export function parseLocalDateTime(value: string): { date: string; time: string } | null {
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::00)?$/.exec(value.normalize('NFKC').trim());
	if (!match || !isCalendarDate(match[1]!) || clockMinutes(match[2]!) === null) return null;
	return { date: match[1]!, time: match[2]! };
}
