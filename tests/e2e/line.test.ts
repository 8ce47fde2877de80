import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openDatabase, type Db } from '../../src/lib/server/db/database';
import { launchBrowser } from '../support/browser';
import { bookingRequest, distinctSlotTargets, type BookingTarget } from '../support/booking-targets';
import { browserFormPost } from '../support/form-post';
import { lineEnvFor, signWebhook, startLinePeer, type LinePeer, type RecordedRequest } from '../support/line-peer';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { waitForSignInLink } from '../support/sign-in-link';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { staffCookie } from '../support/staff-session';

/*
 * Issue #20 in a browser: a patient connects LINE from the portal (LINE Login against the local
 * peer), books, gets the confirmation on LINE, answers the reminder's "I'll come" (a postback, sent
 * as LINE would: a signed webhook call), and the desk sees the confirmation on the schedule.
 */

let server: ServerProcess;
let db: Db;
let mailPeer: SmtpPeer;
let linePeer: LinePeer;
let browser: Browser;
let base = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-line-'));
const LINE_USER = 'U1234567890abcdef1234567890abcde';

beforeAll(async () => {
	mailPeer = await startSmtpPeer();
	linePeer = await startLinePeer();
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off', SMTP_URL: mailPeer.url, ...lineEnvFor(linePeer) });
	base = server.baseUrl;
	db = openDatabase({ sqliteFile: path.join(dataDir, 'shinkyu.sqlite') });
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await db?.close();
	await server?.stop();
	await mailPeer?.close();
	await linePeer?.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
	for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
		const value = await probe();
		if (value) return value;
	}
	throw new Error(`timed out waiting for ${what}`);
}

async function patientCookie(email: string): Promise<string> {
	const since = mailPeer.received.length;
	expect((await browserFormPost(base, '/portal/login', { email })).status).toBe(303);
	const link = await waitForSignInLink(mailPeer, email, since);
	const signIn = await browserFormPost(base, link!, {});
	return signIn.headers
		.getSetCookie()
		.find((c) => c.startsWith('shinkyu_patient='))!
		.split(';')[0]!;
}

const asBrowserCookie = (cookie: string) => {
	const [name, value] = cookie.split('=');
	return { name: name!, value: value!, url: base };
};

const pushesTo = (user: string) => linePeer.pushes().filter((push) => (push.body as { to: string }).to === user);
const messagesOf = (push: RecordedRequest) => (push.body as { messages: Array<Record<string, unknown>> }).messages;

