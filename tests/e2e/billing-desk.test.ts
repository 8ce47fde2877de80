import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { pdfText, squashed } from '../support/pdf-text';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/* The reception desk for money (issue #8): charge a visit, take payment in two parts, print the receipt, close the day. */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

// A past Friday: a visit is completed and charged on its day or later, never before (issue #22).
const DAY = weekdayAhead(-91, 5);
const suffix = Math.random().toString(36).slice(2, 8);
const walkIn = { familyName: 'Kaikei', givenName: `Desk${suffix}` };
const postForm = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);

const get = (path: string, cookie = '') => fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

let reception = '';
let practitioner = '';
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let appointmentId = '';
/** A completed visit of a patient with no doctor's consent: insurance is refused. */
let uninsuredId = '';
let chargePath = '';
let receiptPdfPath = '';
let receiptNumber = '';

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	// Not the practitioner who signs in below: their charge must stay closed to her.
	const takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
	const follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const created = await postForm(
		`/en/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			...walkIn,
			phone: '090-5555-0808',
			serviceId: follow,
			practitionerId: takahashi,
			bedId: '',
			date: DAY,
			time: '15:00',
			source: 'walk_in'
		},
		reception
	);
	expect(created.status).toBe(200);
	const day = await (await get(`/en/staff/schedule?date=${DAY}`, reception)).text();
	for (const match of day.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)) if (match[0].includes(walkIn.givenName)) appointmentId = match[1]!;
	expect(appointmentId).not.toBe('');
	const second = await postForm(
		`/en/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			familyName: 'Hoken',
			givenName: `Desk${suffix}`,
			phone: '090-5555-0809',
			serviceId: follow,
			practitionerId: takahashi,
			bedId: '',
			date: DAY,
			time: '16:30',
			source: 'walk_in'
		},
		reception
	);
	expect(second.status).toBe(200);
	const after = await (await get(`/en/staff/schedule?date=${DAY}`, reception)).text();
	for (const match of after.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)) if (match[0].includes(`Hoken`)) uninsuredId = match[1]!;
	expect((await postForm(`/en/staff/schedule?date=${DAY}&/status`, { id: uninsuredId, status: 'completed' }, reception)).status).toBe(200);
	browser = await launchBrowser();
	// Without JavaScript: every step is a plain link or form post.
	context = await browser.newContext({ javaScriptEnabled: false });
	const split = reception.indexOf('=');
	await context.addCookies([{ name: reception.slice(0, split), value: reception.slice(split + 1), url: base }]);
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
});

