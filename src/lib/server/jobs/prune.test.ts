import { randomUUID } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { beginIdempotent, IN_PROGRESS_EXPIRES_MS } from '../http/idempotency';
import { createMailer } from '../mail/mailer';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { ABSOLUTE_TIMEOUT_MS, createSession, IDLE_TIMEOUT_MS } from '../auth/session';
import { consumeMagicLink, createMagicLink, isMagicLinkLive, SIGN_IN_LINK_TTL_MS } from '../portal/magic-link';
import { createPatientSession, PATIENT_IDLE_TIMEOUT_MS, validatePatientSession } from '../portal/patient-session';
import { createStaff } from '../staff/create-staff';
import {
	DONE_JOB_KEPT_MS,
	FAILED_JOB_KEPT_MS,
	IDEMPOTENCY_KEY_KEPT_MS,
	OUTBOX_MAIL_KEPT_MS,
	PRUNE_EVERY_MS,
	PRUNE_JOB,
	pruneExpired,
	pruneSignIns,
	schedulePruning
} from './prune';
import { enqueueJob } from './queue';
import { runDueJobs } from './worker';

const NOW = new Date('2030-03-01T00:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const DAY = 86_400_000;

describeEachDatabase('pruning what is no longer needed', (db) => {
	it('deletes completed jobs, used idempotency keys and old outbox mail past their periods, and keeps the rest', async () => {
		const job = async (doneAgo: number | null, failed = false) => {
			const id = await enqueueJob(db(), 'mail.test', {}, ago(FAILED_JOB_KEPT_MS * 2), ago(FAILED_JOB_KEPT_MS * 2));
			if (doneAgo !== null) {
				await db()
					.kysely.updateTable('job')
					.set({ done_at: ago(doneAgo).toISOString(), last_error: failed ? 'gave up: refused' : null })
					.where('id', '=', id)
					.execute();
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

describeEachDatabase('pruning sign-ins that can no longer be used', (db) => {
	it('deletes ended or idle sessions of staff and patients, and used or expired sign-in links; keeps live ones', async () => {
		const patientId = randomUUID();
		await db()
			.kysely.insertInto('patient')
			.values({
				id: patientId,
				family_name: '山田',
				given_name: '花子',
				family_name_kana: '',
				given_name_kana: '',
				email: 'hanako@example.jp',
				phone: '',
				date_of_birth: null,
				preferred_locale: 'ja',
				created_at: ago(DAY).toISOString()
			})
			.execute();
		const created = await createStaff(
			db(),
			{ email: 'prune@example.jp', role: 'reception', displayName: 'prune', password: 'a long enough password 1' },
			SYSTEM_ACTOR
		);
		if (!created.ok) throw new Error(created.code);
		const { staff } = created;
		const staffLive = await createSession(db(), staff.id, true, ago(IDLE_TIMEOUT_MS - 60_000));
		await createSession(db(), staff.id, true, ago(IDLE_TIMEOUT_MS + 60_000));
		const staffEnded = await createSession(db(), staff.id, true, ago(ABSOLUTE_TIMEOUT_MS + 60_000));
		await db()
			.kysely.updateTable('staff_session')
			.set({ last_seen_at: ago(60_000).toISOString() })
			.where('id', '=', staffEnded.sessionId)
			.execute();
		const patientLive = await createPatientSession(db(), patientId, ago(60_000));
		const patientIdle = await createPatientSession(db(), patientId, ago(PATIENT_IDLE_TIMEOUT_MS + 60_000));
		const liveLink = await createMagicLink(db(), patientId, SIGN_IN_LINK_TTL_MS, ago(60_000));
		await createMagicLink(db(), patientId, SIGN_IN_LINK_TTL_MS, ago(SIGN_IN_LINK_TTL_MS + 60_000));
		const usedLink = await createMagicLink(db(), patientId, SIGN_IN_LINK_TTL_MS, ago(120_000));
		expect(await consumeMagicLink(db(), usedLink, ago(60_000))).toBe(patientId);

		expect(await pruneSignIns(db(), NOW)).toEqual({ staffSessions: 2, patientSessions: 1, signInLinks: 2 });
		expect((await db().kysely.selectFrom('staff_session').select('id').execute()).map((s) => s.id)).toEqual([staffLive.sessionId]);
		expect(await validatePatientSession(db(), patientLive.token, NOW)).not.toBeNull();
		expect(await validatePatientSession(db(), patientIdle.token, NOW)).toBeNull();
		expect(await isMagicLinkLive(db(), liveLink, NOW)).toBe(true);
		expect(await db().kysely.selectFrom('patient_magic_link').select('id').execute()).toHaveLength(1);
	});
});
