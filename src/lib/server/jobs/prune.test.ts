import { randomUUID } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { beginIdempotent, IN_PROGRESS_EXPIRES_MS } from '../http/idempotency';
import { createMailer } from '../mail/mailer';
import { DONE_JOB_KEPT_MS, FAILED_JOB_KEPT_MS, IDEMPOTENCY_KEY_KEPT_MS, OUTBOX_MAIL_KEPT_MS, PRUNE_EVERY_MS, PRUNE_JOB, pruneExpired, schedulePruning } from './prune';
import { enqueueJob } from './queue';
import { runDueJobs } from './worker';

const NOW = new Date('2030-03-01T00:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describeEachDatabase('pruning what is no longer needed', (db) => {
	it('deletes completed jobs, used idempotency keys and old outbox mail past their periods, and keeps the rest', async () => {
		const job = async (doneAgo: number | null, failed = false) => {
			const id = await enqueueJob(db(), 'mail.test', {}, ago(FAILED_JOB_KEPT_MS * 2), ago(FAILED_JOB_KEPT_MS * 2));
			if (doneAgo !== null) {
				await db().kysely.updateTable('job').set({ done_at: ago(doneAgo).toISOString(), last_error: failed ? 'gave up: refused' : null }).where('id', '=', id).execute();
			}
			return id;
		};
		const oldDone = await job(DONE_JOB_KEPT_MS + 1);
		const recentDone = await job(DONE_JOB_KEPT_MS - 60_000);
		const oldFailed = await job(FAILED_JOB_KEPT_MS + 1, true);
		const recentFailed = await job(DONE_JOB_KEPT_MS + 1, true);
		const pending = await job(null);
		const key = async (name: string, at: Date) => {
			const begun = await beginIdempotent(db(), name, { n: name }, at);
			if (begun.kind !== 'fresh') throw new Error(begun.kind);
			await begun.save(json({ ok: true }));
		};
		await key('old-key', ago(IDEMPOTENCY_KEY_KEPT_MS + 1));
		await key('new-key', ago(60_000));
		const mail = async (at: Date) => {
			const { id } = await createMailer(undefined).send({ ...db(), clock: { now: () => at } }, { to: 'a@example.jp', subject: 's', text: 't', kind: 'test' });
			return id;
		};
		const oldMail = await mail(ago(OUTBOX_MAIL_KEPT_MS + 1));
		const newMail = await mail(ago(60_000));

		expect(await pruneExpired(db(), NOW)).toEqual({ jobs: 2, idempotencyKeys: 1, outboxMail: 1 });
		const jobs = (await db().kysely.selectFrom('job').select('id').execute()).map((j) => j.id);
		expect(jobs).toEqual(expect.arrayContaining([recentDone, recentFailed, pending]));
		expect(jobs).not.toContain(oldDone);
		expect(jobs).not.toContain(oldFailed);
		expect((await db().kysely.selectFrom('idempotency_key').select('key').execute()).map((k) => k.key)).toEqual(['new-key']);
		const outbox = (await db().kysely.selectFrom('mail_outbox').select('id').execute()).map((m) => m.id);
		expect(outbox).toContain(newMail);
		expect(outbox).not.toContain(oldMail);
	});
});

describeEachDatabase('pruning on a schedule', (db) => {
	it('runs as a recurring job through the queue, one waiting run at a time', async () => {
		const waiting = () => db().kysely.selectFrom('job').select(['run_at']).where('kind', '=', PRUNE_JOB).where('done_at', 'is', null).execute();
		await schedulePruning(db(), NOW, NOW);
		await schedulePruning(db(), NOW, NOW); // a second instance starting: still one
		expect(await waiting()).toHaveLength(1);
		const context = { db: db(), mailer: createMailer(undefined), origin: 'https://clinic.example.jp' };
		expect(await runDueJobs(context, NOW)).toBe(1);
		expect(await waiting()).toEqual([{ run_at: new Date(NOW.getTime() + PRUNE_EVERY_MS).toISOString() }]);
		expect(await runDueJobs(context, new Date(NOW.getTime() + PRUNE_EVERY_MS))).toBe(1);
		expect(await waiting()).toEqual([{ run_at: new Date(NOW.getTime() + 2 * PRUNE_EVERY_MS).toISOString() }]);
	});
});

describeEachDatabase('an idempotency key left in progress', (db) => {
	it('answers "in progress" while the first request may still run, and lets a retry take it over once it has expired', async () => {
		const key = `crashed-${randomUUID()}`;
		const first = await beginIdempotent(db(), key, { a: 1 }, NOW);
		expect(first.kind).toBe('fresh'); // …and the process dies before saving an answer
		const soon = await beginIdempotent(db(), key, { a: 1 }, new Date(NOW.getTime() + IN_PROGRESS_EXPIRES_MS - 1));
		expect(soon).toEqual({ kind: 'conflict', code: 'request_in_progress' });
		const later = new Date(NOW.getTime() + IN_PROGRESS_EXPIRES_MS + 1);
		const retry = await beginIdempotent(db(), key, { a: 1 }, later);
		if (retry.kind !== 'fresh') throw new Error(`expected fresh, got ${JSON.stringify(retry)}`);
		expect(await beginIdempotent(db(), key, { a: 1 }, later)).toEqual({ kind: 'conflict', code: 'request_in_progress' });
		await retry.save(json({ id: 'x' }, { status: 201 }));
		const replay = await beginIdempotent(db(), key, { a: 1 }, later);
		if (replay.kind !== 'replay') throw new Error(replay.kind);
		expect(await replay.response.json()).toEqual({ id: 'x' });
	});
});
