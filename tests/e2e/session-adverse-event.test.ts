import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { submitAndSettle } from '../support/session-page';
import { axeViolations, launchBrowser } from '../support/browser';
import { staffCookie } from '../support/staff-session';

/*
 * The English session record (issue #7): the practitioner's name in English, and an adverse event
 * dated to when it happened, in clinic time, refused next to the field when it lies in the future.
 * Uses the demo patient 中村 由美, so the bedside test's session for 佐藤 健 stays its own.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let browser: Browser;
let page: Page;

/** `YYYY-MM-DDTHH:MM` moved by `minutes`, on the wall clock (no time zone involved). */
const shifted = (local: string, minutes: number) => new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);

/** Every form here is a plain post; the record page then hydrates, and typing waits for that. */
async function submit(page: Page, name: string) {
	await submitAndSettle(page, page.getByRole('button', { name }));
	if (/\/sessions\/[0-9a-f-]{36}/.test(page.url())) await page.waitForSelector('main[data-hydrated="true"]');
}

beforeAll(async () => {
	const cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	browser = await launchBrowser();
	const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: base }]);
	page = await context.newPage();
	const search = await (await fetch(`${base}/staff/patients?q=${encodeURIComponent('なかむら')}`, { headers: { cookie } })).text();
	const chart = /<a href="\/staff\/patients\/([0-9a-f-]{36})">中村 由美</.exec(search);
	expect(chart).not.toBeNull();
	await page.goto(`${base}/en/staff/patients/${chart![1]}/sessions`);
	// No treatment consent yet: the practitioner takes it aloud and records it (docs/clinical-rules.md §6).
	if ((await page.getByTestId('treatment-consent-needed').count()) > 0) {
		await page.getByLabel(/I explained the treatment consent/).check();
		await submit(page, 'Record the consent given aloud');
		expect(await page.getByTestId('verbal-recorded').textContent()).toContain('taken by');
	}
	await submit(page, 'Start a session');
	await page.waitForURL(/\/en\/staff\/patients\/[0-9a-f-]{36}\/sessions\/[0-9a-f-]{36}/);
});
afterAll(async () => {
	await browser?.close();
});

describe('the English session record', () => {
	it('names the practitioner in English', async () => {
		const name = (await page.locator('dt:has-text("Practitioner") + dd').textContent()) ?? '';
		expect(name.trim()).toMatch(/^[A-Za-z][A-Za-z .'-]+$/);
	});

	it('starts the time of an adverse event at now and refuses one in the future next to the field', async () => {
		await page.getByText('Record an adverse event').click();
		const field = page.locator('#field-ae-occurredAt');
		const now = await field.inputValue();
		expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
		expect(await field.getAttribute('max')).toBe(now);
		await page.locator('#field-ae-kind').selectOption('bruising');
		await page.locator('#field-ae-severity').selectOption('mild');
		await page.locator('#field-ae-outcome').selectOption('resolving');
		await field.fill(shifted(now, 24 * 60));
		await submit(page, 'Record the event');
		expect(await page.locator('#field-ae-occurredAt-error').textContent()).toBe('The time it happened is later than now.');
		expect(await page.locator('#field-ae-occurredAt').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByTestId('adverse-event').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('records an event from earlier and shows when it happened beside when it was recorded', async () => {
		// The refused form came back open, with what was typed.
		const field = page.locator('#field-ae-occurredAt');
		await field.fill(shifted(await field.getAttribute('max').then((max) => max!), -30));
		await page.locator('#field-ae-kind').selectOption('bruising');
		await page.locator('#field-ae-severity').selectOption('mild');
		await page.locator('#field-ae-outcome').selectOption('resolving');
		await submit(page, 'Record the event');
		expect(await page.getByRole('status').first().textContent()).toContain('The adverse event is recorded.');
		expect(await page.getByTestId('adverse-event').textContent()).toMatch(/Happened .+, recorded .+ by /);
		expect(await axeViolations(page)).toEqual([]);
	});
});
