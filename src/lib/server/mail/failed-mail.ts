import type { Db } from '../db/database';
import { MAIL_GAVE_UP_SHOWN_MS } from '../jobs/prune';

/** A mail job that gave up after every retry: the owner must learn that an alert never arrived. */
export interface FailedMail {
	jobId: string;
	/** What the mail was for (`intake.red_flag`, `mail.booking_confirmation` …), never to whom. */
	kind: string;
	gaveUpAt: string;
	attempts: number;
	error: string;
}

const GAVE_UP = 'gave up:%';

/** Mail jobs that gave up within the last MAIL_GAVE_UP_SHOWN_MS, newest first. */
export async function listFailedMail(db: Db, now = db.clock.now(), limit = 50): Promise<FailedMail[]> {
	const rows = await db.kysely
		.selectFrom('job')
		.select(['id', 'kind', 'payload', 'done_at', 'attempts', 'last_error'])
		.where('kind', 'like', 'mail.%')
		.where('last_error', 'like', GAVE_UP)
		.where('done_at', '>=', new Date(now.getTime() - MAIL_GAVE_UP_SHOWN_MS).toISOString())
		.orderBy('done_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => {
		const payload = JSON.parse(row.payload) as { kind?: string };
		return { jobId: row.id, kind: payload.kind ?? row.kind, gaveUpAt: row.done_at!, attempts: row.attempts, error: row.last_error!.replace(/^gave up: /, '') };
	});
}

export async function countFailedMail(db: Db, now = db.clock.now()): Promise<number> {
	const row = await db.kysely
		.selectFrom('job')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('kind', 'like', 'mail.%')
		.where('last_error', 'like', GAVE_UP)
		.where('done_at', '>=', new Date(now.getTime() - MAIL_GAVE_UP_SHOWN_MS).toISOString())
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
