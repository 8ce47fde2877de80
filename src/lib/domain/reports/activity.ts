import type { FirstVisit, ReportAppointment } from './report-inputs';
import { isInPeriod, weekStartOf, weeksOf, type ReportPeriod } from './report-period';
import { localDate } from '../time';

export const ATTENDED: ReadonlySet<string> = new Set(['arrived', 'completed']);

export interface WeekCount {
	/** The Monday the week starts on. */
	week: string;
	visits: number;
}

export interface ActivityFigures {
	visitsPerWeek: WeekCount[];
	visits: number;
	newPatients: number;
	/** Appointments for patients, blocks left out: the base of the cancellation and no-show rates. */
	appointments: number;
	cancellations: number;
	noShows: number;
}

/** Visits (arrived or completed) by week, new patients, cancellations and no-shows in the period. */
export function activityFigures(appointments: readonly ReportAppointment[], firstVisits: readonly FirstVisit[], period: ReportPeriod): ActivityFigures {
	const inPeriod = appointments.filter((a) => a.status !== 'blocked' && isInPeriod(a.startsAt, period));
	const attended = inPeriod.filter((a) => ATTENDED.has(a.status));
	const perWeek = new Map(weeksOf(period).map((week) => [week, 0]));
	for (const a of attended) {
		const week = weekStartOf(localDate(Date.parse(a.startsAt), period.timeZone));
		perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
	}
	return {
		visitsPerWeek: [...perWeek].map(([week, visits]) => ({ week, visits })),
		visits: attended.length,
		newPatients: firstVisits.filter((f) => isInPeriod(f.startsAt, period)).length,
		appointments: inPeriod.length,
		cancellations: inPeriod.filter((a) => a.status === 'cancelled').length,
		noShows: inPeriod.filter((a) => a.status === 'no_show').length
	};
}
