import type { Db } from '../../src/lib/server/db/database';

/**
 * Waits until the server has run every job that was due when it started: the daily deletion of
 * people who never came (privacy/delete-never-came.ts) runs a few seconds after start and queues
 * the next day's run. Tests that compare the database before and after a refused request wait for
 * it first, so the worker's own writes are not mistaken for the request's.
 */
export async function waitForDueJobs(db: Db, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const now = new Date().toISOString();
		const due = await db.kysely.selectFrom('job').select('id').where('done_at', 'is', null).where('run_at', '<=', now).executeTakeFirst();
		if (!due) return;
		if (Date.now() > deadline) throw new Error(`job ${due.id} is still due after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