describe('LINE from the portal to the schedule', () => {
	let target: BookingTarget;
	let appointmentId = '';
	const email = 'line.patient@example.jp';

	it('connects LINE from the portal with the consent, books, and sends the confirmation on LINE', { timeout: 90_000 }, async () => {
		const targets = await distinctSlotTargets(base, 3, 20);
		target = targets[0]!;
		// A first booking makes the patient; they then sign in to the portal with its address.
		const first = bookingRequest(targets[1]!, 1);
		const body = JSON.parse(first.body as string);
		body.patient = { familyName: '線', givenName: '花子', email, phone: '090-5555-0101' };
		expect((await fetch(`${base}/api/v1/bookings`, { ...first, body: JSON.stringify(body) })).status).toBe(201);

		const context = await browser.newContext();
		await context.addCookies([asBrowserCookie(await patientCookie(email))]);
		const page = await context.newPage();
		await page.goto(`${base}/portal/line`);
		await expect(page.getByTestId('line-status').textContent()).resolves.toContain('連携していません');
		linePeer.nextLoginUser = LINE_USER;
		await page.getByLabel('上の内容に同意して、LINEと連携します').check();
		await page.getByRole('button', { name: 'LINEでログインして連携する' }).click();
		await page.getByRole('link', { name: 'LINEのログイン画面へ進む' }).click();
		await page.waitForURL(/\/portal\/line\?line=linked/);
		await expect(page.getByRole('status').textContent()).resolves.toContain('LINEと連携しました');
		await context.close();
		const login = linePeer.requests.find((r) => r.path === '/oauth2/v2.1/token')!;
		expect((login.body as Record<string, string>).code_verifier).toMatch(/^[a-z0-9]{40,}$/);

		const second = JSON.parse(bookingRequest(target, 2).body as string);
		second.patient = body.patient;
		const booked = await fetch(`${base}/api/v1/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(second) });
		expect(booked.status).toBe(201);
		appointmentId = ((await booked.json()) as { id: string }).id;
		const confirmation = await until('the LINE confirmation', () =>
			pushesTo(LINE_USER).find((push) => JSON.stringify(messagesOf(push)).includes('ご予約を承りました'))
		);
		expect(confirmation.headers.authorization).toBe(`Bearer ${lineEnvFor(linePeer).LINE_CHANNEL_ACCESS_TOKEN}`);
		expect(confirmation.headers['x-line-retry-key']).toMatch(/^[0-9a-f-]{36}$/);
		expect(messagesOf(confirmation)[0]).toMatchObject({ type: 'text' });
		expect(confirmation.rawBody).not.toContain('花子');
	});

	it('sends the reminder with buttons, records "I\'ll come" from the signed postback, and shows it on the schedule', { timeout: 90_000 }, async () => {
		const appointment = await db.kysely.selectFrom('appointment').select(['id', 'starts_at']).where('id', '=', appointmentId).executeTakeFirstOrThrow();
		// The reminder is due a day before: bring it forward to now, as the clock would.
		await db.kysely
			.updateTable('job')
			.set({ run_at: new Date(Date.now() - 1000).toISOString() })
			.where('kind', '=', 'line.push')
			.where('done_at', 'is', null)
			.where('payload', 'like', `%"appointmentId":"${appointment.id}"%`)
			.execute();
		const reminder = await until('the LINE reminder', () => pushesTo(LINE_USER).find((push) => messagesOf(push)[0]!.type === 'template'));
		const template = messagesOf(reminder)[0]!.template as { type: string; actions: Array<{ type: string; label: string; data: string }> };
		expect(template.type).toBe('confirm');
		const come = template.actions.find((action) => action.label === '伺います')!;
		expect(come.type).toBe('postback');

		// A forged call (no signature, or a wrong one) is refused and changes nothing.
		const event = {
			type: 'postback',
			mode: 'active',
			timestamp: Date.now(),
			webhookEventId: '01JLINEPOSTBACK00000000001',
			deliveryContext: { isRedelivery: false },
			replyToken: 'reply-1',
			source: { type: 'user', userId: LINE_USER },
			postback: { data: come.data }
		};
		const raw = JSON.stringify({ destination: 'Ubot', events: [event] });
		expect((await fetch(`${base}/api/v1/line/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw })).status).toBe(401);
		expect(
			(
				await fetch(`${base}/api/v1/line/webhook`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-line-signature': signWebhook(raw, 'forged') },
					body: raw
				})
			).status
		).toBe(401);
		expect(
			(await db.kysely.selectFrom('appointment').select('confirmed_at').where('id', '=', appointment.id).executeTakeFirstOrThrow()).confirmed_at
		).toBeNull();

		const signed = await fetch(`${base}/api/v1/line/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-line-signature': signWebhook(raw) },
			body: raw
		});
		expect(signed.status).toBe(200);
		const answered = await until('the answer on the appointment', async () => {
			const row = await db.kysely.selectFrom('appointment').select(['confirmed_at', 'answered_via']).where('id', '=', appointment.id).executeTakeFirstOrThrow();
			return row.confirmed_at ? row : null;
		});
		expect(answered.answered_via).toBe('line');
		await until('the reply', () => linePeer.replies().find((reply) => JSON.stringify(reply.body).includes('お待ちしております')));
		// LINE redelivers the same event: handled once.
		const replies = linePeer.replies().length;
		expect(
			(
				await fetch(`${base}/api/v1/line/webhook`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-line-signature': signWebhook(raw) },
					body: raw
				})
			).status
		).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(linePeer.replies().length).toBe(replies);

		const passwords = demoPasswordsFrom(server.output());
		const context = await browser.newContext();
		await context.addCookies([asBrowserCookie(await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']))]);
		const page = await context.newPage();
		const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(appointment.starts_at));
		await page.goto(`${base}/staff/schedule?date=${day}`);
		await expect(page.getByTestId('attendance-mark').first().textContent()).resolves.toMatch(/来院確認済.*LINE/);
		await context.close();
	});

	it("shows the owner that the channel works, with the month's use", { timeout: 60_000 }, async () => {
		const passwords = demoPasswordsFrom(server.output());
		const cookie = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
		const page = await (await fetch(`${base}/staff/settings/messages`, { headers: { cookie } })).text();
		expect(page).toContain('ふじ鍼灸院');
		expect(page).toMatch(/今月の送信数: \d+通（上限 200通）/);
	});
});
