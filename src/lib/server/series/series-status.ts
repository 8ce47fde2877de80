import { isRunningOut, remainingVisits } from '../../domain/scheduling/series';
import { localInstant, addDays } from '../../domain/time';
import { appointmentInSeries, bookedVisitStartsAfter, countAttendedSince, seriesVisitsNotCancelled } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { seriesVisitsBetween } from '../booking/series-visit-reads';
import { selectActivePlanSchedule } from '../treatment-plan/plan-repository';

export interface PatientSeriesStatus {
	/** Visits booked ahead of now. */
	upcoming: number;
	/** The last of them (ISO), or null. */
	lastUpcoming: string | null;
	/** The latest series booked for the patient, if any. */
	seriesId: string | null;
	/** The active plan's sessions, and how many it still needs beyond those given and booked. */
	plan: { id: string; plannedSessions: number; frequencyPerWeek: number; remaining: number } | null;
	/** A series or plan is about to run out: at most one visit ahead while the plan or series goes on. */
	runningOut: boolean;
}

/** What the chart says about the patient's course of visits (issue #17). */
export async function loadPatientSeriesStatus(db: Db, patientId: string, now: number): Promise<PatientSeriesStatus> {
	const nowIso = new Date(now).toISOString();
	const [upcoming, plan, series] = await Promise.all([
		bookedVisitStartsAfter(db, patientId, nowIso),
		selectActivePlanSchedule(db, patientId),
		db.kysely.selectFrom('appointment_series').select('id').where('patient_id', '=', patientId).orderBy('created_at', 'desc').executeTakeFirst()
	]);
	let planStatus: PatientSeriesStatus['plan'] = null;
	if (plan) {
		const given = await countAttendedSince(db, patientId, plan.created_at.slice(0, 10));
		planStatus = {
			id: plan.id,
			plannedSessions: plan.planned_sessions,
			frequencyPerWeek: plan.frequency_per_week,
			remaining: remainingVisits(plan.planned_sessions, given + upcoming.length)
		};
	}
	const goesOn = (planStatus !== null && planStatus.remaining > 0) || (series !== undefined && upcoming.length > 0);
	return {
		upcoming: upcoming.length,
		lastUpcoming: upcoming.at(-1)?.starts_at ?? null,
		seriesId: series?.id ?? null,
		plan: planStatus,
		runningOut: goesOn && isRunningOut(upcoming.length)
	};
}

export interface SeriesVisitOnDay {
	appointmentId: string;
	seriesId: string;
	startsAt: string;
	patient: { familyName: string; givenName: string };
	/** This visit's place in its series, counting the visits still standing. */
	position: number;
	total: number;
	/** No later visit of the series is booked: the series runs out with this one or the next. */
	runningOut: boolean;
}

/** The day's visits that belong to a series, with their place in it and whether it runs out (issue #17). */
export async function listSeriesVisitsOn(db: Db, date: string, timeZone: string): Promise<SeriesVisitOnDay[]> {
	const dayStart = new Date(localInstant(date, '00:00', timeZone)).toISOString();
	const dayEnd = new Date(localInstant(addDays(date, 1), '00:00', timeZone)).toISOString();
	const today = await seriesVisitsBetween(db, dayStart, dayEnd);
	const seriesIds = [...new Set(today.map((a) => a.series_id!))];
	if (seriesIds.length === 0) return [];
	const all = await seriesVisitsNotCancelled(db, seriesIds);
	return today.map((a) => {
		const visits = all.filter((v) => v.series_id === a.series_id);
		const position = visits.findIndex((v) => v.id === a.id) + 1;
		const later = visits.filter((v) => v.starts_at > a.starts_at && v.status === 'booked').length;
		return {
			appointmentId: a.id,
			seriesId: a.series_id!,
			startsAt: a.starts_at,
			patient: { familyName: a.family_name, givenName: a.given_name },
			position,
			total: visits.length,
			runningOut: isRunningOut(later + 1)
		};
	});
}

/** Whether an appointment is one of the series' visits: only those are changed from its page. */
export async function isVisitOfSeries(db: Db, appointmentId: string, seriesId: string): Promise<boolean> {
	return appointmentInSeries(db, appointmentId, seriesId);
}
