import type { Db } from '../db/database';
import { randomToken, sha256Hex } from '../crypto';

/**
 * Patient portal sessions: like staff sessions (only the token's hash is stored), but they carry
 * a patient id and nothing else, so every portal query is scoped to that one patient.
 */
/** A phone left on a café table: sign out after 30 minutes without a request. */
export const PATIENT_IDLE_TIMEOUT_MS = 30 * 60_000;
export const PATIENT_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
const TOUCH_INTERVAL_MS = 60_000;

export interface PatientSession {
	id: string;
	patientId: string;
	expiresAt: Date;
}

export async function createPatientSession(db: Db, patientId: string, now = db.clock.now()): Promise<{ token: string; expiresAt: Date }> {
	const token = randomToken();
	const expiresAt = new Date(now.getTime() + PATIENT_ABSOLUTE_TIMEOUT_MS);
	await db.kysely
		.insertInto('patient_session')
		.values({
			id: sha256Hex(token),
			patient_id: patientId,
			created_at: now.toISOString(),
			last_seen_at: now.toISOString(),
			expires_at: expiresAt.toISOString()
		})
		.execute();
	return { token, expiresAt };
}

/** The live session for a cookie token, or null when it is unknown, expired or idle. */
export async function validatePatientSession(db: Db, token: string, now = db.clock.now()): Promise<PatientSession | null> {
	const id = sha256Hex(token);
	const row = await db.kysely
		.selectFrom('patient_session')
		.innerJoin('patient', 'patient.id', 'patient_session.patient_id')
		.select(['patient_session.id', 'patient_session.patient_id', 'patient_session.last_seen_at', 'patient_session.expires_at', 'patient.merged_into_id'])
		.where('patient_session.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const expiresAt = new Date(row.expires_at);
	const idleFor = now.getTime() - new Date(row.last_seen_at).getTime();
	// A merged record no longer exists for the patient: they sign in again and land on the survivor.
	if (expiresAt <= now || idleFor > PATIENT_IDLE_TIMEOUT_MS || row.merged_into_id !== null) {
		await db.kysely.deleteFrom('patient_session').where('id', '=', id).execute();
		return null;
	}
	if (idleFor > TOUCH_INTERVAL_MS) {
		await db.kysely.updateTable('patient_session').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
	}
	return { id, patientId: row.patient_id, expiresAt };
}

export async function deletePatientSession(db: Db, token: string): Promise<void> {
	await db.kysely.deleteFrom('patient_session').where('id', '=', sha256Hex(token)).execute();
}

/** Deletes portal sessions past their end or idle too long; returns how many. */
export async function deleteEndedPatientSessions(db: Db, now = db.clock.now()): Promise<number> {
	const result = await db.kysely
		.deleteFrom('patient_session')
		.where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', new Date(now.getTime() - PATIENT_IDLE_TIMEOUT_MS).toISOString())]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Ends every portal session of one patient (their address changed); joins the caller's transaction. Returns how many. */
export async function deletePatientSessionsOf(db: Db, patientId: string): Promise<number> {
	const result = await db.kysely.deleteFrom('patient_session').where('patient_id', '=', patientId).executeTakeFirst();
	return Number(result.numDeletedRows);
}
