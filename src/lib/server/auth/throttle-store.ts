import {
	EMAIL_POLICY,
	IP_POLICY,
	judgeAttempt,
	SECOND_FACTOR_POLICY,
	recordFailure,
	type ThrottlePolicy,
	type ThrottleState,
	type ThrottleVerdict
} from '../../domain/auth/login-throttle';
import type { Db } from '../db/database';

/* Throttle state lives in the database so every app instance sees the same counts. */

function keysFor(email: string, ip: string | null): Array<[string, ThrottlePolicy]> {
	const keys: Array<[string, ThrottlePolicy]> = [[`email:${email}`, EMAIL_POLICY]];
	if (ip) keys.push([`ip:${ip}`, IP_POLICY]);
	return keys;
}

async function loadState(db: Db, key: string): Promise<ThrottleState | null> {
	const row = await db.kysely.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
	if (!row) return null;
	return {
		failures: row.failures,
		lastFailureAt: new Date(row.last_failure_at),
		lockedUntil: row.locked_until ? new Date(row.locked_until) : null
	};
}

/** The strictest verdict over the e-mail and IP keys. */
export async function judgeSignIn(db: Db, email: string, ip: string | null, now = db.clock.now()): Promise<ThrottleVerdict> {
	let verdict: ThrottleVerdict = { locked: false, delayMs: 0 };
	for (const [key, policy] of keysFor(email, ip)) {
		const next = judgeAttempt(await loadState(db, key), policy, now);
		if (next.locked) return next;
		if (!verdict.locked && next.delayMs > verdict.delayMs) verdict = next;
	}
	return verdict;
}

export async function noteSignInFailure(db: Db, email: string, ip: string | null, now = db.clock.now()): Promise<void> {
	for (const [key, policy] of keysFor(email, ip)) await noteFailure(db, key, policy, now);
}

async function noteFailure(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<ThrottleState> {
	const state = recordFailure(await loadState(db, key), policy, now);
	const values = {
		failures: state.failures,
		last_failure_at: state.lastFailureAt.toISOString(),
		locked_until: state.lockedUntil?.toISOString() ?? null
	};
	await db.kysely
		.insertInto('login_throttle')
		.values({ key, ...values })
		.onConflict((oc) => oc.column('key').doUpdateSet(values))
		.execute();
	return state;
}

/*
 * Second-factor failures are counted per account in the same table (issue #16), so a restart or
 * another instance sees the same count. Callers hold the staff row's lock (second-factor.ts), so
 * two instances never both read the same count and write it back.
 */
const secondFactorKey = (staffId: string) => `second-factor:${staffId}`;

export async function judgeSecondFactor(db: Db, staffId: string, now = db.clock.now()): Promise<ThrottleVerdict> {
	return judgeAttempt(await loadState(db, secondFactorKey(staffId)), SECOND_FACTOR_POLICY, now);
}

/** Counts one wrong code; the answer says whether the account's second step is now locked, and for how long. */
export async function noteSecondFactorFailure(db: Db, staffId: string, now = db.clock.now()): Promise<ThrottleVerdict> {
	await noteFailure(db, secondFactorKey(staffId), SECOND_FACTOR_POLICY, now);
	return judgeSecondFactor(db, staffId, now);
}

export async function clearSecondFactorFailures(db: Db, staffId: string): Promise<void> {
	await db.kysely.deleteFrom('login_throttle').where('key', '=', secondFactorKey(staffId)).execute();
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
	await db.kysely.deleteFrom('login_throttle').where('key', '=', `email:${email}`).execute();
}
