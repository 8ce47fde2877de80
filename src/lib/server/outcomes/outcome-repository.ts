import { parseStoredPsfs, parseStoredSbi, type CheckIn } from '../../domain/outcomes/check-in';
import type { Session } from '../../domain/outcomes/progress';
import { patientVisitsUntil } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import type { Insertable, SelectQueryBuilder } from 'kysely';
import type { Database, OutcomeCheckInTable } from '../db/schema';
import { findPatient, isLivePatient } from '../patients/patient-repository';

/*
 * The SQL for outcome check-ins and the sessions they are compared against; nothing else in
 * outcomes/ talks to the database.
 */

/** Attended visits only: a booked, cancelled or missed appointment is not a session. */
const ATTENDED = ['arrived', 'completed'] as const;

export async function patientIsActive(db: Db, patientId: string): Promise<boolean> {
	return isLivePatient(db, patientId);
}

/** Number and name for a page heading; null for an unknown id. Not clinical content, so not audited. */
export async function patientHeading(
	db: Db,
	patientId: string
): Promise<{ id: string; patientNumber: string | null; familyName: string; givenName: string } | null> {
	const row = await findPatient(db, patientId, ['id', 'patient_number', 'family_name', 'given_name']);
	return row ? { id: row.id, patientNumber: row.patient_number, familyName: row.family_name, givenName: row.given_name } : null;
}

export async function selectCheckIns(db: Db, patientId: string): Promise<CheckIn[]> {
	const rows = await db.kysely.selectFrom('outcome_check_in').selectAll().where('patient_id', '=', patientId).orderBy('recorded_at').orderBy('id').execute();
	return rows.map((r) => ({
		id: r.id,
		recordedAt: r.recorded_at,
		source: r.source,
		appointmentId: r.appointment_id,
		legPain: r.leg_pain,
		backPain: r.back_pain,
		psfs: parseStoredPsfs(r.psfs),
		sbi: parseStoredSbi(r.sbi),
		pgic: r.pgic
	}));
}

/** The patient's attended sessions up to `now`, oldest first. */
export async function selectSessions(db: Db, patientId: string, now: Date): Promise<Session[]> {
	const rows = await patientVisitsUntil(db, patientId, ATTENDED, now.toISOString());
	return rows.map((r) => ({ id: r.id, startsAt: r.starts_at }));
}

/* What other capabilities read of the check-ins (docs/architecture.md, "One owner per table"). */

/** The PSFS of the patient's first check-in that has one (the baseline), as stored; undefined when none. */
export async function firstStoredPsfs(db: Db, patientId: string): Promise<string | undefined> {
	const row = await db.kysely
		.selectFrom('outcome_check_in')
		.select('psfs')
		.where('patient_id', '=', patientId)
		.where('psfs', 'is not', null)
		.orderBy('recorded_at')
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
	return row?.psfs ?? undefined;
}

/** The newest pain scores the patient gave in the portal within [from, to), when they gave any (a session starts from them). */
export async function findPortalPainBetween(db: Db, patientId: string, from: string, to: string) {
	return db.kysely
		.selectFrom('outcome_check_in')
		.select(['id', 'leg_pain', 'back_pain'])
		.where('patient_id', '=', patientId)
		.where('source', '=', 'portal')
		.where('recorded_at', '>=', from)
		.where('recorded_at', '<', to)
		.where((eb) => eb.or([eb('leg_pain', 'is not', null), eb('back_pain', 'is not', null)]))
		.orderBy('recorded_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** Every check-in recorded before `end` by the patients of `patientIds` (a subquery), as stored (the owner's report). */
export async function listCheckInRowsBefore(db: Db, end: string, patientIds: SelectQueryBuilder<Database, 'appointment', { patient_id: string | null }>) {
	return db.kysely.selectFrom('outcome_check_in').selectAll().where('recorded_at', '<', end).where('patient_id', 'in', patientIds).execute();
}

/* The outcome_check_in table's writes (docs/architecture.md, "One owner per table"). */

export async function insertCheckIn(db: Db, checkIn: Insertable<OutcomeCheckInTable>): Promise<void> {
	await db.kysely.insertInto('outcome_check_in').values(checkIn).execute();
}

/** Corrects the pain scores of a check-in a session recorded before the treatment. */
export async function updateCheckInPain(db: Db, checkInId: string, legPain: number | null, backPain: number | null): Promise<void> {
	await db.kysely.updateTable('outcome_check_in').set({ leg_pain: legPain, back_pain: backPain }).where('id', '=', checkInId).execute();
}
