import { addDays, datesBetween, localDate, localInstant, weekdayOf } from '../time';

/** Clinic-local days `from`…`to`, both included, in the clinic's time zone. */
export interface ReportPeriod {
	from: string;
	to: string;
	timeZone: string;
}

/** The half-open instant range [start, end) the period covers. */
export function periodInstants(period: ReportPeriod): { start: number; end: number } {
	return { start: localInstant(period.from, '00:00', period.timeZone), end: localInstant(addDays(period.to, 1), '00:00', period.timeZone) };
}

export function isInPeriod(instantIso: string, period: ReportPeriod): boolean {
	const day = localDate(Date.parse(instantIso), period.timeZone);
	return day >= period.from && day <= period.to;
}

export function isDayInPeriod(day: string, period: ReportPeriod): boolean {
	return day >= period.from && day <= period.to;
}

/** The Monday of the week a clinic-local day falls in (weeks run Monday to Sunday, as in Japan's calendars at work). */
export function weekStartOf(day: string): string {
	return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** Every week that touches the period, by its Monday; the first and last may be partial. */
export function weeksOf(period: ReportPeriod): string[] {
	return [...new Set(datesBetween(period.from, period.to).map(weekStartOf))];
}
