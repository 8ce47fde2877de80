import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie } from '../support/staff-session';

/*
 * A course shared within a family (issue #18): the desk sells a shareable 5-visit course to a
 * parent naming their child, sees it on the child's page in the browser, marks the child's visit,
 * is told before charging which visit of the course it will be, charges it (with a paid add-on, so
 * a receipt is issued), the receipt names the course with 1/5 and 4 left, and the parent's course
 * lists the use by the child.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

// A past Thursday of its own: no other browser test books it.
const DAY = weekdayAhead(-105, 4);
const suffix = Math.random().toString(36).slice(2, 8);
const randomPhone = () => `090-${String(1000 + Math.floor(Math.random() * 9000))}-${String(1000 + Math.floor(Math.random() * 9000))}`;
const post = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);
const get = (path: string, cookie: string) => fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });

let reception = '';
let practitioner = '';
let browser: Browser | undefined;
let parentId = '';
let childId = '';
let childNumber = '';
let childVisit = '';
let saleId = '';
let chargePath = '';

/** A walk-in booked for a new patient on DAY; returns the patient's id. */
async function newPatientVisit(givenName: string, time: string, serviceId: string, practitionerId: string): Promise<string> {
	const phone = randomPhone();
	const created = await post(
		`/en/staff/schedule?date=${DAY}&/create`,
		{ patientId: 'new', familyName: 'Kazoku', givenName, phone, serviceId, practitionerId, bedId: '', date: DAY, time, source: 'walk_in' },
		reception
	);
	const html = await created.text();
	expect(created.status, /class="field-error"[^>]*>([^<]+)/.exec(html)?.[1] ?? /role="alert"[^>]*>([^<]+)/.exec(html)?.[1] ?? '').toBe(200);
	const found = await (await fetch(`${base}/api/v1/patients?q=${phone.replace(/-/g, '')}`, { headers: { cookie: practitioner } })).json();
	expect(found).toHaveLength(1);
	return found[0].id;
}

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	const takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
	const follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	parentId = await newPatientVisit(`Oya${suffix}`, '15:00', follow, takahashi);
	childId = await newPatientVisit(`Ko${suffix}`, '16:30', follow, takahashi);
	const day = await (await get(`/en/staff/schedule?date=${DAY}`, reception)).text();
	for (const match of day.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)) if (match[0].includes(`Ko${suffix}`)) childVisit = match[1]!;
	expect(childVisit).not.toBe('');
	const recordResponse = await get(`/en/staff/patients/${childId}`, reception);
	const record = await recordResponse.text();
	childNumber = /data-testid="patient-number"[^>]*>([^<]+)</.exec(record)?.[1] ?? '';
	expect(childNumber, `${recordResponse.status} ${recordResponse.headers.get('location')} ${record.slice(0, 300)}`).toMatch(/\S/);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('a course shared with a family member', () => {
	it('is sold to the parent naming the child', async () => {
		const page = await (await get(`/en/staff/patients/${parentId}/packages`, reception)).text();
		const typeId = /<option value="([0-9a-f-]{36})">Acupuncture, 5 visits/.exec(page)?.[1];
		expect(typeId).toBeDefined();
		const sold = await post(
			`/en/staff/patients/${parentId}/packages?/sell`,
			{ packageTypeId: typeId!, amountJpy: '25,000', method: 'cash', familyNumbers: childNumber },
			reception
		);
		await sold.arrayBuffer();
		expect(sold.status).toBe(303);
		const parentPage = await (await get(`/en/staff/patients/${parentId}/packages`, reception)).text();
		saleId = /name="saleId" value="([0-9a-f-]{36})"/.exec(parentPage)?.[1] ?? '';
		expect(saleId).not.toBe('');
		expect(parentPage).toContain(`Kazoku Ko${suffix}`); // named as a family member
	});

	it('shows the child the shared course, marks their visit, and the charge page says which visit of the course it will be', async () => {
		const context = await browser!.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
		const split = reception.indexOf('=');
		await context.addCookies([{ name: reception.slice(0, split), value: reception.slice(split + 1), url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/en/staff/patients/${childId}/packages`);
		expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Acupuncture, 5 visits');
		expect(await page.getByTestId('remaining').first().textContent()).toBe('5 of 5 left');
		// The desk's list offers upcoming visits only; this past visit is marked as its form posts.
		const marked = await post(`/en/staff/patients/${childId}/packages?/mark`, { appointmentId: childVisit, saleId }, reception);
		await marked.arrayBuffer();
		expect(marked.status).toBe(303);

		expect((await post(`/en/staff/schedule?date=${DAY}&/status`, { id: childVisit, status: 'completed' }, reception)).status).toBe(200);
		await page.goto(`${base}/en/staff/billing/appointments/${childVisit}`);
		expect(await page.getByTestId('course-notice').textContent()).toContain('visit 1 of 5 of the package “Acupuncture, 5 visits” (4 left afterwards)');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});

	it('charges the visit with the course, and the receipt shows the course, 1 of 5 and 4 left', async () => {
		const form = await (await get(`/en/staff/billing/appointments/${childVisit}`, reception)).text();
		const moxa = /name="addOnServiceIds" value="([0-9a-f-]{36})"/.exec(form)?.[1];
		expect(moxa).toBeDefined();
		const charged = await post(`/en/staff/billing/appointments/${childVisit}`, { payer: 'self_pay', addOnServiceIds: moxa! }, reception);
		await charged.arrayBuffer();
		expect(charged.status).toBe(303);
		chargePath = charged.headers.get('location')!;
		const charge = await (await get(chargePath, reception)).text();
		expect(charge).toContain('Acupuncture, 5 visits, visit 1 of 5, 4 left, valid until');
		expect(charge).toContain('data-testid="course-notice"');
		const paid = await post(`${chargePath}?/pay`, { method: 'cash', amountJpy: '1100' }, reception);
		await paid.arrayBuffer();
		expect(paid.status).toBe(303);
		const issued = await post(`${chargePath}?/issue`, {}, reception);
		await issued.arrayBuffer();
		expect(issued.status).toBe(303);
		const withReceipt = await (await get(chargePath, reception)).text();
		const receiptPath = /href="(\/en\/staff\/billing\/receipts\/[0-9a-f-]{36}\/pdf)"/.exec(withReceipt)?.[1];
		expect(receiptPath).toBeDefined();
		const pdf = await get(receiptPath!, reception);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const text = squashed(pdfText(Buffer.from(await pdf.arrayBuffer())));
		expect(text).toContain(squashed('Paid by prepaid package: Follow-up treatment (Acupuncture, 5 visits, visit 1 of 5, 4 left, valid until'));
		expect(text).toContain('¥1,100');
	});

	it('lists the use by the child on the parent’s course', async () => {
		const page = await (await get(`/en/staff/patients/${parentId}/packages`, reception)).text();
		expect(page).toMatch(/data-testid="remaining">4 of 5 left</);
		expect(page).toMatch(new RegExp(`Visit 1/5 [^<]*Kazoku Ko${suffix}`));
	});
});