describe('the billing desk', () => {
	it('refuses to charge a visit that has not taken place', async () => {
		const early = await postForm(`/en/staff/billing/appointments/${appointmentId}`, { payer: 'self_pay' }, reception);
		expect(early.status).toBe(409);
		expect(await early.text()).toContain('only arrived or completed visits can');
	});

	it('completes the visit, charges it self-pay, takes cash then card, and issues the receipt', async () => {
		const page = await context!.newPage();
		page.setDefaultTimeout(10_000);
		await page.goto(`${base}/en/staff/schedule?date=${DAY}`);
		const row = page.locator(`#appt-${appointmentId}`);
		await row.getByRole('button', { name: /^Completed/ }).click();
		await page
			.locator(`#appt-${appointmentId}`)
			.getByRole('link', { name: /^Charge/ })
			.click();
		await expect.poll(() => page.url()).toContain(`/en/staff/billing/appointments/${appointmentId}`);
		expect(await page.getByLabel('Self-pay').isChecked()).toBe(true);
		await page.getByRole('button', { name: 'Create the charge' }).click();
		await expect.poll(() => page.url()).toMatch(/\/en\/staff\/billing\/charges\/[0-9a-f-]{36}$/);
		chargePath = new URL(page.url()).pathname;
		expect(await page.getByTestId('due').textContent()).toBe('¥5,500');

		await page.getByLabel('Method').first().selectOption('cash');
		await page.locator('#pay-amount').fill('2,000');
		await page.getByRole('button', { name: 'Record the payment' }).click();
		expect(await page.getByRole('status').first().textContent()).toContain('The payment has been recorded.');
		expect(await page.getByTestId('balance').textContent()).toBe('¥3,500');

		await page.locator('#pay-method').selectOption('card');
		expect(await page.locator('#pay-amount').inputValue()).toBe('3500');
		await page.getByRole('button', { name: 'Record the payment' }).click();
		expect(await page.getByTestId('balance').textContent()).toBe('¥0');
		expect(await page.locator('#pay-amount').count()).toBe(0);

		await page.getByRole('button', { name: 'Issue the receipt' }).click();
		const notice = (await page.getByRole('status').first().textContent()) ?? '';
		receiptNumber = /Receipt (\d{4}-\d{6}) has been issued/.exec(notice)?.[1] ?? '';
		expect(receiptNumber).not.toBe('');
		receiptPdfPath = (await page.getByRole('link', { name: `PDF (Japanese) ${receiptNumber}` }).getAttribute('href')) ?? '';
		expect(receiptPdfPath).toMatch(/^\/staff\/billing\/receipts\/[0-9a-f-]{36}\/pdf$/);
		await page.close();
	});

	it('passes axe on the desk pages, and offers self-pay when insurance is refused', async () => {
		// axe runs as a script in the page: this context has JavaScript on.
		const withScript = await browser!.newContext();
		const split = reception.indexOf('=');
		await withScript.addCookies([{ name: reception.slice(0, split), value: reception.slice(split + 1), url: base }]);
		const page = await withScript.newPage();
		for (const path of [chargePath, '/staff/billing/day', '/en/staff/billing']) {
			await page.goto(`${base}${path}`);
			expect(await axeViolations(page), path).toEqual([]);
		}

		await page.goto(`${base}/en/staff/billing/appointments/${uninsuredId}`);
		expect(await axeViolations(page), 'new charge').toEqual([]);
		await page.getByLabel('Health insurance (ryōyōhi)').check();
		await page.getByLabel('Patient’s share').selectOption('30');
		await page.getByRole('button', { name: 'Create the charge' }).click();
		await page.getByRole('heading', { name: 'This visit could not be charged to insurance' }).waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('No doctor’s consent is on record');
		expect(await page.locator('.refusal').textContent()).toContain('Charged as self-pay, the visit costs ¥5,500.');
		expect(await axeViolations(page), 'refusal').toEqual([]);
		await page.getByRole('button', { name: 'Charge as self-pay' }).click();
		await expect.poll(() => page.url()).toMatch(/\/en\/staff\/billing\/charges\/[0-9a-f-]{36}$/);
		expect(await page.getByTestId('due').textContent()).toBe('¥5,500');
		await withScript.close();
	});

	it('refuses a second original receipt and a payment beyond what is owed, with the reason', async () => {
		const again = await postForm(`${chargePath}?/issue`, {}, reception);
		expect(again.status).toBe(409);
		expect(await again.text()).toContain('To hand it out again, reissue it.');
		const tooMuch = await postForm(`${chargePath}?/refund`, { method: 'card', amountJpy: '9000', reason: 'test' }, reception);
		expect(tooMuch.status).toBe(409);
		expect(await tooMuch.text()).toContain('The refund is more than was paid by that method.');
		const bad = await postForm(`${chargePath}?/refund`, { method: 'cash', amountJpy: '1.5', reason: '' }, reception);
		expect(bad.status).toBe(422);
		const html = await bad.text();
		expect(html).toContain('Enter the amount in whole yen, 1 or more.');
		expect(html).toContain('Please give a reason.');
	});

	it('downloads the receipt as a PDF with its number and the total', async () => {
		const response = await get(receiptPdfPath, reception);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const text = squashed(pdfText(Buffer.from(await response.arrayBuffer())));
		expect(text).toContain(receiptNumber);
		expect(text).toContain(squashed('領収書'));
		expect(text).toContain('￥5,500');
		const statement = await get(`${chargePath.replace('/en/', '/')}/statement`, reception);
		expect(statement.headers.get('content-type')).toBe('application/pdf');
		expect(squashed(pdfText(Buffer.from(await statement.arrayBuffer())))).toContain(squashed('明細書'));
	});

	it('shows both payments in today’s day-end summary, with the receipt counted', async () => {
		const response = await get('/en/staff/billing/day', reception);
		expect(response.status).toBe(200);
		const html = await response.text();
		const rows = [...html.matchAll(/<tr data-payment-id="[^"]+">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).filter((r) => r.includes(walkIn.givenName));
		expect(rows).toHaveLength(2);
		expect(rows[0]).toContain('Cash');
		expect(rows[0]).toContain('¥2,000');
		expect(rows[1]).toContain('Credit card');
		expect(rows[1]).toContain('¥3,500');
		expect(html).toMatch(/Receipts issued: [1-9]\d*/);
		expect((await get('/en/staff/billing/day?date=2026-02-30', reception)).status).toBe(400);
	});

	it('keeps the charge from a practitioner who did not treat the visit, and from the desk-only pages', async () => {
		expect((await get(chargePath, practitioner)).status).toBe(403);
		expect((await get(receiptPdfPath, practitioner)).status).toBe(403);
		expect((await get(`/staff/billing/appointments/${appointmentId}`, practitioner)).status).toBe(403);
		expect((await get('/staff/billing/day', practitioner)).status).toBe(403);
		expect((await postForm(`${chargePath}?/pay`, { method: 'cash', amountJpy: '1' }, practitioner)).status).toBe(403);
	});

	it('sends a visitor to sign in', async () => {
		const response = await get(chargePath);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/en/staff/login?next=${encodeURIComponent(chargePath)}`);
	});
});
