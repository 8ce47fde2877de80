import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RED_FLAG_QUESTIONS } from '../../src/lib/domain/triage/assess';
import { axeViolations, launchBrowser } from '../support/browser';

const base = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	browser = await launchBrowser();
	// The self-check must work for someone whose phone runs no JavaScript.
	context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

async function answer(overrides: Record<string, 'yes' | 'no'>, numbers = { age: '42', duration: '3', painNrs: '5' }) {
	for (const question of [...RED_FLAG_QUESTIONS, 'seenDoctor']) {
		await page.locator(`input[name="${question}"][value="${overrides[question] ?? 'no'}"]`).check();
	}
	await page.locator('input[name="age"]').fill(numbers.age);
	await page.locator('input[name="duration"]').fill(numbers.duration);
	await page.locator(`input[name="painNrs"][value="${numbers.painNrs}"]`).check();
}

describe('the symptom self-check without JavaScript', () => {
	it('sends saddle numbness to emergency care, numbers first and no booking', async () => {
		await page.goto(`${base}/en/check`);
		await answer({ saddleNumbness: 'yes' });
		await page.getByRole('button', { name: 'See the result' }).click();
		await page.waitForLoadState();
		expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Get emergency care now');
		expect(await page.locator('a[href="tel:119"]').count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Book a visit' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Book a visit' }).count()).toBe(0);
		expect(await page.locator('main').textContent()).toContain('Numbness between the legs');
		expect(await page.locator('main').textContent()).toContain('not a diagnosis');
	});

	it('offers a booking link for a routine answer, in Japanese', async () => {
		await page.goto(`${base}/check`);
		await answer({});
		await page.getByRole('button', { name: '結果を見る' }).click();
		await page.waitForLoadState();
		expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('急いで受診が必要なサインは見当たりません');
		// The answers travel on to the booking in the body of a POST, never in a link, so the practitioner sees them.
		const book = page.getByRole('button', { name: '予約する' });
		expect(await book.count()).toBe(1);
		expect(await page.locator('form[method="post"][action="/book/self-check"]').count()).toBe(1);
		expect(await page.locator('input[type="hidden"][name="saddleNumbness"]').getAttribute('value')).toBe('false');
		expect(await page.locator('input[type="hidden"][name="age"]').getAttribute('value')).toBe('42');
		expect(await page.locator('a[href*="triage"]').count()).toBe(0);
		expect(await page.locator('a[href="tel:119"]').count()).toBe(0);
	});

	it('explains see_doctor for pain over a week and still offers booking', async () => {
		await page.goto(`${base}/en/check`);
		await answer({}, { age: '42', duration: '2', painNrs: '3' });
		await page.locator('select[name="durationUnit"]').selectOption('weeks');
		await page.getByRole('button', { name: 'See the result' }).click();
		await page.waitForLoadState();
		expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('See a doctor soon');
		expect(await page.locator('main').textContent()).toContain('Pain for more than 7 days, not yet seen by a doctor');
		expect(await page.getByRole('button', { name: 'Book a visit' }).count()).toBe(1);
	});
});

describe('the self-check’s wording (docs/clinical-rules.md §1)', () => {
	it('asks about new or spreading symptoms in both legs, more than 7 days, and drugs injected other than insulin', async () => {
		await page.goto(`${base}/en/check`);
		const en = await page.locator('main').textContent();
		expect(en).toContain('that is new, or has spread to both legs in the last few days');
		expect(en).toContain('(other than insulin prescribed for you)');
		await page.goto(`${base}/check`);
		const ja = await page.locator('main').textContent();
		expect(ja).toContain('新しく出てきた、またはこの数日で両脚に広がってきましたか');
		expect(ja).toContain('医師に処方されたインスリンの注射は除きます');
	});
});

describe('the self-check form with bad input', () => {
	it('names each missing answer and keeps what was given', async () => {
		const response = await fetch(`${base}/en/check`, {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ saddleNumbness: 'no', age: '300', duration: 'abc', durationUnit: 'days' })
		});
		expect(response.status).toBe(422);
		const html = await response.text();
		expect(html).toContain('Please correct the highlighted fields.');
		expect(html).toMatch(/id="bladderBowelChange-error">Choose one of the options\./);
		expect(html).toMatch(/id="age-error">[^<]+/);
		expect(html).toMatch(/value="no" checked/);
	});

	it('passes axe with JavaScript on, before and after answering', async () => {
		const withJs = await browser.newPage({ viewport: { width: 360, height: 640 } });
		await withJs.goto(`${base}/check`);
		expect(await axeViolations(withJs)).toEqual([]);
		await withJs.locator('input[name="violentInjury"][value="yes"]').check();
		await withJs.getByRole('button', { name: '結果を見る' }).click();
		expect(await axeViolations(withJs)).toEqual([]);
		await withJs.close();
	});
});

describe('POST /api/v1/triage', () => {
	const calm = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false]));
	const post = (body: unknown, lang = 'en') =>
		fetch(`${base}/api/v1/triage`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify(body) });

	it('answers as the contract says', async () => {
		const response = await post({ answers: { ...calm, cancerHistory: true, age: 60, durationDays: 10, painNrs: 8 } });
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toEqual({
			level: 'urgent',
			reasons: ['cancerHistory', 'durationOverAWeek', 'severePain'],
			advice: { ja: expect.stringContaining('今日中'), en: expect.stringContaining('See a doctor today') }
		});
	});

	it('names missing red-flag answers and out-of-range numbers in a 422', async () => {
		const { saddleNumbness: _omitted, ...withoutOne } = calm;
		const response = await post({ answers: { ...withoutOne, worsening: 'yes', age: 121, durationDays: 3, painNrs: 11 } });
		expect(response.status).toBe(422);
		const body = await response.json();
		expect(body.error.code).toBe('validation_failed');
		expect(Object.keys(body.error.fields).sort()).toEqual(['answers.age', 'answers.painNrs', 'answers.saddleNumbness', 'answers.worsening']);
		expect(body.error.fields['answers.saddleNumbness']).toBe('This field is required.');
	});
});
