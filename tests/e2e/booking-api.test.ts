import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RED_FLAG_QUESTIONS } from '../../src/lib/domain/triage/assess';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { staffCookie } from '../support/staff-session';

/* The booking API as outside clients use it, on SQLite (the shared server) and PostgreSQL. */

let postgresServer: PostgresServer | undefined;

beforeAll(async () => {
	postgresServer = await startPostgresServer('booking', { LOG_LEVEL: 'silent' });
});
afterAll(async () => {
	await postgresServer?.dispose();
});

function dayAfter(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function firstSlot(base: string, code = 'FOLLOW') {
	const services = await (await fetch(`${base}/api/v1/services`)).json();
	const service = services.find((s: { code: string }) => s.code === code);
	const response = await fetch(`${base}/api/v1/availability?service=${service.id}&from=${dayAfter(2)}&to=${dayAfter(16)}`);
	expect(response.status).toBe(200);
	const body = await response.json();
	expect(body.timeZone).toBe('Asia/Tokyo');
	return { serviceId: service.id as string, slots: body.slots as Array<{ start: string; end: string; practitionerId: string }> };
}

const booking = (serviceId: string, slot: { start: string; practitionerId: string }, i: number) => ({
	serviceId,
	practitionerId: slot.practitionerId,
	start: slot.start,
	locale: 'en',
	patient: { familyName: 'Storm', givenName: `Guest${i}`, email: `storm${i}@example.jp`, phone: `090-5555-${String(1000 + i)}` },
	consent: { privacy: true }
});

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${base}/api/v1/bookings`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
		body: JSON.stringify(body)
	});

for (const engine of ['sqlite', 'postgres'] as const) {
	describe(`booking API on ${engine}`, () => {
		const base = () => (engine === 'sqlite' ? inject('baseUrl') : postgresServer!.baseUrl);

		it('lists slots with the clinic offset and books one with 201 as the contract says', async () => {
			const { serviceId, slots } = await firstSlot(base());
			expect(slots[0]!.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
			const response = await post(base(), booking(serviceId, slots[0]!, 0));
			expect(response.status).toBe(201);
			expect(await response.json()).toEqual({
				id: expect.any(String),
				status: 'confirmed',
				start: slots[0]!.start,
				end: slots[0]!.end,
				practitionerId: slots[0]!.practitionerId,
				manageUrl: expect.stringMatching(/\/en\/booking\/[a-z2-7]{32}$/)
			});
		});

		it('gives exactly one 201 and only 409 slot_taken to 100 simultaneous requests for one slot', async () => {
			const { serviceId, slots } = await firstSlot(base());
			const target = slots[3]!;
			const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => post(base(), booking(serviceId, target, 100 + i))));
			const statuses = responses.map((r) => r.status);
			expect(statuses.filter((s) => s === 201)).toHaveLength(1);
			expect(statuses.filter((s) => s === 409)).toHaveLength(99);
			const conflict = await responses.find((r) => r.status === 409)!.json();
			expect(conflict.error.code).toBe('slot_taken');
		});

		it('replays the first answer for a retried Idempotency-Key instead of booking twice', async () => {
			const { serviceId, slots } = await firstSlot(base());
			const body = booking(serviceId, slots[5]!, 900);
			const key = `retry-${engine}-${Date.now()}`;
			const first = await post(base(), body, { 'idempotency-key': key });
			const second = await post(base(), body, { 'idempotency-key': key });
			expect(first.status).toBe(201);
			expect(second.status).toBe(201);
			expect(second.headers.get('idempotent-replayed')).toBe('true');
			expect(await second.json()).toEqual(await first.json());
			const other = await post(base(), { ...body, locale: 'ja' }, { 'idempotency-key': key });
			expect(other.status).toBe(409);
		});

		it('answers bad input with 422 and named fields, and unknown ids with 404', async () => {
			const { serviceId, slots } = await firstSlot(base());
			const bad = await post(base(), { ...booking(serviceId, slots[0]!, 1), consent: { privacy: false }, patient: { familyName: '', email: 'x' } });
			expect(bad.status).toBe(422);
			const fields = (await bad.json()).error.fields;
			expect(Object.keys(fields)).toEqual(
				expect.arrayContaining(['consent.privacy', 'patient.familyName', 'patient.email', 'patient.givenName', 'patient.phone'])
			);
			expect(fields['consent.privacy']).toBe('Please agree to how we handle your health information.');
			expect((await post(base(), { ...booking(serviceId, slots[0]!, 1), serviceId: 'nope' })).status).toBe(404);

			const availability = (query: string) => fetch(`${base()}/api/v1/availability?${query}`, { headers: { 'accept-language': 'en' } });
			expect((await availability(`service=${serviceId}&from=2026-13-01&to=2026-12-02`)).status).toBe(422);
			const reversed = await availability(`service=${serviceId}&from=${dayAfter(5)}&to=${dayAfter(3)}`);
			expect(reversed.status).toBe(422);
			expect((await reversed.json()).error.fields.to).toBe('The end date must not be before the start date.');
			expect((await availability(`service=${serviceId}&from=${dayAfter(60)}&to=${dayAfter(100)}`)).status).toBe(422);
			expect((await availability(`service=nope&from=${dayAfter(1)}&to=${dayAfter(2)}`)).status).toBe(404);
			expect((await availability(`service=${serviceId}&from=${dayAfter(1)}&to=${dayAfter(2)}&practitioner=nobody`)).status).toBe(404);
		});

		describe('with self-check answers (docs/clinical-rules.md §1)', () => {
			const answers = (overrides: Record<string, boolean | number> = {}) => ({
				...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])),
				seenDoctor: false,
				age: 48,
				durationDays: 3,
				painNrs: 4,
				...overrides
			});

			/** On PostgreSQL the database itself is read: every table a booking writes to. */
			async function rowCounts(): Promise<Record<string, number> | null> {
				if (engine !== 'postgres') return null;
				const client = new pg.Client({ connectionString: postgresServer!.databaseUrl });
				await client.connect();
				try {
					const counts: Record<string, number> = {};
					for (const table of ['patient', 'appointment', 'occupancy', 'job', 'audit_log', 'idempotency_key']) {
						counts[table] = Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
					}
					return counts;
				} finally {
					await client.end();
				}
			}

			it('refuses emergency answers with 422 red_flag and the advice, writes nothing, and keeps no Idempotency-Key', async () => {
				const { serviceId, slots } = await firstSlot(base());
				const slot = slots[7]!;
				const body = { ...booking(serviceId, slot, 700), triage: answers({ saddleNumbness: true, worsening: true }) };
				const before = await rowCounts();
				const key = `red-flag-${engine}-${Date.now()}`;
				const refused = await post(base(), body, { 'idempotency-key': key });
				expect(refused.status).toBe(422);
				const error = (await refused.json()).error;
				expect(error).toEqual({
					code: 'red_flag',
					level: 'emergency',
					reasons: ['saddleNumbness', 'worsening'],
					message: expect.stringContaining('emergency care'),
					advice: { ja: expect.stringContaining('119'), en: expect.stringContaining('119') }
				});
				expect(await rowCounts()).toEqual(before);
				// Nothing kept: the same key runs afresh (no replay), and the slot is still free.
				const again = await post(base(), body, { 'idempotency-key': key });
				expect(again.status).toBe(422);
				expect(again.headers.get('idempotent-replayed')).toBeNull();
				const { slots: after } = await firstSlot(base());
				expect(after.some((s) => s.start === slot.start && s.practitionerId === slot.practitionerId)).toBe(true);
			});

			it('refuses urgent answers too, with #7119 in the advice, in the language asked for', async () => {
				const { serviceId, slots } = await firstSlot(base());
				const before = await rowCounts();
				const refused = await post(base(), { ...booking(serviceId, slots[7]!, 701), triage: answers({ cancerHistory: true }) }, { 'accept-language': 'ja' });
				expect(refused.status).toBe(422);
				const error = (await refused.json()).error;
				expect(error).toMatchObject({
					code: 'red_flag',
					level: 'urgent',
					reasons: ['cancerHistory'],
					advice: { ja: expect.stringContaining('#7119'), en: expect.stringContaining('#7119') }
				});
				expect(error.message).toContain('今日中');
				expect(await rowCounts()).toEqual(before);
			});

			it('answers invalid answers with 422 and a message per field', async () => {
				const { serviceId, slots } = await firstSlot(base());
				const broken = { ...answers(), saddleNumbness: 'maybe', painNrs: 11 } as Record<string, unknown>;
				delete broken.bladderBowelChange;
				const response = await post(base(), { ...booking(serviceId, slots[7]!, 702), triage: broken });
				expect(response.status).toBe(422);
				const error = (await response.json()).error;
				expect(error.code).toBe('validation_failed');
				expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['triage.saddleNumbness', 'triage.painNrs', 'triage.bladderBowelChange']));
			});

			it('books see_doctor answers, and the appointment carries the level, reasons and when for the practitioner', async () => {
				const { serviceId, slots } = await firstSlot(base());
				const slot = slots[8]!;
				const response = await post(base(), { ...booking(serviceId, slot, 703), triage: answers({ durationDays: 12 }) });
				expect(response.status).toBe(201);
				const { id } = await response.json();
				if (engine === 'postgres') {
					const client = new pg.Client({ connectionString: postgresServer!.databaseUrl });
					await client.connect();
					const row = (await client.query('select triage_level, triage_reasons, triage_given_at, created_at from appointment where id = $1', [id])).rows[0];
					await client.end();
					expect(row.triage_level).toBe('see_doctor');
					expect(JSON.parse(row.triage_reasons)).toEqual(['durationOverAWeek']);
					expect(row.triage_given_at).toBe(row.created_at);
				} else {
					// On the shared server the practitioner sees it where staff look: the day's schedule.
					const cookie = await staffCookie(base(), 'practitioner@example.jp', inject('demoPasswords')['practitioner@example.jp']);
					const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(slot.start));
					const html = await (await fetch(`${base()}/en/staff/schedule?date=${day}`, { headers: { cookie } })).text();
					const at = html.indexOf('Guest703');
					expect(at).toBeGreaterThan(0);
					const row = html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
					expect(row).toContain('Self-check: see a doctor');
				}
			});
		});
	});
}
