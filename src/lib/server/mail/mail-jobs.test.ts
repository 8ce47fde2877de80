import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../../../tests/support/smtp-peer';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { notifyClinicOfRedFlag } from '../intake/red-flag-mail';
import { MAX_ATTEMPTS } from '../jobs/queue';
import { runDueJobs } from '../jobs/worker';
import { insertPatient } from '../portal/test-patients';
import { seedDemoClinic } from '../seed/demo-clinic';
import { attentionCounts } from '../staff/attention-counts';
import { listFailedMail } from './failed-mail';
import { queuedMailer, SEND_MAIL_JOB } from './mail-jobs';
import { createMailer } from './mailer';

/*
 * Issue 16: an alert that meets a mail server down is retried like booking mail, and one that gives
 * up is shown to the owner, instead of being tried once and left in the outbox.
 */

let peer: SmtpPeer;
beforeAll(async () => {
	peer = await startSmtpPeer();
});
afterAll(() => peer.close());

/** Nothing listens on port 1: every delivery is refused at once. */
const DOWN = 'smtp://127.0.0.1:1';
const ORIGIN = 'https://clinic.example.jp';
const NOW = new Date('2030-06-01T00:00:00Z');

describeEachDatabase('alerts through the job queue', (db) => {
	beforeAll(async () => {
		await seedDemoClinic(db());
		await db().kysely.updateTable('clinic').set({ email: 'alerts@clinic.example.jp' }).execute();
	});

	it('queues a red-flag alert, retries it while the mail server is down, and delivers it once it is back', async () => {
		const patientId = await insertPatient(db(), { email: 'flagged@example.jp', givenName: 'Flag' });
		await notifyClinicOfRedFlag(db(), queuedMailer(createMailer(DOWN)), patientId, 'intake-1', SYSTEM_ACTOR, ORIGIN);
		const job = () => db().kysely.selectFrom('job').selectAll().where('kind', '=', SEND_MAIL_JOB).executeTakeFirstOrThrow();
		expect(JSON.parse((await job()).payload)).toMatchObject({ kind: 'intake.red_flag' });
		expect((await job()).payload).not.toContain('alerts@clinic.example.jp'); // sealed with the mail

		expect(await runDueJobs({ db: db(), mailer: createMailer(DOWN), origin: ORIGIN }, NOW)).toBe(1);
		const failed = await job();
		expect(failed.done_at).toBeNull();
		expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
		expect(Date.parse(failed.run_at)).toBeGreaterThan(NOW.getTime());

		expect(await runDueJobs({ db: db(), mailer: createMailer(peer.url), origin: ORIGIN }, new Date(failed.run_at))).toBe(1);
		expect((await job()).done_at).not.toBeNull();
		const mail = peer.received.find((m) => m.to && 'text' in m.to && m.to.text === 'alerts@clinic.example.jp');
		expect(mail?.text).toContain(`${ORIGIN}/staff/alerts`);
	});

	it('shows the owner an alert that gave up after every retry, on the outbox list and in the banner', async () => {
		const mailer = queuedMailer(createMailer(DOWN));
		await mailer.send(db(), { to: 'doctor@clinic.example.jp', subject: 'Serious adverse event', text: 'P-0001', kind: 'adverse_event.serious' });
		let at = NOW.getTime() + 60 * 86_400_000;
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			await runDueJobs({ db: db(), mailer: createMailer(DOWN), origin: ORIGIN }, new Date(at));
			at += 86_400_000; // past any backoff
		}
		const failed = await listFailedMail(db(), new Date(at));
		expect(failed).toEqual([expect.objectContaining({ kind: 'adverse_event.serious', attempts: MAX_ATTEMPTS })]);
		expect(JSON.stringify(failed)).not.toContain('doctor@clinic.example.jp');
		expect((await attentionCounts({ ...db(), clock: { now: () => new Date(at) } }, 'owner')).failedMail).toBe(1);
		expect((await attentionCounts({ ...db(), clock: { now: () => new Date(at) } }, 'practitioner')).failedMail).toBe(0);
	});
});
