import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie } from '../support/staff-session';

/* The monthly 申請書 pages over HTTP (issue #19): the claims page for the desk, its PDFs, and the owner's fee versions. */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let reception = '';
let practitioner = '';
let browser: Browser | undefined;

function get(path: string, cookie: string) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });
}

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
});
afterAll(async () => {
	await browser?.close();
});

describe('the claims page', () => {
	it('is linked from the insurance overview and lists a month for reception, with a GET month picker', async () => {
		const overview = await (await get('/staff/insurance', reception)).text();
		expect(overview).toContain('href="/staff/insurance/claims"');
		const response = await get('/staff/insurance/claims?month=2026-11', reception);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('療養費支給申請書');
		expect(html).toMatch(/<form[^>]*method="get"/);
		expect(html).toContain('value="2026-11"');
		const english = await (await get('/en/staff/insurance/claims?month=2026-11', reception)).text();
		expect(english).toContain('Insurance claim forms');
	});

	it('says a malformed month plainly, and is refused to a practitioner', async () => {
		const bad = await get('/staff/insurance/claims?month=2026-13', reception);
		expect(bad.status).toBe(200);
		expect(await bad.text()).toContain('施術月は YYYY-MM の形で指定してください。');
		const refused = await get('/staff/insurance/claims', practitioner);
		await refused.arrayBuffer();
		expect(refused.status).toBe(403);
	});

	it('has no accessibility violations', async () => {
		browser = await launchBrowser();
		const context = await browser.newContext();
		await context.addCookies([{ name: reception.slice(0, reception.indexOf('=')), value: reception.slice(reception.indexOf('=') + 1), url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/staff/insurance/claims`);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('the 申請書 PDF route', () => {
	it('answers 400 for a bad month or kind, 404 for a patient without a claim, and 403 to a practitioner', async () => {
		const id = crypto.randomUUID();
		expect((await get(`/staff/insurance/claims/${id}/form.pdf?month=11-2026`, reception)).status).toBe(400);
		expect((await get(`/staff/insurance/claims/${id}/form.pdf?month=2026-11&kind=other`, reception)).status).toBe(400);
		expect((await get(`/staff/insurance/claims/${id}/form.pdf?month=2026-11`, reception)).status).toBe(404);
		expect((await get(`/staff/insurance/claims/not-a-uuid/form.pdf?month=2026-11`, reception)).status).toBe(404);
		expect((await get(`/staff/insurance/claims/${id}/form.pdf?month=2026-11`, practitioner)).status).toBe(403);
	});
});

describe('the 総括票 PDF', () => {
	it('is a PDF for a month, 400 for a bad month, and refused to a practitioner', async () => {
		const response = await get('/staff/insurance/claims/summary.pdf?month=2026-11', reception);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(squashed(pdfText(Buffer.from(await response.arrayBuffer())))).toMatch(/総括票|申請書はありません/);
		expect((await get('/staff/insurance/claims/summary.pdf?month=x', reception)).status).toBe(400);
		expect((await get('/staff/insurance/claims/summary.pdf?month=2026-11', practitioner)).status).toBe(403);
	});
});

describe('the fee versions page', () => {
	it('is the owner’s alone: reception may neither read it nor add a version', async () => {
		const page = await get('/staff/insurance/fees', reception);
		await page.arrayBuffer();
		expect(page.status).toBe(403);
		const post = await fetch(`${base}/staff/insurance/fees?/add`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base, cookie: reception, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ effectiveFrom: '2030-01-01', source: 'x', item_treatment_single: '1' })
		});
		await post.arrayBuffer();
		expect(post.status).toBe(403);
	});
});
