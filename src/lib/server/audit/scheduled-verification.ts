import { randomUUID } from 'node:crypto';
import type { ChainProblem } from '../../domain/audit/chain';
import type { Db } from '../db/database';
import { scheduleRecurringJob } from '../jobs/recurring';
import { logger } from '../log';
import { verifyAuditChain } from './audit-log';

/*
 * Hashing the whole log costs time in proportion to its length: it runs as a job, not on every
 * visit to the audit page, which shows the outcome of the last run (issue 16).
 */

/** Daily: a change found within a day is soon enough to act on, and costs one pass a day. */
export const AUDIT_VERIFY_EVERY_MS = 86_400_000;
export const AUDIT_VERIFY_JOB = 'audit.verify';

export interface AuditVerification {
	at: string;
	rows: number;
	problems: ChainProblem[];
}

export async function recordAuditVerification(db: Db, now = db.clock.now()): Promise<AuditVerification> {
	const report = await verifyAuditChain(db);
	const verification = { at: now.toISOString(), rows: report.rows, problems: report.problems };
	await db.kysely
		.insertInto('audit_verification')
		.values({
			id: randomUUID(),
			at: verification.at,
			row_count: report.rows,
			problem_count: report.problems.length,
			detail: JSON.stringify(report.problems.slice(0, 100))
		})
		.execute();
	if (report.problems.length > 0) logger.error({ problems: report.problems.length, rows: report.rows }, 'audit chain broken: run npm run audit:verify');
	return verification;
}

export async function lastAuditVerification(db: Db): Promise<{ at: string; rows: number; problems: number } | null> {
	const row = await db.kysely.selectFrom('audit_verification').selectAll().orderBy('at', 'desc').limit(1).executeTakeFirst();
	return row ? { at: row.at, rows: Number(row.row_count), problems: Number(row.problem_count) } : null;
}

export async function scheduleAuditVerification(db: Db, runAt: Date, now = db.clock.now()): Promise<void> {
	await scheduleRecurringJob(db, AUDIT_VERIFY_JOB, runAt, now);
}

/** The job: verify, keep the outcome, queue the next run. */
export async function runAuditVerification(db: Db, now = db.clock.now()): Promise<void> {
	await recordAuditVerification(db, now);
	await scheduleAuditVerification(db, new Date(now.getTime() + AUDIT_VERIFY_EVERY_MS), now);
}
