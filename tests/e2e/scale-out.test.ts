import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database';
import { bookingRequest, distinctSlotTargets } from '../support/booking-targets';
import { demoPasswordsFrom, type ServerProcess } from '../support/server-process';
import type { SmtpPeer } from '../support/smtp-peer';
import { startTwoInstances, type TwoInstances } from '../support/two-instances';
import { staffCookie } from '../support/staff-session';

/*
 * Issue #9: two app instances on one PostgreSQL database, as compose.yaml runs them. They start
 * together on an empty database, never double-book, send each mail once and share sign-ins.
 */

let smtp: SmtpPeer;
let db: Db;
let instances: ServerProcess[] = [];

let cluster: TwoInstances | undefined;

beforeAll(async () => {
	cluster = await startTwoInstances('scale');
	({ smtp, db, instances } = cluster);
});

afterAll(async () => {
	await cluster?.stop();
});

const instance = (n: number) => instances[n % 2]!;

function recipientOf(mail: ParsedMail): string {
	const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
	return to?.value[0]?.address ?? '';
}

async function mailsTo(addresses: string[], subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail[]> {
	const wanted = new Set(addresses);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = smtp.received.filter((m) => wanted.has(recipientOf(m)) && subject.test(m.subject ?? ''));
		if (new Set(found.map(recipientOf)).size === wanted.size || Date.now() > deadline) return found;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

describe('two app instances on one PostgreSQL database', () => {
	it('seeded the demo clinic once although both started on an empty database', async () => {
		const seeded = instances.filter((i) => Object.keys(demoPasswordsFrom(i.output())).length > 0);
		expect(seeded).toHaveLength(1);
		const clinics = await db.kysely.selectFrom('clinic').select('id').execute();
		expect(clinics).toHaveLength(1);
	});

	it('gives exactly one 201 to 100 simultaneous requests for one slot spread over both', async () => {
		const [target] = await distinctSlotTargets(instance(0).baseUrl, 20, 21);
		const responses = await Promise.all(
			Array.from({ length: 100 }, (_, n) => fetch(`${instance(n).baseUrl}/api/v1/bookings`, bookingRequest(target!, 5000 + n)))
		);
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s === 201)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(99);
	});

	it('sends each confirmation and each reminder exactly once', async () => {
		const targets = (await distinctSlotTargets(instance(0).baseUrl, 30, 40)).slice(0, 40);
		const booked: string[] = [];
		await Promise.all(
			targets.map(async (target, n) => {
				const response = await fetch(`${instance(n).baseUrl}/api/v1/bookings`, bookingRequest(target, 6000 + n));
				if (response.status === 201) booked.push(`storm${6000 + n}@example.jp`);
			})
		);
		expect(booked.length).toBeGreaterThan(30);
		const confirmations = await mailsTo(booked, /ご予約を承りました/);
		expect(confirmations.map(recipientOf).sort()).toEqual([...booked].sort());

		// Make every reminder due now, then wake both workers at the same moment with one booking each.
		await db.kysely
			.updateTable('job')
			.set({ run_at: new Date(Date.now() - 1000).toISOString() })
			.where('kind', '=', 'mail.booking_reminder')
			.where('done_at', 'is', null)
			.execute();
		const [wakeA, wakeB] = await distinctSlotTargets(instance(0).baseUrl, 50, 60);
		await Promise.all([
			fetch(`${instance(0).baseUrl}/api/v1/bookings`, bookingRequest(wakeA!, 7000)),
			fetch(`${instance(1).baseUrl}/api/v1/bookings`, bookingRequest(wakeB!, 7001))
		]);
		const reminders = await mailsTo(booked, /ご予約のお知らせ/);
		// Both workers have had their turn (the poll runs every 5 s) before duplicates are counted.
		await new Promise((resolve) => setTimeout(resolve, 6_000));
		const reminderRecipients = smtp.received.filter((m) => /ご予約のお知らせ/.test(m.subject ?? '')).map(recipientOf);
		expect(reminders.length).toBeGreaterThanOrEqual(booked.length);
		for (const address of booked) expect(reminderRecipients.filter((r) => r === address)).toHaveLength(1);
		const allConfirmations = smtp.received.filter((m) => /ご予約を承りました/.test(m.subject ?? '')).map(recipientOf);
		for (const address of booked) expect(allConfirmations.filter((r) => r === address)).toHaveLength(1);
	});

	it('keeps a staff sign-in from one instance valid on the other, and a sign-out on both', async () => {
		const passwords = Object.assign({}, ...instances.map((i) => demoPasswordsFrom(i.output())));
		const cookie = await staffCookie(instance(0).baseUrl, 'practitioner@example.jp', passwords['practitioner@example.jp'], { fresh: true });
		const search = (n: number) => fetch(`${instance(n).baseUrl}/api/v1/patients?q=${encodeURIComponent('山田')}`, { headers: { cookie } });
		const onOther = await search(1);
		expect(onOther.status).toBe(200);
		expect((await onOther.json()).length).toBeGreaterThan(0);
		expect(
			(await fetch(`${instance(1).baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })).status
		).toBeLessThan(300);
		expect((await search(0)).status).toBe(401);
	});
});
