import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { linkIn, waitForMail } from '../support/mailbox';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { staffCookie } from '../support/staff-session';

/*
 * The waiting list (issue #17) as patients and outside clients use it: joining by the API and from
 * /book, the cancel API with the manage link's token, the hold a freed slot gets, and — in the
 * browser — cancel → offer mail → one-step booking from the link. Slots are taken more than three
 * weeks ahead, beyond the demo clinic's own waiting list, so the test's person is first in line.
 */

let postgresServer: PostgresServer | undefined;

beforeAll(async () => {
	postgresServer = await startPostgresServer('waitlist', { LOG_LEVEL: 'silent' });
});
afterAll(async () => {
	await postgresServer?.dispose();
});

const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function services(base: string) {
	const list = await (await fetch(`${base}/api/v1/services`)).json();
	return list.find((s: { code: string }) => s.code === 'FOLLOW').id as string;
}

/** Free follow-up slots from `fromDay` days ahead, each a different practitioner-hour. */
async function slotsAhead(base: string, serviceId: string, fromDay: number) {
	const answer = await (await fetch(`${base}/api/v1/availability?service=${serviceId}&from=${dayAfter(fromDay)}&to=${dayAfter(fromDay + 20)}`)).json();
	return answer.slots as Array<{ start: string; end: string; practitionerId: string }>;
}

const postJson = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers }, body: JSON.stringify(body) });

let people = 0;
function patient() {
	people++;
	const tag = `${Date.now().toString(36)}${people}`;
	return {
		familyName: 'Machi',
		givenName: `Guest${people}`,
		email: `waitlist-${tag}@example.jp`,
		phone: `090-7${String(people).padStart(3, '0')}-${String(Date.now() % 10_000).padStart(4, '0')}`
	};
}

async function book(base: string, serviceId: string, slot: { start: string; practitionerId: string }) {
	const response = await postJson(base, '/api/v1/bookings', {
		serviceId,
		practitionerId: slot.practitionerId,
		start: slot.start,
		locale: 'en',
		patient: patient(),
		consent: { privacy: true }
	});
	expect(response.status).toBe(201);
	const body = await response.json();
	return { id: body.id as string, token: (body.manageUrl as string).split('/').at(-1)! };
}

const cancel = (base: string, id: string, token: string | null) =>
	fetch(`${base}/api/v1/bookings/${id}/cancel`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
		body: '{}'
	});

/** The clinic-local weekday and HH:MM of an offset ISO instant (+09:00). */
function localParts(iso: string) {
	const [date, time] = iso.split('T') as [string, string];
	return { date, weekday: new Date(`${date}T00:00:00Z`).getUTCDay(), time: time.slice(0, 5) };
}

