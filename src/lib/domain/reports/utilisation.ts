import { intersect, normalize, subtract, type Interval } from '../scheduling/interval';
import type { WeeklyPeriod } from '../scheduling/availability';
import { datesBetween, localInstant, weekdayOf } from '../time';
import type { NamedResource, ReportAppointment, ReportPractitioner } from './report-inputs';
import { periodInstants, type ReportPeriod } from './report-period';

const MINUTE = 60_000;

/** Appointments that hold a practitioner and a bed: a no-show held them too. */
const HOLDS_TIME: ReadonlySet<string> = new Set(['booked', 'arrived', 'completed', 'no_show']);

export interface Utilisation {
	id: string;
	nameJa: string;
	nameEn: string;
	bookedMinutes: number;
	workingMinutes: number;
	/** booked ÷ working, 0…1; null when there was no working time. */
	ratio: number | null;
}

function weeklyIntervals(dates: readonly string[], weekly: readonly WeeklyPeriod[], timeZone: string): Interval[] {
	const intervals: Interval[] = [];
	for (const date of dates) {
		const weekday = weekdayOf(date);
		for (const p of weekly)
			if (p.weekday === weekday) intervals.push({ start: localInstant(date, p.start, timeZone), end: localInstant(date, p.end, timeZone) });
	}
	return normalize(intervals);
}

const minutes = (intervals: readonly Interval[]) => Math.round(intervals.reduce((sum, i) => sum + (i.end - i.start), 0) / MINUTE);

function utilisationOf(resource: NamedResource, working: Interval[], booked: readonly ReportAppointment[]): Utilisation {
	// Overlapping bookings count once, and time booked outside working hours does not count.
	const held = intersect(normalize(booked.map((a) => ({ start: Date.parse(a.startsAt), end: Date.parse(a.endsAt) }))), working);
	const workingMinutes = minutes(working);
	const bookedMinutes = minutes(held);
	return {
		id: resource.id,
		nameJa: resource.nameJa,
		nameEn: resource.nameEn,
		bookedMinutes,
		workingMinutes,
		ratio: workingMinutes > 0 ? bookedMinutes / workingMinutes : null
	};
}

/**
 * Booked minutes ÷ working minutes. A practitioner works their weekly hours inside the opening
 * hours, less time off; a bed is available whenever the clinic is open. Closed days count for neither.
 */
export function utilisationFigures(
	period: ReportPeriod,
	openingHours: readonly WeeklyPeriod[],
	closedDates: readonly string[],
	practitioners: readonly ReportPractitioner[],
	beds: readonly NamedResource[],
	appointments: readonly ReportAppointment[]
): { practitioners: Utilisation[]; beds: Utilisation[] } {
	const closed = new Set(closedDates);
	const dates = datesBetween(period.from, period.to).filter((d) => !closed.has(d));
	const bounds = periodInstants(period);
	const open = intersect(weeklyIntervals(dates, openingHours, period.timeZone), [bounds]);
	const holding = appointments.filter((a) => HOLDS_TIME.has(a.status));
	return {
		practitioners: practitioners.map((p) => {
			const working = subtract(intersect(weeklyIntervals(dates, p.workingHours, period.timeZone), open), normalize(p.timeOff));
			return utilisationOf(
				p,
				working,
				holding.filter((a) => a.practitionerId === p.id)
			);
		}),
		beds: beds.map((b) =>
			utilisationOf(
				b,
				open,
				holding.filter((a) => a.bedId === b.id)
			)
		)
	};
}
