import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie } from '../support/staff-session';

/* The printable documents over HTTP (issue #7): the referral letter and the 施術録 as PDFs, for clinical staff only. */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let practitioner = '';
let reception = '';
let chart = '';
let browser: Browser | undefined;

function get(path: string, cookie: string) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });
}

beforeAll(async () => {
	practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	const html = await (await get(`/staff/patients?q=${encodeURIComponent('さとう')}`, practitioner)).text();
	chart = /href="(\/staff\/patients\/[0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
	expect(chart).not.toBe('');
});
afterAll(async () => {
	await browser?.close();
});

describe('the referral letter PDF', () => {
	it('is downloaded from the referral page by a practitioner, and refused to reception', async () => {
		const created = await fetch(`${base}${chart}/exams?/create`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base, cookie: practitioner, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ kind: 'initial', side: 'left', 'left.area.outerShin': 'on', 'redFlag.saddleNumbness': 'on' })
		});
		expect(created.status).toBe(303);
		const exam = /\/exams\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')?.[1];
		const referral = await (await get(`${chart}/exams/${exam}/referral`, practitioner)).text();
		expect(referral).toContain(`${chart}/exams/${exam}/referral/pdf`);

		const response = await get(`${chart}/exams/${exam}/referral/pdf`, practitioner);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E7%B4%B9%E4%BB%8B%E7%8A%B6_P\d+_\d{4}-\d{2}-\d{2}\.pdf$/);
		const text = squashed(pdfText(Buffer.from(await response.arrayBuffer())));
		expect(text).toContain('股の間のしびれ');
		expect(text).toContain(squashed('緊急：本日、救急での診察をお願いいたします。'));

		expect((await get(`${chart}/exams/${exam}/referral/pdf`, reception)).status).toBe(403);
		expect((await get(`${chart}/exams/${crypto.randomUUID()}/referral/pdf`, practitioner)).status).toBe(404);
	});
});

describe('the treatment record (施術録) PDF', () => {
	it('is offered on the documents page with a month picker that works as a plain GET form', async () => {
		const html = await (await get(`${chart}/documents`, practitioner)).text();
		expect(html).toMatch(new RegExp(`<form[^>]*method="get"[^>]*action="${chart}/documents/records"`));
		expect(html).toContain('name="month"');
		browser = await launchBrowser();
		const context = await browser.newContext();
		await context.addCookies([{ name: practitioner.slice(0, practitioner.indexOf('=')), value: practitioner.slice(practitioner.indexOf('=') + 1), url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}${chart}/documents`);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('is a PDF for one month or all dates, refuses a malformed month with a clear message, and is refused to reception', async () => {
		const all = await get(`${chart}/documents/records`, practitioner);
		expect(all.status).toBe(200);
		expect(all.headers.get('content-type')).toBe('application/pdf');
		expect(all.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E6%96%BD%E8%A1%93%E9%8C%B2_P\d+\.pdf$/);
		expect(squashed(pdfText(Buffer.from(await all.arrayBuffer())))).toContain('施術録');

		const month = await get(`/en${chart}/documents/records?month=2026-03`, practitioner);
		expect(month.status).toBe(200);
		expect(month.headers.get('content-disposition')).toMatch(/Treatment%20record_P\d+_2026-03\.pdf$/);
		expect(squashed(pdfText(Buffer.from(await month.arrayBuffer())))).toContain(squashed('March 2026'));

		const bad = await get(`${chart}/documents/records?month=2026-13`, practitioner);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('4桁の年と2桁の月');

		expect((await get(`${chart}/documents/records`, reception)).status).toBe(403);
		expect((await get(`/staff/patients/${crypto.randomUUID()}/documents/records`, practitioner)).status).toBe(404);
	});
});
