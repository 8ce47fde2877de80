import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie } from '../support/staff-session';

/*
 * The 施術報告書 in the browser (issue #19): the owner issues one for the demo clinic's insured
 * patient (山口 健一, whose consent period began with this month's first insured visit), and the
 * month's 申請書 then carries the 施術報告書交付料. Also the 受領委任 施術録 and the consent-rule form.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let owner = '';
let reception = '';
let browser: Browser | undefined;
let patientId = '';
// The demo data is seeded relative to the server's today (Tokyo): so is the month asked for here.
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()).slice(0, 7);

function get(path: string, cookie: string) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });
}

function post(path: string, cookie: string, body: Record<string, string>) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(body)
	});
}

beforeAll(async () => {
	owner = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	const claims = await (await get(`/staff/insurance/claims?month=${month}`, reception)).text();
	const row = claims.split('<tr').find((r) => r.includes('山口'));
	patientId = row?.match(/claims\/([0-9a-f-]{36})\/form\.pdf/)?.[1] ?? '';
});
afterAll(async () => {
	await browser?.close();
});

describe('issuing a 施術報告書', () => {
	it('finds the demo insured patient on this month’s claims', () => {
		expect(patientId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('is issued from the report page, and the month’s 申請書 then carries the 交付料', async () => {
		const before = squashed(pdfText(Buffer.from(await (await get(`/staff/insurance/claims/${patientId}/form.pdf?month=${month}`, reception)).arrayBuffer())));
		expect(before).not.toContain('施術報告書交付料');

		browser = await launchBrowser();
		const context = await browser.newContext();
		await context.addCookies([{ name: owner.slice(0, owner.indexOf('=')), value: owner.slice(owner.indexOf('=') + 1), url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/staff/patients/${patientId}/insurance`);
		await page.click('[data-testid="doctor-report-link"]');
		await page.waitForURL(/\/insurance\/report$/);
		expect(await page.textContent('[data-testid="report-period"]')).toContain('現在の同意期間');
		expect(await page.textContent('[data-testid="report-fee"]')).toContain('交付料が加算されます');
		expect(await axeViolations(page)).toEqual([]);
		await page.fill('#field-remarks', '右下肢痛は軽減傾向です。施術の継続をお願いいたします。');
		await Promise.all([page.waitForURL(/issued=1/), page.click('[data-testid="issue-report"]')]);
		expect(await page.textContent('[data-testid="report-issued"]')).toContain('交付料が加算されます');
		const pdfHref = await page.getAttribute('[data-testid="report-list"] a', 'href');
		expect(pdfHref).toMatch(/\/insurance\/report\/[0-9a-f-]{36}$/);

		const report = await get(pdfHref!, owner);
		expect(report.status).toBe(200);
		expect(report.headers.get('content-type')).toBe('application/pdf');
		const reportText = squashed(pdfText(Buffer.from(await report.arrayBuffer())));
		for (const s of ['施術報告書', '田中一郎先生', '右下肢痛は軽減傾向です。']) expect(reportText).toContain(s);

		const after = squashed(pdfText(Buffer.from(await (await get(`/staff/insurance/claims/${patientId}/form.pdf?month=${month}`, reception)).arrayBuffer())));
		expect(after).toContain('施術報告書交付料');
		expect(after).toContain('480円×1=480円');
	});

	it('is refused to reception, page and PDF alike', async () => {
		const page = await get(`/staff/patients/${patientId}/insurance/report`, reception);
		await page.arrayBuffer();
		expect(page.status).toBe(403);
		const issue = await post(`/staff/patients/${patientId}/insurance/report?/issue`, reception, { remarks: 'x' });
		await issue.arrayBuffer();
		expect(issue.status).toBe(403);
	});
});

describe('the 受領委任 施術録', () => {
	it('prints the insured visits apart, for the owner', async () => {
		const response = await get(`/staff/patients/${patientId}/documents/jukyo-records`, owner);
		expect(response.status).toBe(200);
		const text = squashed(pdfText(Buffer.from(await response.arrayBuffer())));
		for (const s of ['施術録（受領委任）', '同意書・再同意', '田中一郎', '施術報告書の交付']) expect(text).toContain(s);
	});
});

describe('the consent-validity rule form', () => {
	it('answers bad input with localized field errors, and adds a version for the owner', async () => {
		const bad = await post('/staff/insurance/fees?/addRule', owner, {
			effectiveFrom: '2099-02-30',
			earlyUntilDay: '40',
			monthsAfterIfEarly: '5',
			monthsAfterIfLate: '6',
			source: ''
		});
		expect(bad.status).toBe(422);
		const html = await bad.text();
		expect(html).toContain('適用開始日を正しい日付で入力してください。');
		expect(html).toContain('1から30までの日を入力してください。');
		const good = await post('/staff/insurance/fees?/addRule', owner, {
			effectiveFrom: '2099-04-01',
			earlyUntilDay: '15',
			monthsAfterIfEarly: '5',
			monthsAfterIfLate: '6',
			source: '試験用の版'
		});
		await good.arrayBuffer();
		expect(good.status).toBe(303);
		const page = await (await get('/staff/insurance/fees', owner)).text();
		expect(page).toContain('2099-04-01');
		const refused = await post('/staff/insurance/fees?/addRule', reception, {
			effectiveFrom: '2099-05-01',
			earlyUntilDay: '15',
			monthsAfterIfEarly: '5',
			monthsAfterIfLate: '6',
			source: 'x'
		});
		await refused.arrayBuffer();
		expect(refused.status).toBe(403);
	});
});
