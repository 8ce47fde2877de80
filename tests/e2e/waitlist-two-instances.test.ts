import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database';
import { enqueueJob } from '../../src/lib/server/jobs/queue';
import { OFFER_SLOT_JOB } from '../../src/lib/server/waitlist/jobs';
import { bookingRequest, distinctSlotTargets, type BookingTarget } from '../support/booking-targets';
import { browserFormPost } from '../support/form-post';
import type { ServerProcess } from '../support/server-process';
import type { SmtpPeer } from '../support/smtp-peer';
import { startTwoInstances, type TwoInstances } from '../support/two-instances';

/*
 * Issue #17: the waiting list on two instances of one PostgreSQL database. Freeing, offering and
 * answering race across both; no slot is given twice and nobody is offered a slot twice.
 */

let smtp: SmtpPeer;
let db: Db;
let instances: ServerProcess[] = [];

let cluster: TwoInstances | undefined;

beforeAll(async () => {
	cluster = await startTwoInstances('waitlist2');
	({ smtp, db, instances } = cluster);
});

afterAll(async () => {
	await cluster?.stop();
});

const base = (n: number) => instances[n % 2]!.baseUrl;
const postJson = (n: number, path: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${base(n)}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
		body: JSON.stringify(body)
	});

let people = 0;
async function book(n: number, target: BookingTarget) {
	const response = await fetch(`${base(n)}/api/v1/bookings`, bookingRequest(target, 7000 + ++people));
	expect(response.status).toBe(201);
	const body = await response.json();
	return { id: body.id as string, token: (body.manageUrl as string).split('/').at(-1)! };
}

const cancel = (n: number, booking: { id: string; token: string }) =>
	fetch(`${base(n)}/api/v1/bookings/${booking.id}/cancel`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${booking.token}` },
		body: '{}'
	});

/** Joins for exactly this slot's practitioner and day; returns the entry and its address. */
async function join(n: number, target: BookingTarget) {
	const email = `two-instances-${++people}@example.jp`;
	const response = await postJson(n, '/api/v1/waitlist', {
		serviceId: target.serviceId,
		practitionerId: target.practitionerId,
		from: target.start.slice(0, 10),
		to: target.start.slice(0, 10),
		locale: 'en',
		patient: { familyName: 'Twin', givenName: `Guest${people}`, email, phone: `090-6${String(people).padStart(3, '0')}-1234` },
		consent: { privacy: true }
	});
	expect(response.status).toBe(201);
	return { id: (await response.json()).id as string, email };
}

function recipientOf(mail: ParsedMail): string {
	const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
	return to?.value[0]?.address ?? '';
}

const offerMailsTo = (email: string) => smtp.received.filter((m) => recipientOf(m) === email && (m.subject ?? '').includes('has come free'));

async function until<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function offerPathFor(email: string): Promise<string> {
	const mail = await until(() => offerMailsTo(email)[0]);
	const link = (mail.text ?? '').match(/https?:\/\/\S+(\/en\/waitlist\/offer\/[a-z2-7]{32})/);
	if (!link) throw new Error('no offer link');
	return link[1]!;
}

/** Every appointment that holds the slot now: a visit or the waiting list's hold. */
const holdersOf = (target: BookingTarget) =>
	db.kysely
		.selectFrom('appointment')
		.select(['id', 'status', 'patient_id'])
		.where('practitioner_id', '=', target.practitionerId)
		.where('starts_at', '=', new Date(target.start).toISOString())
		.where('status', '!=', 'cancelled')
		.execute();

const offersOf = (target: BookingTarget) =>
	db.kysely
		.selectFrom('waitlist_offer')
		.select(['entry_id', 'status'])
		.where('practitioner_id', '=', target.practitionerId)
		.where('starts_at', '=', new Date(target.start).toISOString())
		.execute();

/** Waits until no offer job is left to run, so the counts below are final. */
async function offerJobsSettled(): Promise<void> {
	await until(async () =>
		(await db.kysely.selectFrom('job').select('id').where('kind', '=', OFFER_SLOT_JOB).where('done_at', 'is', null).executeTakeFirst()) ? undefined : true
	);
}

describe('the waiting list on two instances of one PostgreSQL database', () => {
	let targets: BookingTarget[] = [];

	beforeAll(async () => {
		targets = await distinctSlotTargets(base(0), 20, 40);
		expect(targets.length).toBeGreaterThanOrEqual(2);
	});

	it('offers a slot freed twice at once to one person once, and books it once when the link is clicked on both', async () => {
		const target = targets[0]!;
		const booking = await book(0, target);
		const first = await join(1, target);
		const second = await join(0, target);
		// The same visit cancelled through both instances at once, and the slot freed again by two
		// more offer jobs (as a move and a lifted block of the same time would): both workers race.
		const statuses = (await Promise.all([cancel(0, booking), cancel(1, booking)])).map((r) => r.status).sort();
		expect(statuses).toEqual([200, 409]);
		for (let i = 0; i < 3; i++) await enqueueJob(db, OFFER_SLOT_JOB, { practitionerId: target.practitionerId, start: new Date(target.start).toISOString() });
		await until(async () => ((await offersOf(target)).length > 0 ? true : undefined));
		await offerJobsSettled();
		expect(await offersOf(target)).toEqual([{ entry_id: first.id, status: 'offered' }]);
		expect((await holdersOf(target)).map((h) => h.status)).toEqual(['blocked']);

		const offerPath = await offerPathFor(first.email);
		const answers = await Promise.all([0, 1].map((n) => browserFormPost(base(n), `${offerPath}?/accept`, {})));
		expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
		const holders = await holdersOf(target);
		expect(holders).toHaveLength(1);
		expect(holders[0]!.status).toBe('booked');
		// Nobody was offered it twice: one offer, one mail, and none to the second person.
		await offerJobsSettled();
		expect(await offersOf(target)).toEqual([{ entry_id: first.id, status: 'accepted' }]);
		expect(offerMailsTo(first.email)).toHaveLength(1);
		expect(offerMailsTo(second.email)).toHaveLength(0);
	});

	it('gives a held slot to the person offered it when a direct booking races the acceptance', async () => {
		const target = targets[1]!;
		const booking = await book(1, target);
		const waiting = await join(0, target);
		expect((await cancel(1, booking)).status).toBe(200);
		const offerPath = await offerPathFor(waiting.email);
		const [accepted, ...direct] = await Promise.all([
			browserFormPost(base(0), `${offerPath}?/accept`, {}),
			...[1, 2, 3, 4].map((n) => fetch(`${base(n)}/api/v1/bookings`, bookingRequest(target, 7500 + n)))
		]);
		expect(accepted!.status).toBe(200);
		expect(direct.map((r) => r.status)).toEqual([409, 409, 409, 409]);
		const holders = await holdersOf(target);
		expect(holders).toHaveLength(1);
		expect(holders[0]!.status).toBe('booked');
		const entry = await db.kysely.selectFrom('waitlist_entry').select(['patient_id', 'status']).where('id', '=', waiting.id).executeTakeFirstOrThrow();
		expect(entry.status).toBe('booked');
		expect(holders[0]!.patient_id).toBe(entry.patient_id);
		expect(offerMailsTo(waiting.email)).toHaveLength(1);
	});
});
