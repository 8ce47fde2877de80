import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie } from '../support/staff-session';

/*
 * The desk (issue #22): one practitioner with two patients on two beds, and the guard rails at
 * arrival and payment (a visit's day, self-pay, cash tendered, the invoice registration number).
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');
const suffix = Math.random().toString(36).slice(2, 8);
const postForm = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);
const get = (path: string, cookie = '') => fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

/** A Thursday about eighteen weeks ahead, clear of other tests' bookings. */
const AHEAD = weekdayAhead(126, 4);
/** A past Thursday: its visits can be marked arrived and charged. */
const PAST = weekdayAhead(-126, 4);

let owner = '';
let reception = '';
let sato = '';
let takahashi = '';
let follow = '';

/** Creates a walk-in at the desk and returns its appointment id, read back from the day list. */
async function walkIn(date: string, time: string, practitionerId: string, givenName: string): Promise<Response & { appointmentId?: string }> {
	const created = await postForm(
		`/en/staff/schedule?date=${date}&/create`,
		{ patientId: 'new', familyName: 'Desk', givenName, phone: '090-6666-0101', serviceId: follow, practitionerId, bedId: '', date, time, source: 'walk_in' },
		reception
	);
	if (created.status !== 200) return created;
	const day = await (await get(`/en/staff/schedule?date=${date}`, reception)).text();
	for (const match of day.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g))
		if (match[0].includes(givenName)) return Object.assign(created, { appointmentId: match[1]! });
	throw new Error(`walk-in ${givenName} not listed`);
}

beforeAll(async () => {
	owner = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	sato = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id;
	takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
	follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
});

describe('one practitioner, two beds', () => {
	it('books two patients with one practitioner on two beds at the same time once the owner allows two, and refuses a third', async () => {
		const places = (n: string) => postForm(`/en/staff/scheduling/practitioners/${sato}?/places`, { form: 'places', concurrentPatients: n }, owner);
		const refusedAlone = await walkIn(AHEAD, '10:00', sato, `One${suffix}`);
		expect(refusedAlone.status).toBe(200);
		// One place (the default): the same practitioner at the same time is refused.
		expect((await walkIn(AHEAD, '10:00', sato, `Two${suffix}`)).status).toBe(409);

		expect((await places('2')).status).toBe(200);
		const second = await walkIn(AHEAD, '10:00', sato, `Two${suffix}`);
		expect(second.status).toBe(200);
		const third = await walkIn(AHEAD, '10:15', sato, `Three${suffix}`);
		expect(third.status).toBe(409);
		expect(await third.text()).toContain('(same practitioner)');

		// Both on the day list at 10:00, each on a bed of their own.
		const day = await (await get(`/en/staff/schedule?date=${AHEAD}`, reception)).text();
		const rows = [...day.matchAll(/<tr id="appt-[0-9a-f-]{36}"[\s\S]*?<\/tr>/g)].map((m) => m[0]).filter((row) => row.includes(suffix));
		expect(rows).toHaveLength(2);
		const beds = rows.map((row) => /<small>(Bed [^<]+)<\/small>/.exec(row)?.[1]);
		expect(beds.every(Boolean)).toBe(true);
		expect(new Set(beds).size).toBe(2);

		// Fewer places are refused while the visits hold the second one; once they are gone, allowed.
		const tooFew = await places('1');
		expect(tooFew.status).toBe(409);
		expect(await tooFew.text()).toContain('Visits to come already have 2 patients at once');
		for (const id of [refusedAlone.appointmentId!, second.appointmentId!])
			expect((await postForm(`/en/staff/schedule?date=${AHEAD}&/cancel`, { id }, reception)).status).toBe(200);
		expect((await places('1')).status).toBe(200);
	});

	it('refuses a number of places outside 1 to 8 with the reason, in Japanese too', async () => {
		const answer = await postForm(`/staff/scheduling/practitioners/${sato}?/places`, { form: 'places', concurrentPatients: '9' }, owner);
		expect(answer.status).toBe(422);
		expect(await answer.text()).toContain('1〜8の数字で入力してください。');
	});
});

