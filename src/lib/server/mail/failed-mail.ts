import type { Db } from '../db/database';
import { MAIL_GAVE_UP_SHOWN_MS } from '../jobs/prune';
import { countGaveUpMailJobs, listGaveUpMailJobs } from '../jobs/queue';

/** A mail job that gave up after every retry: the owner must learn that an alert never arrived. */
export interface FailedMail {
	jobId: string;
	/** What the mail was for (`intake.red_flag`, `mail.booking_confirmation` …), never to whom. */
	kind: string;
	gaveUpAt: string;
	attempts: number;
	error: string;
}

/** Mail jobs that gave up within the last MAIL_GAVE_UP_SHOWN_MS, newest first. */
export async function listFailedMail(db: Db, now = db.clock.now(), limit = 50): Promise<FailedMail[]> {
	const rows = await listGaveUpMailJobs(db, new Date(now.getTime() - MAIL_GAVE_UP_SHOWN_MS).toISOString(), limit);
	return rows.map((row) => {
		const payload = JSON.parse(row.payload) as { kind?: string };
		return { jobId: row.id, kind: payload.kind ?? row.kind, gaveUpAt: row.done_at!, attempts: row.attempts, error: row.last_error!.replace(/^gave up: /, '') };
	});
}

export async function countFailedMail(db: Db, now = db.clock.now()): Promise<number> {
	return countGaveUpMailJobs(db, new Date(now.getTime() - MAIL_GAVE_UP_SHOWN_MS).toISOString());
}
