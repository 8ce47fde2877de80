/*
 * The figures Japanese clinics run on (issue #17), per practitioner and for the clinic, each
 * with its n:
 * - 次回予約率: the share of attended visits in the period after which the patient left with a
 *   next visit booked (booked on or before the visit's clinic-local day, for a later time).
 * - 再来率 of new patients within 30/60/90 days: of patients whose first visit ever falls in the
 *   period, the share who came again within that many days. Only patients whose window has
 *   closed by `now` count, so a recent first visit never lowers the rate.
 * - 平均来店間隔: the mean days between a patient's consecutive visits, the later one in the period.
 * A visit is credited to its practitioner; a new patient to the practitioner of the first visit.
 */
import { localDate } from '../time';
import { isInPeriod, type ReportPeriod } from './report-period';

export interface RetentionAppointment {
	id: string;
	patientId: string;
	practitionerId: string;
	/** ISO instants. */
	startsAt: string;
	createdAt: string;
	/** Whether the patient came (arrived or completed). */
	attended: boolean;
	/** Cancelled bookings still count as "booked when leaving" if they were booked then. */
	cancelled: boolean;
}

export const RETURN_WINDOWS = [30, 60, 90] as const;

export interface Rate {
	n: number;
	hits: number;
	/** hits / n, or null when n is 0. */
	rate: number | null;
}

export interface RetentionRow {
	/** null: the whole clinic. */
	practitionerId: string | null;
	nextBooked: Rate;
	returnWithin: Record<(typeof RETURN_WINDOWS)[number], Rate>;
	interval: { n: number; meanDays: number | null };
}

const DAY = 86_400_000;

function rate(n: number, hits: number): Rate {
	return { n, hits, rate: n === 0 ? null : hits / n };
}

interface Tally {
	visits: number;
	nextBooked: number;
	returns: Record<number, { n: number; hits: number }>;
	intervals: number[];
}

const emptyTally = (): Tally => ({ visits: 0, nextBooked: 0, returns: Object.fromEntries(RETURN_WINDOWS.map((d) => [d, { n: 0, hits: 0 }])), intervals: [] });

export function retentionFigures(appointments: readonly RetentionAppointment[], period: ReportPeriod, now: number): RetentionRow[] {
	const byPatient = new Map<string, RetentionAppointment[]>();
	for (const a of appointments) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a]);
	const tallies = new Map<string | null, Tally>([[null, emptyTally()]]);
	const tally = (practitionerId: string) => {
		if (!tallies.has(practitionerId)) tallies.set(practitionerId, emptyTally());
		return [tallies.get(practitionerId)!, tallies.get(null)!];
	};

	for (const own of byPatient.values()) {
		const visits = own.filter((a) => a.attended).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
		visits.forEach((visit, i) => {
			if (!isInPeriod(visit.startsAt, period)) return;
			const day = localDate(Date.parse(visit.startsAt), period.timeZone);
			const booked = own.some(
				(other) => other.id !== visit.id && other.startsAt > visit.startsAt && localDate(Date.parse(other.createdAt), period.timeZone) <= day
			);
			const previous = visits[i - 1];
			for (const t of tally(visit.practitionerId)) {
				t.visits++;
				if (booked) t.nextBooked++;
				if (previous) t.intervals.push((Date.parse(visit.startsAt) - Date.parse(previous.startsAt)) / DAY);
			}
		});
		const first = visits[0];
		if (first && isInPeriod(first.startsAt, period)) {
			const start = Date.parse(first.startsAt);
			const second = visits[1] ? Date.parse(visits[1].startsAt) : null;
			for (const days of RETURN_WINDOWS) {
				if (start + days * DAY > now) continue; // the window is still open
				for (const t of tally(first.practitionerId)) {
					t.returns[days]!.n++;
					if (second !== null && second - start <= days * DAY) t.returns[days]!.hits++;
				}
			}
		}
	}

	const rows: RetentionRow[] = [];
	for (const [practitionerId, t] of tallies) {
		rows.push({
			practitionerId,
			nextBooked: rate(t.visits, t.nextBooked),
			returnWithin: {
				30: rate(t.returns[30]!.n, t.returns[30]!.hits),
				60: rate(t.returns[60]!.n, t.returns[60]!.hits),
				90: rate(t.returns[90]!.n, t.returns[90]!.hits)
			},
			interval: { n: t.intervals.length, meanDays: t.intervals.length === 0 ? null : t.intervals.reduce((s, d) => s + d, 0) / t.intervals.length }
		});
	}
	// The clinic first, then practitioners in a stable order.
	return rows.sort((a, b) => (a.practitionerId === null ? -1 : b.practitionerId === null ? 1 : a.practitionerId.localeCompare(b.practitionerId)));
}
