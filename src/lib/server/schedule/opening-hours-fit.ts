import { localDate, localInstant, weekdayOf } from '../../domain/time';
import type { Db } from '../db/database';
import { listWeeklyOpeningHours } from '../scheduling-settings/settings-repository';

export interface WeeklyPeriod {
	weekday: number;
	opens: string;
	closes: string;
}

/**
 * Whether [start, end) lies inside one opening period of its clinic-local day. Staff may book
 * anything the clinic is open for; the online rules (notice, horizon, practitioner hours) do not
 * apply to them.
 */
export function fitsOpeningHours(periods: readonly WeeklyPeriod[], start: number, end: number, timeZone: string): boolean {
	const date = localDate(start, timeZone);
	const weekday = weekdayOf(date);
	return periods.some((p) => p.weekday === weekday && localInstant(date, p.opens, timeZone) <= start && end <= localInstant(date, p.closes, timeZone));
}

export async function loadWeeklyPeriods(db: Db): Promise<WeeklyPeriod[]> {
	return listWeeklyOpeningHours(db);
}
