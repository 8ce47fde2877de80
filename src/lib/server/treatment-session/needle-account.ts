/*
 * No forgotten needle (docs/clinical-rules.md §3), read from the database: which sessions still
 * have needles unaccounted for. The rule itself is `unaccountedNeedles` in
 * domain/clinical/needle-account.ts; the staff banner, charging, completing a visit and the
 * day-end list all ask through here, so they agree.
 */
import { unaccountedNeedles, type NeedleProblem } from '../../domain/clinical/needle-account';
import type { Db } from '../db/database';

export interface OpenSession {
	sessionId: string;
	patientId: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	appointmentId: string | null;
	startedAt: string;
	practitionerName: string;
	needlesIn: number;
	needlesOut: number;
	needledPoints: number;
	/** Null when every needle is accounted for (the session is only not closed yet). */
	problem: NeedleProblem | null;
}

function openSessions(db: Db) {
	return db.kysely
		.selectFrom('treatment_session as s')
		.innerJoin('patient', 'patient.id', 's.patient_id')
		.innerJoin('staff', 'staff.id', 's.practitioner_staff_id')
		.select((eb) => [
			's.id',
			's.patient_id',
			's.appointment_id',
			's.started_at',
			's.needles_in',
			's.needles_out',
			'patient.patient_number',
			'patient.family_name',
			'patient.given_name',
			'staff.display_name',
			eb
				.selectFrom('session_point')
				.select((p) => p.fn.countAll<number>().as('n'))
				.whereRef('session_point.session_id', '=', 's.id')
				.as('point_count')
		])
		.where('s.closed_at', 'is', null)
		.orderBy('s.started_at')
		.orderBy('s.id');
}

type Row = Awaited<ReturnType<ReturnType<typeof openSessions>['execute']>>[number];

function toOpenSession(row: Row): OpenSession {
	const tally = { needlesIn: Number(row.needles_in), needlesOut: Number(row.needles_out), needledPoints: Number(row.point_count ?? 0) };
	return {
		sessionId: row.id,
		patientId: row.patient_id,
		patientNumber: row.patient_number,
		familyName: row.family_name,
		givenName: row.given_name,
		appointmentId: row.appointment_id,
		startedAt: row.started_at,
		practitionerName: row.display_name,
		...tally,
		problem: unaccountedNeedles(tally)
	};
}

/** Every open session whose needles are not accounted for, oldest first: the staff banner's list. */
export async function listUnaccountedSessions(db: Db): Promise<OpenSession[]> {
	const rows = await openSessions(db).execute();
	return rows.map(toOpenSession).filter((s) => s.problem !== null);
}

/** The open sessions started before `before` (an instant), oldest first: the day-end list. */
export async function listOpenSessions(db: Db, before: string): Promise<OpenSession[]> {
	const rows = await openSessions(db).where('s.started_at', '<', before).execute();
	return rows.map(toOpenSession);
}

/** The first session of a visit whose needles are not accounted for; null when none. */
export async function unaccountedSessionOfVisit(db: Db, appointmentId: string): Promise<OpenSession | null> {
	const rows = await openSessions(db).where('s.appointment_id', '=', appointmentId).execute();
	return rows.map(toOpenSession).find((s) => s.problem !== null) ?? null;
}
