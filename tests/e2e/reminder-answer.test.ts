import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openDatabase, type Db } from '../../src/lib/server/db/database';
import { launchBrowser } from '../support/browser';
import { bookingRequest, distinctSlotTargets } from '../support/booking-targets';
import { startBuiltServer, type ServerProcess } from '../support/server-process';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

/*
 * Issue #17: the reminder mail's "I'll come" and "I need to change" links open a page; only its
 * button answers (a mail scanner that opens the link answers nothing). "Change" goes on to the
 * booking's move step.
 */

let server: ServerProcess;
let db: Db;
let mailPeer: SmtpPeer;
let browser: Browser;
let base = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-reminder-'));

beforeAll(async () => {
	mailPeer = await startSmtpPeer();
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off', SMTP_URL: mailPeer.url });
	base = server.baseUrl;
	db = openDatabase({ sqliteFile: path.join(dataDir, 'shinkyu.sqlite') });
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await db?.close();
	await server?.stop();
	await mailPeer?.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

async function reminderLinks(email: string): Promise<{ come: string; change: string }> {
	for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
		const mail = mailPeer.received.find((m) => m.to && 'text' in m.to && m.to.text === email && /ご予約のお知らせ/.test(m.subject ?? ''));
		const come = mail && /https?:\/\/\S+\/reminder\/\S+choice=come\S*/.exec(mail.text ?? '')?.[0];
		const change = mail && /https?:\/\/\S+\/reminder\/\S+choice=change\S*/.exec(mail.text ?? '')?.[0];
		if (come && change) return { come, change };
	}
	throw new Error(`no reminder with answer links for ${email}`);
}

describe('answering the reminder mail', () => {
	it('answers only when the page\'s button is pressed, and "change" leads on to choosing a new time', { timeout: 90_000 }, async () => {
		const [target] = await distinctSlotTargets(base, 4, 20);
		const request = bookingRequest(target!, 31);
		const booked = await fetch(`${base}/api/v1/bookings`, request);
		expect(booked.status).toBe(201);
		const appointment = (await booked.json()) as { id: string };
		const email = JSON.parse(request.body as string).patient.email as string;
		await db.kysely
			.updateTable('job')
			.set({ run_at: new Date(Date.now() - 1000).toISOString() })
			.where('kind', '=', 'mail.booking_reminder')
			.where('payload', 'like', `%"appointmentId":"${appointment.id}"%`)
			.execute();
		const links = await reminderLinks(email);
		const answer = () =>
			db.kysely
				.selectFrom('appointment')
				.select(['confirmed_at', 'change_requested_at', 'answered_via'])
				.where('id', '=', appointment.id)
				.executeTakeFirstOrThrow();

		// A scanner (or the patient) opening the link changes nothing.
		expect((await fetch(links.come)).status).toBe(200);
		expect(await answer()).toEqual({ confirmed_at: null, change_requested_at: null, answered_via: null });

		const page = await browser.newPage();
		await page.goto(links.come);
		await page.getByRole('button', { name: '伺います' }).click();
		await page.waitForURL(/answered=come/);
		await expect(page.getByRole('status').textContent()).resolves.toContain('お待ちしております');
		expect(await answer()).toMatchObject({ change_requested_at: null, answered_via: 'mail' });
		expect((await answer()).confirmed_at).not.toBeNull();

		await page.goto(links.change);
		await page.getByRole('button', { name: '日時を変更したい' }).click();
		await page.waitForURL(/\/booking\/[a-z0-9]+\?step=move/);
		expect(await answer()).toMatchObject({ confirmed_at: null, answered_via: 'mail' });
		expect((await answer()).change_requested_at).not.toBeNull();

		// A made-up token opens nothing.
		expect((await fetch(`${base}/reminder/${appointment.id}.${'0'.repeat(64)}?choice=come`)).status).toBe(404);
		await page.close();
	});
});