function narrowWish(serviceId: string, slot: { start: string; end: string; practitionerId: string }) {
	const start = localParts(slot.start);
	const end = localParts(slot.end);
	return {
		serviceId,
		practitionerId: slot.practitionerId,
		from: start.date,
		to: start.date,
		times: [{ weekday: start.weekday, start: start.time, end: end.time }],
		locale: 'en',
		patient: patient(),
		consent: { privacy: true }
	};
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

for (const engine of ['sqlite', 'postgres'] as const) {
	describe(`waiting list API on ${engine}`, () => {
		const base = () => (engine === 'sqlite' ? inject('baseUrl') : postgresServer!.baseUrl);

		it('joins with 201 and a manage link, and refuses bad input with localized 422 fields', async () => {
			const serviceId = await services(base());
			const ok = await postJson(base(), '/api/v1/waitlist', {
				serviceId,
				from: dayAfter(30),
				to: dayAfter(40),
				times: [{ weekday: 1, start: '09:00', end: '12:00' }],
				locale: 'en',
				patient: patient(),
				consent: { privacy: true }
			});
			expect(ok.status).toBe(201);
			const body = await ok.json();
			expect(body).toEqual({ id: expect.any(String), status: 'waiting', manageUrl: expect.stringMatching(/\/en\/waitlist\/[a-z2-7]{32}$/) });
			const page = await fetch(body.manageUrl.replace(/^https?:\/\/[^/]+/, base()));
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('Your waiting-list entry');

			const good = { serviceId, from: dayAfter(30), to: dayAfter(40), locale: 'en', patient: patient(), consent: { privacy: true } };
			const fieldsOf = async (body: unknown, language = 'en') => {
				const bad = await postJson(base(), '/api/v1/waitlist', body, { 'accept-language': language });
				expect(bad.status).toBe(422);
				const error = (await bad.json()).error;
				expect(error.code).toBe('validation_failed');
				return error.fields as Record<string, string>;
			};
			expect(
				Object.keys(
					await fieldsOf({
						...good,
						times: [{ weekday: 9, start: '09:00', end: '11:00' }],
						patient: { ...patient(), email: 'no' },
						consent: { privacy: false }
					})
				)
			).toEqual(expect.arrayContaining(['times.0.weekday', 'patient.email', 'consent.privacy']));
			expect(Object.keys(await fieldsOf({ ...good, from: dayAfter(40), to: dayAfter(30) }))).toEqual(['to']);
			for (const [language, message] of [
				['en', 'The end must be after the start.'],
				['ja', '終了は開始より後の時刻にしてください。']
			] as const) {
				expect((await fieldsOf({ ...good, times: [{ weekday: 1, start: '12:00', end: '11:00' }] }, language))['times.0.end']).toBe(message);
			}
			// Dates already past are refused beside the field, not as a 500 or a silent entry.
			expect(Object.keys(await fieldsOf({ ...good, from: '2020-01-01', to: '2020-01-02' }))).toEqual(['to']);
			expect(
				(
					await postJson(base(), '/api/v1/waitlist', {
						serviceId: 'nope',
						from: dayAfter(30),
						to: dayAfter(31),
						locale: 'en',
						patient: patient(),
						consent: { privacy: true }
					})
				).status
			).toBe(404);
			expect((await fetch(`${base()}/api/v1/waitlist`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
		});

		it('cancels with the manage token as Bearer: 401 for a wrong or another booking’s token, then 200, then 409', async () => {
			const serviceId = await services(base());
			const [a, b] = await slotsAhead(base(), serviceId, 45);
			const first = await book(base(), serviceId, a!);
			const second = await book(
				base(),
				serviceId,
				b!.start === a!.start && b!.practitionerId === a!.practitionerId ? (await slotsAhead(base(), serviceId, 50))[0]! : b!
			);
			for (const token of [null, 'wrong', second.token]) {
				const refused = await cancel(base(), first.id, token);
				expect(refused.status).toBe(401);
				expect((await refused.json()).error.code).toBe('unauthorized');
			}
			const done = await cancel(base(), first.id, first.token);
			expect(done.status).toBe(200);
			expect(await done.json()).toEqual({ id: first.id, status: 'cancelled' });
			const again = await cancel(base(), first.id, first.token);
			expect(again.status).toBe(409);
			expect((await again.json()).error.code).toBe('already_cancelled');
		});

		it('holds a freed slot for the person waiting: availability hides it and booking it is 409', async () => {
			const serviceId = await services(base());
			const slot = (await slotsAhead(base(), serviceId, 24)).at(-1)!;
			const booked = await book(base(), serviceId, slot);
			expect((await postJson(base(), '/api/v1/waitlist', narrowWish(serviceId, slot))).status).toBe(201);
			expect((await cancel(base(), booked.id, booked.token)).status).toBe(200);
			const isShown = async () => (await slotsAhead(base(), serviceId, 24)).some((s) => s.start === slot.start && s.practitionerId === slot.practitionerId);
			await until(async () => !(await isShown()));
			const taken = await postJson(base(), '/api/v1/bookings', {
				serviceId,
				practitionerId: slot.practitionerId,
				start: slot.start,
				locale: 'en',
				patient: patient(),
				consent: { privacy: true }
			});
			expect(taken.status).toBe(409);
			expect((await taken.json()).error.code).toBe('slot_taken');
		});
	});
}

describe('the cancellation cutoff on PostgreSQL', () => {
	it('answers 409 past_cutoff after the cutoff, as the manage page does', async () => {
		const base = postgresServer!.baseUrl;
		const serviceId = await services(base);
		const slot = (await slotsAhead(base, serviceId, 55))[0]!;
		const booked = await book(base, serviceId, slot);
		const client = new pg.Client({ connectionString: postgresServer!.databaseUrl });
		await client.connect();
		try {
			// A cutoff longer than the time left: the visit can no longer be cancelled online.
			await client.query('update clinic set cancellation_cutoff_hours = 24 * 400');
			const refused = await cancel(base, booked.id, booked.token);
			expect(refused.status).toBe(409);
			expect((await refused.json()).error.code).toBe('past_cutoff');
			const form = await fetch(`${base}/en/booking/${booked.token}?/cancel`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'x-sveltekit-action': 'true' },
				body: ''
			});
			expect(JSON.stringify(await form.json())).toContain('past_cutoff');
		} finally {
			await client.query('update clinic set cancellation_cutoff_hours = 24');
			await client.end();
		}
	});
});

describe('the waiting-list offer in the browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('joins from /book, and books the freed slot in one step from the offer mail', async () => {
		const base = inject('baseUrl');
		const mailDir = inject('mailDir');
		const serviceId = await services(base);
		const slot = (await slotsAhead(base, serviceId, 26)).at(-5)!;
		const booked = await book(base, serviceId, slot);
		const me = patient();
		const start = localParts(slot.start);
		const end = localParts(slot.end);

		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
		const page = await context.newPage();
		// The entry point on /book (the time step), then the waiting list's own form.
		await page.goto(`${base}/en/book?service=${serviceId}&practitioner=${slot.practitionerId}&date=${start.date}`);
		await page.getByRole('link', { name: 'No time that suits you? Join the waiting list' }).click();
		await page.getByRole('heading', { name: 'Join the waiting list' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await page.getByLabel('Practitioner').selectOption(slot.practitionerId);
		await page.getByLabel('From', { exact: true }).first().fill(start.date);
		await page.getByLabel('Until').fill(start.date);
		await page.getByLabel('Preferred days and times 1').selectOption(String(start.weekday));
		await page.locator('input[name="time0Start"]').fill(start.time);
		await page.locator('input[name="time0End"]').fill(end.time);
		await page.getByLabel('Family name').fill(me.familyName);
		await page.getByLabel('Given name').fill(me.givenName);
		await page.getByLabel('E-mail').fill(me.email);
		await page.getByLabel('Phone').fill(me.phone);
		await page.locator('#field-consent').check();
		await page.getByRole('button', { name: 'Join the waiting list' }).click();
		await page.getByRole('heading', { name: 'You are on the waiting list' }).waitFor();
		await waitForMail(mailDir, me.email, (m) => (m.subject ?? '').includes('you are on the waiting list'));

		// Someone cancels by the API: the slot is offered to the person waiting, by mail.
		expect((await cancel(base, booked.id, booked.token)).status).toBe(200);
		const offer = await waitForMail(mailDir, me.email, (m) => (m.subject ?? '').includes('has come free'));
		const link = linkIn(offer, /https?:\/\/\S+\/en\/waitlist\/offer\/[a-z2-7]{32}/);
		const offerPath = new URL(link).pathname;

		// Opening the link books nothing (mail scanners follow links); the button does, in one step.
		await page.goto(`${base}${offerPath}`);
		await page.getByRole('heading', { name: 'A time has come free' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Book this time' }).click();
		await page.getByRole('heading', { name: 'Your appointment is booked' }).waitFor();
		await waitForMail(mailDir, me.email, (m) => (m.subject ?? '').includes('your appointment on'));
		// The link now says it is booked, and the time is nobody else's.
		await page.goto(`${base}${offerPath}`);
		await page.getByText('You have already booked this time.').waitFor();
		expect((await slotsAhead(base, serviceId, 26)).some((s) => s.start === slot.start && s.practitionerId === slot.practitionerId)).toBe(false);
		await context.close();
	});

	it('shows the desk, on a phone in Japanese, who waits and for how long; the desk adds and removes', async () => {
		const base = inject('baseUrl');
		const passwords = inject('demoPasswords');
		const [name, value] = (await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp'])).split('=') as [string, string];
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
		await context.addCookies([{ name, value, url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/staff/waitlist`);
		await page.getByRole('heading', { name: 'キャンセル待ち', exact: true }).waitFor();
		// The demo clinic's list: the longest-waiting first, with their age (3 days).
		await page.getByRole('cell', { name: '3日' }).first().waitFor();
		expect(await axeViolations(page)).toEqual([]);
		const me = patient();
		const rowsBefore = await page.locator('tbody tr').count();
		await page.getByLabel('姓', { exact: true }).fill(me.familyName);
		await page.getByLabel('名', { exact: true }).fill(`Desk${people}`);
		await page.getByLabel('メールアドレス').fill(me.email);
		await page.getByLabel('電話番号').fill(me.phone);
		await page.getByLabel('ご希望の期間（から）').fill(dayAfter(60));
		await page.getByLabel('ご希望の期間（まで）').fill(dayAfter(70));
		await page.locator('#field-consent').check();
		await page.getByRole('button', { name: '追加する' }).click();
		await page.getByText('キャンセル待ちに追加しました。').waitFor();
		expect(await page.locator('tbody tr').count()).toBe(rowsBefore + 1);
		const row = page.locator('tbody tr', { hasText: `Desk${people}` });
		await row.getByRole('button', { name: '削除' }).click();
		await page.getByText('キャンセル待ちから削除しました。').waitFor();
		expect(await page.locator('tbody tr', { hasText: `Desk${people}` }).count()).toBe(0);
		// The hold time is the clinic's setting; a bad value is refused beside its field.
		await page.getByLabel('空き枠をお取り置きする時間（分）').fill('2');
		await page.getByRole('button', { name: '保存' }).click();
		await page.getByText('5〜1440分の整数で入力してください。').waitFor();
		await context.close();
	});
});
