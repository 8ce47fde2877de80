import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Job } from './types';

export interface NewJob {
	kind: string;
	payload: Record<string, unknown>;
	/** The moment it is queued, unless given. */
	runAt?: Date;
}

/**
 * `now` is the use case's clock, not the wall's: a job queued "now" by a use case that runs at a
 * given instant must be due at that instant, or it would sort after jobs due earlier (issue 21).
 */
export async function enqueueJob(db: Db, kind: string, payload: Record<string, unknown>, runAt?: Date, now = db.clock.now()): Promise<string> {
	const [id] = await enqueueJobs(db, [{ kind, payload, runAt }], now);
	return id!;
}

/** Several jobs in one insert, as a booking's confirmation and reminder are. */
export async function enqueueJobs(db: Db, jobs: readonly NewJob[], now = db.clock.now()): Promise<string[]> {
	const createdAt = now.toISOString();
	const rows = jobs.map((job) => ({
		id: randomUUID(),
		kind: job.kind,
		payload: JSON.stringify(job.payload),
		run_at: (job.runAt ?? now).toISOString(),
		locked_until: null,
		done_at: null,
		last_error: null,
		created_at: createdAt
	}));
	if (rows.length > 0) await db.kysely.insertInto('job').values(rows).execute();
	return rows.map((row) => row.id);
}

/** Queues a job under a fixed id (a daily task's per-day id), unless a job with that id is already there. */
export async function enqueueJobOnce(db: Db, id: string, job: NewJob, now = db.clock.now()): Promise<void> {
	await db.kysely
		.insertInto('job')
		.values({
			id,
			kind: job.kind,
			payload: JSON.stringify(job.payload),
			run_at: (job.runAt ?? now).toISOString(),
			locked_until: null,
			done_at: null,
			last_error: null,
			created_at: now.toISOString()
		})
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
}

/** Whether a job of the kind waits to run (a daily task's next run is queued). */
export async function hasPendingJob(db: Db, kind: string): Promise<boolean> {
	const pending = await db.kysely.selectFrom('job').select('id').where('kind', '=', kind).where('done_at', 'is', null).executeTakeFirst();
	return pending !== undefined;
}

/** `last_error` of a job that gave up (`failJob`). */
const GAVE_UP = 'gave up:%';

/** The mail jobs that gave up after every retry since `sinceIso`, newest first (mail/failed-mail.ts shows them). */
export async function listGaveUpMailJobs(db: Db, sinceIso: string, limit: number) {
	return db.kysely
		.selectFrom('job')
		.select(['id', 'kind', 'payload', 'done_at', 'attempts', 'last_error'])
		.where('kind', 'like', 'mail.%')
		.where('last_error', 'like', GAVE_UP)
		.where('done_at', '>=', sinceIso)
		.orderBy('done_at', 'desc')
		.limit(limit)
		.execute();
}

/** How many mail jobs gave up after every retry since `sinceIso`. */
export async function countGaveUpMailJobs(db: Db, sinceIso: string): Promise<number> {
	const row = await db.kysely
		.selectFrom('job')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('kind', 'like', 'mail.%')
		.where('last_error', 'like', GAVE_UP)
		.where('done_at', '>=', sinceIso)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Moves a waiting job to another time. */
export async function rescheduleJob(db: Db, jobId: string, runAt: Date): Promise<void> {
	await db.kysely.updateTable('job').set({ run_at: runAt.toISOString() }).where('id', '=', jobId).execute();
}

/** Marks waiting jobs done without running them (what they would do no longer applies). */
export async function retireJobs(db: Db, jobIds: readonly string[], at: Date): Promise<void> {
	if (jobIds.length > 0) await db.kysely.updateTable('job').set({ done_at: at.toISOString() }).where('id', 'in', jobIds).execute();
}

/**
 * Takes up to `limit` due jobs for this worker for `leaseMs`. On PostgreSQL, `FOR UPDATE SKIP
 * LOCKED` lets several app instances take jobs side by side without ever taking the same one;
 * SQLite has one writer, so its plain UPDATE … RETURNING is already exclusive.
 */
/** How long a claim holds a job; a worker that is still on it extends the lease (`extendLease`). */
export const LEASE_MS = 60_000;

export async function claimDueJobs(db: Db, limit: number, now = db.clock.now(), leaseMs = LEASE_MS): Promise<Job[]> {
	const nowIso = now.toISOString();
	const lease = new Date(now.getTime() + leaseMs).toISOString();
	const lock = db.dialect === 'postgres' ? sql`for update skip locked` : sql``;
	const result = await sql<Job>`
		update job set locked_until = ${lease}, attempts = attempts + 1
		where id in (
			select id from job
			where done_at is null and run_at <= ${nowIso} and (locked_until is null or locked_until < ${nowIso})
			order by run_at limit ${limit} ${lock}
		)
		returning *`.execute(db.kysely);
	return result.rows;
}

/*
 * The fence (issue 16): every claim adds one to `attempts`, so (id, attempts) names one claim. A
 * worker whose lease ran out and whose job another worker claimed since can neither extend, nor
 * complete, nor fail that job: its writes match no row. A worker that is still on a job keeps
 * extending its lease, so a slow mail server never lets a second worker take the job and send the
 * mail again.
 */
export type JobClaim = Pick<Job, 'id' | 'attempts'>;

/** Extends this claim's lease; false when the claim is no longer ours (another worker took the job, or it is done). */
export async function extendLease(db: Db, claim: JobClaim, leaseMs = LEASE_MS, now = db.clock.now()): Promise<boolean> {
	const result = await db.kysely
		.updateTable('job')
		.set({ locked_until: new Date(now.getTime() + leaseMs).toISOString() })
		.where('id', '=', claim.id)
		.where('attempts', '=', claim.attempts)
		.where('done_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Marks the claimed jobs done; returns how many were still this worker's to complete. */
export async function completeJobs(db: Db, claims: readonly JobClaim[], now = db.clock.now()): Promise<number> {
	let completed = 0;
	for (const claim of claims) {
		const result = await db.kysely
			.updateTable('job')
			.set({ done_at: now.toISOString(), locked_until: null })
			.where('id', '=', claim.id)
			.where('attempts', '=', claim.attempts)
			.where('done_at', 'is', null)
			.executeTakeFirst();
		completed += Number(result.numUpdatedRows);
	}
	return completed;
}

export const MAX_ATTEMPTS = 8;

/** Retries later with exponential backoff (1, 2, 4 … minutes); gives up after MAX_ATTEMPTS. */
export async function failJob(db: Db, job: Job, error: string, now = db.clock.now(), askedRetryAt?: Date): Promise<void> {
	const gaveUp = job.attempts >= MAX_ATTEMPTS;
	// The far side's own word on when to try again (LINE's Retry-After) comes before the backoff.
	const retryAt = askedRetryAt ?? new Date(now.getTime() + 60_000 * 2 ** Math.max(0, job.attempts - 1));
	await db.kysely
		.updateTable('job')
		.set({
			last_error: (gaveUp ? `gave up: ${error}` : error).slice(0, 500),
			locked_until: null,
			run_at: retryAt.toISOString(),
			done_at: gaveUp ? now.toISOString() : null
		})
		.where('id', '=', job.id)
		.where('attempts', '=', job.attempts)
		.where('done_at', 'is', null)
		.execute();
}
