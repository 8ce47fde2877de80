import { deleteEndedSessions } from '../auth/session';
import type { Db } from '../db/database';
import { pruneLineRows } from '../line/prune-line';
import { deleteSpentMagicLinks } from '../portal/magic-link';
import { deleteEndedPatientSessions } from '../portal/patient-session';
import { scheduleRecurringJob } from './recurring';

/*
 * Nothing is kept longer than it is needed (issue 16). Each period is the longest time the row
 * still serves a purpose; past it, the row is only something to lose in a leak.
 */

const DAY_MS = 86_400_000;
/** A completed job is needed only to see that its mail went out; the outbox and audit log keep the rest. */
export const DONE_JOB_KEPT_MS = 7 * DAY_MS;
/** A job that gave up stays in view for the owner (a failed alert) for a quarter, then goes. */
export const FAILED_JOB_KEPT_MS = 90 * DAY_MS;
/** A mail that gave up is flagged to the owner (banner, outbox) for a week: long enough to be seen after a holiday. */
export const MAIL_GAVE_UP_SHOWN_MS = 7 * DAY_MS;
/** Clients retry a request within minutes, at most a day; after that a key is free to be forgotten. */
export const IDEMPOTENCY_KEY_KEPT_MS = DAY_MS;
/** The outbox answers "did the mail go out?" for recent mail; older copies only hold personal data. */
export const OUTBOX_MAIL_KEPT_MS = 30 * DAY_MS;
/** How often pruning runs: daily is enough for periods counted in days. */
export const PRUNE_EVERY_MS = DAY_MS;

export const PRUNE_JOB = 'maintenance.prune';

export interface PruneReport {
	jobs: number;
	idempotencyKeys: number;
	outboxMail: number;
}

/** Deletes completed jobs, used idempotency keys and old outbox mail past their periods. */
export async function pruneExpired(db: Db, now = db.clock.now()): Promise<PruneReport> {
	const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
	const jobs = await db.kysely
		.deleteFrom('job')
		.where('done_at', 'is not', null)
		.where((eb) =>
			eb.or([
				eb.and([eb('last_error', 'is', null), eb('done_at', '<', before(DONE_JOB_KEPT_MS))]),
				eb.and([eb('last_error', 'is not', null), eb('done_at', '<', before(FAILED_JOB_KEPT_MS))])
			])
		)
		.executeTakeFirst();
	const keys = await db.kysely.deleteFrom('idempotency_key').where('created_at', '<', before(IDEMPOTENCY_KEY_KEPT_MS)).executeTakeFirst();
	const mail = await db.kysely.deleteFrom('mail_outbox').where('created_at', '<', before(OUTBOX_MAIL_KEPT_MS)).executeTakeFirst();
	return { jobs: Number(jobs.numDeletedRows), idempotencyKeys: Number(keys.numDeletedRows), outboxMail: Number(mail.numDeletedRows) };
}

/** Queues the first pruning run unless one is waiting. */
export async function schedulePruning(db: Db, runAt: Date, now = db.clock.now()): Promise<void> {
	await scheduleRecurringJob(db, PRUNE_JOB, runAt, now);
}

/**
 * Sign-ins that can no longer be used: staff and portal sessions past their end or idle, and used
 * or expired sign-in links. Only token hashes are stored, but each row still says who signed in when.
 */
export async function pruneSignIns(db: Db, now = db.clock.now()): Promise<{ staffSessions: number; patientSessions: number; signInLinks: number }> {
	return {
		staffSessions: await deleteEndedSessions(db, now),
		patientSessions: await deleteEndedPatientSessions(db, now),
		signInLinks: await deleteSpentMagicLinks(db, now)
	};
}

/** The job: prune, then queue the next run. */
export async function runPruning(db: Db, now = db.clock.now()): Promise<void> {
	await pruneExpired(db, now);
	await pruneSignIns(db, now);
	await pruneLineRows(db, now);
	await schedulePruning(db, new Date(now.getTime() + PRUNE_EVERY_MS), now);
}
