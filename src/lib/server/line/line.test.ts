import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineEnvFor, signWebhook, startLinePeer, type LinePeer } from '../../../../tests/support/line-peer';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { createBooking } from '../booking/create-booking';
import { getAvailability } from '../booking/get-availability';
import { bookingMailJobs } from '../booking/booking-mail-jobs';
import type { Job } from '../jobs/types';
import { failJob } from '../jobs/queue';
import { notifyPatient } from '../messaging/notify-patient';
import { seedDemoClinic } from '../seed/demo-clinic';
import { acceptLineWebhook } from './accept-webhook';
import { readLineConfig, type LineConfig } from './line-config';
import { handleLineEvent } from './line-events';
import { exportPatientData } from '../portal/export-patient-data';
import { createConnectToken, disconnectLine } from './line-link';
import { finishLineLogin, startLineLogin } from './line-login';
import { LINE_EVENT_JOB, LINE_PUSH_JOB } from './line-notice';
import { LineRetryLater, runLinePush, type LinePushPayload } from './line-push-job';
import { pruneLineRows } from './prune-line';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.9', requestId: 'test' };
const DAY = '2030-06-04';
const NOW = new Date('2030-05-25T00:00:00Z');
const ORIGIN = 'https://clinic.example.jp';
const USER_A = 'U0000000000000000000000000000000a';
const USER_B = 'U0000000000000000000000000000000b';

let peer: LinePeer;
let config: LineConfig;

beforeAll(async () => {
	peer = await startLinePeer();
	// This file's server is one with LINE set up: bookings queue LINE jobs (line-config.ts reads the environment once).
	Object.assign(process.env, lineEnvFor(peer));
	config = readLineConfig(lineEnvFor(peer))!;
});
afterAll(async () => {
	for (const key of Object.keys(lineEnvFor(peer))) delete process.env[key];
	await peer.close();
});

