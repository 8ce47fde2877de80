import type { Db } from '../db/database';
import { enqueueJob } from './queue';

/**
 * Makes sure one run of a recurring job (`kind`) is waiting in the queue: at start, and after each
 * run for the next. Several instances may call it together; a second waiting run would only do
 * the same work twice, never harm.
 */
export async function scheduleRecurringJob(db: Db, kind: string, runAt: Date, now = db.clock.now()): Promise<void> {
	const waiting = await db.kysely
		.selectFrom('job')
		.select('id')
		.where('kind', '=', kind)
		.where('done_at', 'is', null)
		// A run in hand (leased) is not waiting: it is the one about to queue its successor.
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]))
		.executeTakeFirst();
	if (!waiting) await enqueueJob(db, kind, {}, runAt, now);
}
