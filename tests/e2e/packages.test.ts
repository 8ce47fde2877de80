import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie } from '../support/staff-session';

/*
 * Prepaid courses at the desk (issue #18): sell the demo clinic's 5-visit course with a part
 * payment, mark two booked visits, complete and charge them (3 left on the charge), then refund
 * the rest with the computation shown.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

// A past Tuesday of its own: no other browser test books it.
const DAY = weekdayAhead(-77, 2);
const suffix = Math.random().toString(36).slice(2, 8);
const phone = `090-${String(1000 + Math.floor(Math.random() * 9000))}-${String(1000 + Math.floor(Math.random() * 9000))}`;
const post = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);
const get = (path: string, cookie: string) => fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });

let reception = '';
let practitioner = '';
let browser: Browser | undefined;
let patientId = '';
let saleId = '';
const visits: string[] = [];

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	const takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
	const follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const first = await post(
		`/en/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			familyName: 'Kaisuken',
			givenName: `Pack${suffix}`,
			phone,
			serviceId: follow,
			practitionerId: takahashi,
			bedId: '',
			date: DAY,
			time: '10:00',
			source: 'walk_in'
		},
		reception
	);
	expect(first.status).toBe(200);
	const found = await (await fetch(`${base}/api/v1/patients?q=${phone.replace(/-/g, '')}`, { headers: { cookie: practitioner } })).json();
	patientId = found[0].id;
	const second = await post(
		`/en/staff/schedule?date=${DAY}&/create`,
		{ patientId, serviceId: follow, practitionerId: takahashi, bedId: '', date: DAY, time: '11:30', source: 'walk_in' },
		reception
	);
	await second.arrayBuffer();
	expect(second.status).toBe(200);
	const day = await (await get(`/en/staff/schedule?date=${DAY}`, reception)).text();
	for (const match of day.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)) if (match[0].includes(`Pack${suffix}`)) visits.push(match[1]!);
	expect(visits).toHaveLength(2);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('a 5-visit course at the desk', () => {
	it('is sold with a part payment and lands on its charge', async () => {
		const page = await (await get(`/en/staff/patients/${patientId}/packages`, reception)).text();
		const typeId = /<option value="([0-9a-f-]{36})">Acupuncture, 5 visits/.exec(page)?.[1];
		expect(typeId).toBeDefined();
		const sold = await post(
			`/en/staff/patients/${patientId}/packages?/sell`,
			{ packageTypeId: typeId!, amountJpy: '15,000', method: 'cash', familyNumbers: '' },
			reception
		);
		expect(sold.status).toBe(303);
		expect(sold.headers.get('location')).toMatch(/^\/en\/staff\/billing\/charges\/[0-9a-f-]{36}$/);
		const charge = await (await get(sold.headers.get('location')!, reception)).text();
		expect(charge).toContain('Acupuncture, 5 visits');
		expect(charge).toContain('¥10,000'); // still owed
	});

	it('uses a visit for each of two charged visits, and the second charge says 3 left', async () => {
		const page = await (await get(`/en/staff/patients/${patientId}/packages`, reception)).text();
		saleId = /name="saleId" value="([0-9a-f-]{36})"/.exec(page)?.[1] ?? '';
		expect(saleId).not.toBe('');
		let lastCharge = '';
		for (const visit of visits) {
			const marked = await post(`/en/staff/patients/${patientId}/packages?/mark`, { appointmentId: visit, saleId }, reception);
			expect(marked.status).toBe(303);
			expect((await post(`/en/staff/schedule?date=${DAY}&/status`, { id: visit, status: 'completed' }, reception)).status).toBe(200);
			const charged = await post(`/en/staff/billing/appointments/${visit}`, { payer: 'self_pay' }, reception);
			expect(charged.status).toBe(303);
			lastCharge = await (await get(charged.headers.get('location')!, reception)).text();
		}
		expect(lastCharge).toContain('visit 2 of 5, 3 left, valid until');
		const after = await (await get(`/en/staff/patients/${patientId}/packages`, reception)).text();
		expect(after).toContain('3 of 5 left');
	});

	it('refunds the rest with the computation shown, and the page passes axe', async () => {
		const context = await browser!.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
		const split = reception.indexOf('=');
		await context.addCookies([{ name: reception.slice(0, split), value: reception.slice(split + 1), url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/staff/patients/${patientId}/packages`);
		await page.getByText('解約して返金する').click();
		// Paid ¥15,000, two visits worth ¥10,000 used: ¥5,000 held, no fee set.
		expect(await page.getByTestId('refund-amount').first().textContent()).toBe('￥5,000');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: '￥5,000 を返金して解約する' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain('解約・返金済み');
		expect(await page.locator('.refund-statement').textContent()).toContain('消費者契約法');
		// The refund receipt (PDF) is linked from the statement, with the computation in it.
		const href = await page.getByTestId('refund-pdf').getAttribute('href');
		const pdf = await get(href!, reception);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const text = squashed(pdfText(Buffer.from(await pdf.arrayBuffer())));
		for (const expected of ['回数券 解約・返金明細書', '未使用 3回 × 1回あたり ￥5,000', '返金額 ￥5,000', '消費者契約法'])
			expect(text).toContain(squashed(expected));
		await context.close();
	});
});