describe('readLineConfig', () => {
	it('is off unless all four secrets are set', () => {
		const env = lineEnvFor({ baseUrl: 'http://127.0.0.1:1' });
		expect(readLineConfig(env)).not.toBeNull();
		for (const key of ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN', 'LINE_LOGIN_CHANNEL_ID', 'LINE_LOGIN_CHANNEL_SECRET'])
			expect(readLineConfig({ ...env, [key]: '' }), key).toBeNull();
	});
	it('uses the official endpoints by default', () => {
		const { LINE_API_BASE: _api, LINE_LOGIN_BASE: _login, ...env } = lineEnvFor({ baseUrl: 'http://127.0.0.1:1' });
		expect(readLineConfig(env)).toMatchObject({
			apiBase: 'https://api.line.me',
			loginBase: 'https://access.line.me',
			loginApiBase: 'https://api.line.me',
			issuer: 'https://access.line.me'
		});
	});
});

describeEachDatabase('LINE as a channel', (db) => {
	let serviceId = '';
	let practitionerId = '';
	let count = 0;

	beforeAll(async () => {
		await seedDemoClinic(db());
		serviceId = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		practitionerId = (await db().kysely.selectFrom('practitioner').select('id').where('family_name_en', '=', 'Sato').executeTakeFirstOrThrow()).id;
	});
	beforeEach(() => {
		peer.requests.length = 0;
	});

	/** Books the first free slot from DAY on, so tests never compete for one. */
	async function book(_label?: string) {
		count++;
		const free = await getAvailability(db(), { service: serviceId, from: DAY, to: '2030-06-28', practitioner: practitionerId }, { now: NOW.getTime() });
		if (!free.ok || free.slots.length === 0) throw new Error('no free slot');
		const result = await createBooking(
			db(),
			{
				serviceId,
				practitionerId,
				start: new Date(free.slots[0]!.start).toISOString(),
				locale: 'ja',
				patient: { familyName: '田中', givenName: `花子${count}`, email: `hanako${count}@example.jp`, phone: '090-1234-5678' },
				consent: { privacy: true }
			},
			actor,
			NOW.getTime()
		);
		if (!result.ok) throw new Error(result.code);
		return { appointmentId: result.appointment.id, patientId: result.appointment.patient_id!, manageToken: result.manageToken };
	}

	async function link(patientId: string, lineUserId: string, channels: 'mail' | 'line' | 'both' = 'line') {
		await db()
			.kysely.insertInto('line_link')
			.values({ patient_id: patientId, line_user_id: lineUserId, channels, consent_version: '1', linked_at: NOW.toISOString() })
			.execute();
	}

	async function jobsFor(appointmentId: string) {
		return db().kysely.selectFrom('job').selectAll().where('payload', 'like', `%"appointmentId":"${appointmentId}"%`).where('done_at', 'is', null).execute();
	}

	const claim = (attempts = 1): Pick<Job, 'attempts'> => ({ attempts });

	it("queues the confirmation and the reminders at the clinic's times, by mail and LINE, each LINE push with its own retry key", async () => {
		const jobs = bookingMailJobs(db().secrets, { appointmentId: 'a', patientId: 'p', manageToken: 't' }, Date.parse(`${DAY}T10:00:00+09:00`), NOW.getTime(), {
			mail: [24, 2],
			line: [24],
			lineEnabled: true
		});
		expect(jobs.map((job) => job.kind)).toEqual(['mail.booking_confirmation', 'mail.booking_reminder', 'mail.booking_reminder', LINE_PUSH_JOB, LINE_PUSH_JOB]);
		const keys = jobs.filter((job) => job.kind === LINE_PUSH_JOB).map((job) => job.payload.retryKey as string);
		for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(new Set(keys).size).toBe(2);
		// The manage token stays sealed in the job.
		expect(JSON.stringify(jobs)).not.toContain('"t"');
	});

	it("pushes a reminder with the channel token, the job's retry key, two postback buttons and nothing clinical", async () => {
		const booking = await book('10:00');
		await link(booking.patientId, USER_A);
		// Something clinical on the visit that must never reach LINE.
		await db()
			.kysely.updateTable('appointment')
			.set({ note: '腰痛が強い', triage: JSON.stringify({ symptom: '胸の痛み' }), triage_level: 'routine' })
			.where('id', '=', booking.appointmentId)
			.execute();
		const reminder = (await jobsFor(booking.appointmentId)).find((job) => job.kind === LINE_PUSH_JOB && job.payload.includes('booking_reminder'))!;
		const payload = JSON.parse(reminder.payload) as LinePushPayload;
		await runLinePush(db(), payload, ORIGIN, claim(), NOW, config);

		const [push] = peer.pushes();
		expect(push!.headers.authorization).toBe('Bearer test-channel-access-token');
		expect(push!.headers['x-line-retry-key']).toBe(payload.retryKey);
		const body = push!.body as { to: string; messages: Array<{ type: string; template: { type: string; actions: Array<{ type: string; data: string }> } }> };
		expect(body.to).toBe(USER_A);
		expect(body.messages[0]!.type).toBe('template');
		expect(body.messages[0]!.template.type).toBe('confirm');
		expect(body.messages[0]!.template.actions.map((a) => [a.type, new URLSearchParams(a.data).get('answer')])).toEqual([
			['postback', 'come'],
			['postback', 'change']
		]);
		for (const clinical of ['腰痛', '胸の痛み', 'routine', 'フォロー', '佐藤', '田中', '花子']) expect(push!.rawBody, clinical).not.toContain(clinical);
	});

	it('sends a retried push with the same key, and counts LINE\'s "already accepted" as delivered', async () => {
		const booking = await book('10:45');
		await link(booking.patientId, USER_B);
		const payload = JSON.parse((await jobsFor(booking.appointmentId)).find((job) => job.kind === LINE_PUSH_JOB)!.payload) as LinePushPayload;
		peer.failNextPushes([503]);
		await expect(runLinePush(db(), payload, ORIGIN, claim(1), NOW, config)).rejects.toBeInstanceOf(LineRetryLater);
		peer.failNextPushes([429]);
		await expect(runLinePush(db(), payload, ORIGIN, claim(2), NOW, config)).rejects.toBeInstanceOf(LineRetryLater);
		await runLinePush(db(), payload, ORIGIN, claim(3), NOW, config);
		await runLinePush(db(), payload, ORIGIN, claim(4), NOW, config);
		const keys = peer.pushes().map((push) => push.headers['x-line-retry-key']);
		expect(keys).toEqual([payload.retryKey, payload.retryKey, payload.retryKey, payload.retryKey]);
		expect(await db().kysely.selectFrom('line_delivery_failure').selectAll().where('patient_id', '=', booking.patientId).execute()).toEqual([]);
	});

	it("honours LINE's Retry-After on a 429 for the job's next run, and backs off as usual without one", async () => {
		const booking = await book('12:15');
		await link(booking.patientId, 'U000000000000000000000000000004a');
		const row = (await jobsFor(booking.appointmentId)).find((job) => job.kind === LINE_PUSH_JOB)!;
		const payload = JSON.parse(row.payload) as LinePushPayload;
		// As the worker has claimed it: its first attempt.
		const job = { ...row, attempts: 1 };
		const fail = async (cause: unknown) => {
			await db().kysely.updateTable('job').set({ attempts: 1 }).where('id', '=', row.id).execute();
			await failJob(db(), job, (cause as Error).message, NOW, (cause as LineRetryLater).retryAt);
			return (await db().kysely.selectFrom('job').select('run_at').where('id', '=', row.id).executeTakeFirstOrThrow()).run_at;
		};
		peer.failNextPushes([{ status: 429, headers: { 'retry-after': '300' } }]);
		const asked = await runLinePush(db(), payload, ORIGIN, job, NOW, config).catch((cause: unknown) => cause);
		expect(asked).toBeInstanceOf(LineRetryLater);
		expect((asked as LineRetryLater).retryAt).toEqual(new Date(NOW.getTime() + 300_000));
		expect(await fail(asked)).toBe(new Date(NOW.getTime() + 300_000).toISOString());
		// Without the header the backoff of the attempt (one minute for the first) stands.
		peer.failNextPushes([429]);
		const plain = await runLinePush(db(), payload, ORIGIN, job, NOW, config).catch((cause: unknown) => cause);
		expect(plain).toBeInstanceOf(LineRetryLater);
		expect((plain as LineRetryLater).retryAt).toBeUndefined();
		expect(await fail(plain)).toBe(new Date(NOW.getTime() + 60_000).toISOString());
	});

	it('falls back to mail and tells the owner when LINE refuses for good', async () => {
		const booking = await book('11:30');
		await link(booking.patientId, 'U0000000000000000000000000000000c');
		const payload = JSON.parse((await jobsFor(booking.appointmentId)).find((job) => job.kind === LINE_PUSH_JOB)!.payload) as LinePushPayload;
		peer.failNextPushes([400]);
		await runLinePush(db(), payload, ORIGIN, claim(), NOW, config);
		const failures = await db().kysely.selectFrom('line_delivery_failure').selectAll().where('patient_id', '=', booking.patientId).execute();
		expect(failures).toMatchObject([{ message_kind: 'booking_confirmation', fell_back_to_mail: 1, error: 'LINE answered 400' }]);
		const fallback = (await jobsFor(booking.appointmentId)).filter((job) => job.kind === 'mail.booking_confirmation' && job.payload.includes('"force":"1"'));
		expect(fallback).toHaveLength(1);
	});

	it('falls back to mail once the retries run out', async () => {
		const booking = await book('14:30');
		await link(booking.patientId, 'U0000000000000000000000000000000d');
		const payload = JSON.parse((await jobsFor(booking.appointmentId)).find((job) => job.kind === LINE_PUSH_JOB)!.payload) as LinePushPayload;
		peer.failNextPushes([500]);
		await runLinePush(db(), payload, ORIGIN, claim(8), NOW, config);
		expect(await db().kysely.selectFrom('line_delivery_failure').select('fell_back_to_mail').where('patient_id', '=', booking.patientId).execute()).toEqual([
			{ fell_back_to_mail: 1 }
		]);
	});

	it('sends nothing to LINE once the patient disconnected', async () => {
		const booking = await book('15:15');
		const payload = JSON.parse((await jobsFor(booking.appointmentId)).find((job) => job.kind === LINE_PUSH_JOB)!.payload) as LinePushPayload;
		await runLinePush(db(), payload, ORIGIN, claim(), NOW, config);
		expect(peer.pushes()).toEqual([]);
	});

	it("routes a message by the patient's choice: LINE alone, both, or mail without a link", async () => {
		const lineOnly = await book('16:00');
		const both = await book('16:45');
		const none = await book('17:30');
		await link(lineOnly.patientId, 'U0000000000000000000000000000000e', 'line');
		await link(both.patientId, 'U0000000000000000000000000000000f', 'both');
		const message = (to: string) => ({
			mail: { to, kind: 'test.offer', subject: 's', text: 't' },
			line: { kind: 'link' as const, titleKey: 'line.portalTitle', path: '/book' }
		});
		expect(await notifyPatient(db(), lineOnly.patientId, message('a@example.jp'), undefined, NOW, config)).toEqual({ mail: false, line: true });
		expect(await notifyPatient(db(), both.patientId, message('b@example.jp'), undefined, NOW, config)).toEqual({ mail: true, line: true });
		expect(await notifyPatient(db(), none.patientId, message('c@example.jp'), undefined, NOW, config)).toEqual({ mail: true, line: false });
		// Without LINE set up on the server, everything goes by mail.
		expect(await notifyPatient(db(), lineOnly.patientId, message('a@example.jp'), undefined, NOW, null)).toEqual({ mail: true, line: false });
		const pushes = await db()
			.kysely.selectFrom('job')
			.select('payload')
			.where('kind', '=', LINE_PUSH_JOB)
			.where('payload', 'like', `%"patientId":"${lineOnly.patientId}"%"kind":"link"%`)
			.execute();
		expect(pushes).toHaveLength(1);
		// The mail waits in the LINE job, sealed, in case LINE fails.
		expect(pushes[0]!.payload).toContain('"mailFallback"');
		expect(pushes[0]!.payload).not.toContain('a@example.jp');
	});

	it('takes a redelivered webhook event once, and never keeps what a patient wrote', async () => {
		const event = {
			type: 'message',
			webhookEventId: '01HWEBHOOKEVENT0000000001',
			replyToken: 'r1',
			source: { type: 'user', userId: USER_A },
			message: { type: 'text', text: '肩がとても痛いです' }
		};
		expect(await acceptLineWebhook(db(), [event], NOW)).toBe(1);
		expect(await acceptLineWebhook(db(), [event], NOW)).toBe(0);
		const jobs = await db().kysely.selectFrom('job').select('payload').where('kind', '=', LINE_EVENT_JOB).execute();
		expect(jobs).toHaveLength(1);
		expect(jobs[0]!.payload).not.toContain('肩');
	});

	it('answers free text with one automatic reply: hours, booking, self-check and 119', async () => {
		await handleLineEvent(db(), { type: 'message', userId: USER_A, replyToken: 'r2' }, ORIGIN, NOW, config);
		const [reply] = peer.replies();
		const text = (reply!.body as { messages: Array<{ text: string }> }).messages[0]!.text;
		expect(text).toContain(`${ORIGIN}/book`);
		expect(text).toContain(`${ORIGIN}/check`);
		expect(text).toContain('119');
	});

	it("records \"I'll come\" from a postback of the patient's own reminder, and ignores one naming someone else's visit", async () => {
		const own = await book('18:15');
		const other = await book('09:00');
		await link(own.patientId, 'U00000000000000000000000000000010');
		await handleLineEvent(
			db(),
			{ type: 'postback', userId: 'U00000000000000000000000000000010', replyToken: 'r3', postbackData: `answer=come&id=${own.appointmentId}` },
			ORIGIN,
			NOW,
			config
		);
		await handleLineEvent(
			db(),
			{ type: 'postback', userId: 'U00000000000000000000000000000010', replyToken: 'r4', postbackData: `answer=come&id=${other.appointmentId}` },
			ORIGIN,
			NOW,
			config
		);
		const rows = await db()
			.kysely.selectFrom('appointment')
			.select(['id', 'confirmed_at', 'answered_via'])
			.where('id', 'in', [own.appointmentId, other.appointmentId])
			.execute();
		expect(rows.find((r) => r.id === own.appointmentId)).toMatchObject({ confirmed_at: NOW.toISOString(), answered_via: 'line' });
		expect(rows.find((r) => r.id === other.appointmentId)).toMatchObject({ confirmed_at: null, answered_via: null });
		expect(peer.replies()).toHaveLength(1);
	});

	it('greets a new follower with a one-time link, and forgets the link when they block the account', async () => {
		await handleLineEvent(db(), { type: 'follow', userId: 'U00000000000000000000000000000011', replyToken: 'r5' }, ORIGIN, NOW, config);
		const text = (peer.replies()[0]!.body as { messages: Array<{ text: string }> }).messages[0]!.text;
		expect(text).toMatch(/\/portal\/line\?connect=[a-z0-9]+/);
		const booking = await book('12:00');
		await link(booking.patientId, 'U00000000000000000000000000000011');
		await handleLineEvent(db(), { type: 'unfollow', userId: 'U00000000000000000000000000000011' }, ORIGIN, NOW, config);
		expect(await db().kysely.selectFrom('line_link').selectAll().where('patient_id', '=', booking.patientId).execute()).toEqual([]);
		expect(await db().kysely.selectFrom('line_connect_token').selectAll().where('line_user_id', '=', 'U00000000000000000000000000000011').execute()).toEqual(
			[]
		);
	});

	it('answers "I need to change" with the way to a new time, and records it', async () => {
		const booking = await book();
		await link(booking.patientId, 'U00000000000000000000000000000031');
		await handleLineEvent(
			db(),
			{
				type: 'postback',
				userId: 'U00000000000000000000000000000031',
				replyToken: 'r6',
				postbackData: `answer=change&id=${booking.appointmentId}&m=${booking.manageToken}`
			},
			ORIGIN,
			NOW,
			config
		);
		const text = (peer.replies()[0]!.body as { messages: Array<{ text: string }> }).messages[0]!.text;
		expect(text).toContain(`${ORIGIN}/booking/${booking.manageToken}?step=move`);
		expect(
			await db()
				.kysely.selectFrom('appointment')
				.select(['change_requested_at', 'answered_via'])
				.where('id', '=', booking.appointmentId)
				.executeTakeFirstOrThrow()
		).toEqual({ change_requested_at: NOW.toISOString(), answered_via: 'line' });
	});

	it('gives the LINE user id in "download my data", and removes it, audited, when the patient disconnects', async () => {
		const booking = await book();
		await link(booking.patientId, 'U00000000000000000000000000000032');
		const exported = await exportPatientData(db(), booking.patientId, actor, NOW);
		expect(exported!.line).toMatchObject({ userId: 'U00000000000000000000000000000032', channels: 'line', consentVersion: '1' });
		expect(await disconnectLine(db(), booking.patientId, { ...actor, type: 'patient', id: booking.patientId }, 'withdrawn')).toBe(true);
		expect(await db().kysely.selectFrom('line_link').selectAll().where('patient_id', '=', booking.patientId).execute()).toEqual([]);
		expect(
			await db().kysely.selectFrom('audit_log').select('action').where('patient_id', '=', booking.patientId).where('action', '=', 'line.unlink').execute()
		).toHaveLength(1);
		expect((await exportPatientData(db(), booking.patientId, actor, NOW))!.line).toBeNull();
	});

	it('prunes expired connect links and login attempts, and old webhook event ids', async () => {
		await createConnectToken(db(), 'U00000000000000000000000000000030', NOW);
		await acceptLineWebhook(
			db(),
			[{ type: 'follow', webhookEventId: '01HOLDEVENT', source: { type: 'user', userId: 'U00000000000000000000000000000030' } }],
			NOW
		);
		const later = new Date(NOW.getTime() + 31 * 86_400_000);
		expect(await pruneLineRows(db(), later)).toBeGreaterThanOrEqual(2);
		expect(await db().kysely.selectFrom('line_connect_token').selectAll().where('line_user_id', '=', 'U00000000000000000000000000000030').execute()).toEqual(
			[]
		);
		expect(await db().kysely.selectFrom('line_webhook_event').selectAll().where('webhook_event_id', '=', '01HOLDEVENT').execute()).toEqual([]);
	});

	describe('linking from the portal', () => {
		/** Runs the LINE side of a login as the peer's user: returns the code and state LINE redirects back with. */
		async function loginAtLine(authorizeUrl: string, user: string) {
			peer.nextLoginUser = user;
			const response = await fetch(authorizeUrl, { redirect: 'manual' });
			const back = new URL(response.headers.get('location')!);
			return { code: back.searchParams.get('code')!, state: back.searchParams.get('state')! };
		}

		async function patient() {
			return (await book()).patientId;
		}

		it('links the LINE user the verified ID token names, with the consent version, audited', async () => {
			const patientId = await patient();
			const { code, state } = await loginAtLine(await startLineLogin(db(), { patientId }, config, ORIGIN, NOW), 'U00000000000000000000000000000020');
			expect(await finishLineLogin(db(), { patientId, state, code }, config, ORIGIN, actor, NOW)).toEqual({ ok: true });
			expect(await db().kysely.selectFrom('line_link').selectAll().where('patient_id', '=', patientId).executeTakeFirst()).toMatchObject({
				line_user_id: 'U00000000000000000000000000000020',
				consent_version: '1',
				channels: 'both'
			});
			const audit = await db()
				.kysely.selectFrom('audit_log')
				.select(['action', 'detail'])
				.where('patient_id', '=', patientId)
				.where('action', '=', 'line.link')
				.execute();
			expect(audit).toHaveLength(1);
			expect(audit[0]!.detail).not.toContain('U000');
		});

		it("refuses a forged state, a state replayed, and another patient's state", async () => {
			const patientId = await patient();
			const intruder = await patient();
			const { code, state } = await loginAtLine(await startLineLogin(db(), { patientId }, config, ORIGIN, NOW), 'U00000000000000000000000000000021');
			expect(await finishLineLogin(db(), { patientId, state: 'forged', code }, config, ORIGIN, actor, NOW)).toEqual({ ok: false, code: 'bad_state' });
			expect(await finishLineLogin(db(), { patientId: intruder, state, code }, config, ORIGIN, actor, NOW)).toEqual({ ok: false, code: 'bad_state' });
			expect(await finishLineLogin(db(), { patientId, state, code }, config, ORIGIN, actor, NOW)).toEqual({ ok: true });
			expect(await finishLineLogin(db(), { patientId, state, code }, config, ORIGIN, actor, NOW)).toEqual({ ok: false, code: 'bad_state' });
			expect(await db().kysely.selectFrom('line_link').selectAll().where('patient_id', '=', intruder).execute()).toEqual([]);
		});

		it('refuses an expired login attempt', async () => {
			const patientId = await patient();
			const { code, state } = await loginAtLine(await startLineLogin(db(), { patientId }, config, ORIGIN, NOW), 'U00000000000000000000000000000022');
			expect(await finishLineLogin(db(), { patientId, state, code }, config, ORIGIN, actor, new Date(NOW.getTime() + 11 * 60_000))).toEqual({
				ok: false,
				code: 'bad_state'
			});
		});

		it('refuses an ID token with a wrong nonce, another channel as audience, or past its expiry', async () => {
			for (const tamper of [{ nonce: 'someone-elses-nonce' }, { aud: '9999999999' }, { exp: Math.floor(Date.now() / 1000) - 60 }]) {
				const patientId = await patient();
				const { code, state } = await loginAtLine(await startLineLogin(db(), { patientId }, config, ORIGIN, NOW), 'U00000000000000000000000000000023');
				peer.tamperNextIdToken = tamper;
				expect(await finishLineLogin(db(), { patientId, state, code }, config, ORIGIN, actor, NOW), JSON.stringify(tamper)).toEqual({
					ok: false,
					code: 'token_failed'
				});
				expect(await db().kysely.selectFrom('line_link').selectAll().where('patient_id', '=', patientId).execute()).toEqual([]);
			}
		});

		it("refuses someone else's one-time greeting link, and a LINE account already linked to another patient", async () => {
			const victimLink = await createConnectToken(db(), 'U00000000000000000000000000000024', NOW);
			const patientId = await patient();
			const attempt = await loginAtLine(
				await startLineLogin(db(), { patientId, connectToken: victimLink }, config, ORIGIN, NOW),
				'U00000000000000000000000000000025'
			);
			expect(await finishLineLogin(db(), { patientId, ...attempt }, config, ORIGIN, actor, NOW)).toEqual({ ok: false, code: 'mismatch' });

			const holder = await patient();
			const first = await loginAtLine(await startLineLogin(db(), { patientId: holder }, config, ORIGIN, NOW), 'U00000000000000000000000000000026');
			expect(await finishLineLogin(db(), { patientId: holder, ...first }, config, ORIGIN, actor, NOW)).toEqual({ ok: true });
			const second = await loginAtLine(await startLineLogin(db(), { patientId }, config, ORIGIN, NOW), 'U00000000000000000000000000000026');
			expect(await finishLineLogin(db(), { patientId, ...second }, config, ORIGIN, actor, NOW)).toEqual({ ok: false, code: 'taken' });
		});

		it("accepts the greeting's link for the LINE user it was made for, once", async () => {
			const token = await createConnectToken(db(), 'U00000000000000000000000000000027', NOW);
			const patientId = await patient();
			const attempt = await loginAtLine(
				await startLineLogin(db(), { patientId, connectToken: token }, config, ORIGIN, NOW),
				'U00000000000000000000000000000027'
			);
			expect(await finishLineLogin(db(), { patientId, ...attempt }, config, ORIGIN, actor, NOW)).toEqual({ ok: true });
			const again = await loginAtLine(await startLineLogin(db(), { patientId, connectToken: token }, config, ORIGIN, NOW), 'U00000000000000000000000000000027');
			expect(await finishLineLogin(db(), { patientId, ...again }, config, ORIGIN, actor, NOW)).toEqual({ ok: false, code: 'link_used' });
		});
	});
});

describe('signWebhook', () => {
	it('is the base64 HMAC-SHA256 LINE sends', () => {
		expect(signWebhook('{}', 'secret')).toBe('dzJZAsrKgS3CWXM6rNBGtzgXNyx3e42VtAJkdHRRbhM=');
	});
});