describe('guard rails at the desk', () => {
	let pastVisit = '';
	let chargePath = '';
	let browser: Browser | undefined;

	afterAll(async () => {
		await browser?.close();
		// The shared server's receipts go back to having no registration number.
		await postForm('/en/staff/settings?/invoice', { form: 'invoice', invoiceRegistrationNumber: '' }, owner);
	});

	it('refuses to mark a visit arrived before its day, saying why in the desk’s language', async () => {
		const visit = await walkIn(AHEAD, '15:00', takahashi, `Early${suffix}`);
		expect(visit.status).toBe(200);
		const en = await postForm(`/en/staff/schedule?date=${AHEAD}&/status`, { id: visit.appointmentId!, status: 'arrived' }, reception);
		expect(en.status).toBe(409);
		expect(await en.text()).toContain('This visit’s day has not come yet.');
		const ja = await postForm(`/staff/schedule?date=${AHEAD}&/status`, { id: visit.appointmentId!, status: 'arrived' }, reception);
		expect(ja.status).toBe(409);
		expect(await ja.text()).toContain('この予約はまだ当日ではありません。');
		// The day list of a day to come offers no arrival button at all.
		const day = await (await get(`/en/staff/schedule?date=${AHEAD}`, reception)).text();
		expect(day).toContain('Arrival and payment can be recorded from the day of the visit');
		expect(day).not.toMatch(new RegExp(`name="status" value="arrived"[^>]*>[^<]*<span class="visually-hidden">[^<]*Early${suffix}`));
	});

	it('hides the insurance options of a self-pay charge, without JavaScript', async () => {
		const visit = await walkIn(PAST, '15:00', takahashi, `Paid${suffix}`);
		expect(visit.status).toBe(200);
		pastVisit = visit.appointmentId!;
		expect((await postForm(`/en/staff/schedule?date=${PAST}&/status`, { id: pastVisit, status: 'arrived' }, reception)).status).toBe(200);
		browser = await launchBrowser();
		const context = await browser.newContext({ javaScriptEnabled: false });
		const split = reception.indexOf('=');
		await context.addCookies([{ name: reception.slice(0, split), value: reception.slice(split + 1), url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/en/staff/billing/appointments/${pastVisit}`);
		expect(await page.getByTestId('insurance-options').isVisible()).toBe(false);
		await page.getByRole('radio', { name: /Health insurance/ }).check();
		expect(await page.getByTestId('insurance-options').isVisible()).toBe(true);
		await page.getByRole('radio', { name: 'Self-pay' }).check();
		expect(await page.getByTestId('insurance-options').isVisible()).toBe(false);
		await context.close();
	});

	it('takes cash against the amount tendered, refuses too little, and shows the change', async () => {
		const charged = await postForm(`/en/staff/billing/appointments/${pastVisit}`, { payer: 'self_pay' }, reception);
		expect(charged.status).toBe(303);
		chargePath = charged.headers.get('location')!;
		const page = await (await get(chargePath, reception)).text();
		const due = /id="pay-amount"[^>]*value="(\d+)"/.exec(page)?.[1] ?? /value="(\d+)"[^>]*id="pay-amount"/.exec(page)?.[1];
		expect(due).toBeDefined();
		const short = await postForm(`${chargePath}?/pay`, { method: 'cash', amountJpy: due!, tenderedJpy: String(Number(due) - 1) }, reception);
		expect(short.status).toBe(422);
		expect(await short.text()).toContain('The cash tendered is less than the amount taken.');
		const paid = await postForm(`${chargePath}?/pay`, { method: 'cash', amountJpy: due!, tenderedJpy: '10000' }, reception);
		expect(paid.status).toBe(303);
		const after = await (await get(paid.headers.get('location')!, reception)).text();
		expect(after).toContain(`Change: ¥${(10000 - Number(due)).toLocaleString('en')}`);
	});

	it('prints the clinic’s invoice registration number on the receipt once the owner records it', async () => {
		const bad = await postForm('/en/staff/settings?/invoice', { form: 'invoice', invoiceRegistrationNumber: 'T123' }, owner);
		expect(bad.status).toBe(422);
		expect(await bad.text()).toContain('Enter the registration number as “T” and 13 digits.');
		expect((await postForm('/en/staff/settings?/invoice', { form: 'invoice', invoiceRegistrationNumber: 'ｔ1234567890123' }, owner)).status).toBe(200);
		expect((await postForm(`${chargePath}?/issue`, {}, reception)).status).toBe(303);
		const page = await (await get(chargePath, reception)).text();
		expect(page).toContain('Registration number: T1-2345-6789-0123');
		const pdfPath =
			/href="(\/en\/staff\/billing\/receipts\/[0-9a-f-]{36}\/pdf)"/.exec(page)?.[1] ??
			/href="(\/staff\/billing\/receipts\/[0-9a-f-]{36}\/pdf)"/.exec(page)?.[1];
		expect(pdfPath).toBeDefined();
		const pdf = Buffer.from(await (await get(pdfPath!, reception)).arrayBuffer());
		expect(squashed(pdfText(pdf))).toContain(squashed('T1-2345-6789-0123'));
	});
});
