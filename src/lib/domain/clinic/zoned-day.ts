import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

/** The UTC instants where a clinic-local calendar day starts and ends (end inclusive, to the ms). */
export function zonedDayBounds(date: string, timeZone: string): { start: string; end: string } {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const start = new TZDate(year, month - 1, day, timeZone);
	const next = addDays(start, 1);
	return { start: new Date(start.getTime()).toISOString(), end: new Date(next.getTime() - 1).toISOString() };
}
