import type { Db } from '../db/database';
import type { Staff } from '../db/schema';
import { randomToken, sha256Hex } from '../crypto';
import { isTotpRequired } from '../staff/staff-repository';

export const SESSION_COOKIE = 'shinkyu_staff';
/** Sign out after this long without a request (a tablet left beside a bed). */
export const IDLE_TIMEOUT_MS = 60 * 60_000;
/** Sign out after this long whatever happens: one working day. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** Don't write `last_seen_at` on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface StaffSession {
	id: string;
	secondFactorDone: boolean;
	/** When the password step of this sign-in was passed: enrolment shows a secret only to a fresh one. */
	createdAt: Date;
	expiresAt: Date;
	staff: Staff;
}

export async function createSession(
	db: Db,
	staffId: string,
	secondFactorDone: boolean,
	now = db.clock.now()
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
	const token = randomToken();
	const sessionId = sha256Hex(token);
	const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
	await db.kysely
		.insertInto('staff_session')
		.values({
			id: sessionId,
			staff_id: staffId,
			second_factor_done: secondFactorDone ? 1 : 0,
			created_at: now.toISOString(),
			last_seen_at: now.toISOString(),
			expires_at: expiresAt.toISOString()
		})
		.execute();
	return { token, sessionId, expiresAt };
}

/** The live session for a cookie token, or null when it is unknown, expired, idle or disabled. */
export async function validateSession(db: Db, token: string, now = db.clock.now()): Promise<StaffSession | null> {
	const id = sha256Hex(token);
	const row = await db.kysely
		.selectFrom('staff_session')
		.innerJoin('staff', 'staff.id', 'staff_session.staff_id')
		.selectAll('staff')
		.select([
			'staff_session.id as session_id',
			'staff_session.second_factor_done',
			'staff_session.created_at as session_created_at',
			'staff_session.last_seen_at',
			'staff_session.expires_at'
		])
		.where('staff_session.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const lastSeen = new Date(row.last_seen_at);
	const expiresAt = new Date(row.expires_at);
	if (expiresAt <= now || now.getTime() - lastSeen.getTime() > IDLE_TIMEOUT_MS || row.disabled) {
		await deleteSession(db, token);
		return null;
	}
	if (now.getTime() - lastSeen.getTime() > TOUCH_INTERVAL_MS) {
		await db.kysely.updateTable('staff_session').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
	}
	const { session_id, second_factor_done, session_created_at, last_seen_at: _l, expires_at: _e, ...staff } = row;
	// A session that passed without a second factor (reception while the owner allowed it) is sent
	// to enrol as soon as one is required of it: no other console page opens before (issue #16).
	const secondFactorDone = second_factor_done === 1 && (staff.totp_enabled === 1 || !(await isTotpRequired(db, staff)));
	return { id: session_id, secondFactorDone, createdAt: new Date(session_created_at), expiresAt, staff };
}

/** Whether the password step of this session was passed within `withinMs` of `now`. */
export function isFreshSession(session: Pick<StaffSession, 'createdAt'>, now: Date, withinMs = FRESH_SIGN_IN_MS): boolean {
	return now.getTime() - session.createdAt.getTime() <= withinMs;
}

/** Enrolment shows a new secret only this long after the password step (issue #16). */
export const FRESH_SIGN_IN_MS = 10 * 60_000;

/**
 * Marks the second factor passed by replacing the session: the token held before the code was
 * entered (by whoever knew the password and watched the cookie) stops working. The new session
 * keeps the sign-in time and the absolute expiry of the old one.
 */
export async function rotateSession(db: Db, sessionId: string, now = db.clock.now()): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
	const old = await db.kysely.selectFrom('staff_session').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
	await db.kysely.deleteFrom('staff_session').where('id', '=', sessionId).execute();
	const token = randomToken();
	const id = sha256Hex(token);
	await db.kysely
		.insertInto('staff_session')
		.values({ ...old, id, second_factor_done: 1, last_seen_at: now.toISOString() })
		.execute();
	return { token, sessionId: id, expiresAt: new Date(old.expires_at) };
}

export async function deleteSessionById(db: Db, sessionId: string): Promise<void> {
	await db.kysely.deleteFrom('staff_session').where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, token: string): Promise<void> {
	await db.kysely.deleteFrom('staff_session').where('id', '=', sha256Hex(token)).execute();
}

/** Ends every session of an account, except optionally the one in use. */
export async function deleteStaffSessions(db: Db, staffId: string, keepSessionId?: string): Promise<void> {
	let query = db.kysely.deleteFrom('staff_session').where('staff_id', '=', staffId);
	if (keepSessionId) query = query.where('id', '!=', keepSessionId);
	await query.execute();
}

/** Deletes sessions that can no longer sign anyone in (past their end or idle too long); returns how many. */
export async function deleteEndedSessions(db: Db, now = db.clock.now()): Promise<number> {
	const result = await db.kysely
		.deleteFrom('staff_session')
		.where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString())]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
