import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

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
	fetch(`${base}/api/v1/bookings`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers }, body: JSON.stringify(body) });

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
			expect(Object.keys(fields)).toEqual(expect.arrayContaining(['consent.privacy', 'patient.familyName', 'patient.email', 'patient.givenName', 'patient.phone']));
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
	});
}
