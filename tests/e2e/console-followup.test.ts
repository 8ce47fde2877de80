import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/* Issue #22, follow-ups: resizing a visit in the schedule's calendar, and a calendar assistive technology reads. */

const base = inject('baseUrl');
const passwords = inject('demoPasswords');

const LAPTOP = { width: 1366, height: 768 };
/** A Monday (open 09:00–12:30, 14:30–19:30) far enough ahead to be this file's alone. */
const DAY = weekdayAhead(140, 1);
const suffix = Math.random().toString(36).slice(2, 8);
const SLOT_HEIGHT = 26;

let browser: Browser;
let cookie = '';
let satoId = '';
let followUpId = '';
const consoleErrors: string[] = [];

beforeAll(async () => {
	cookie = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	satoId = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id;
	followUpId = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

async function signedIn(): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: LAPTOP });
	const split = cookie.indexOf('=');
	await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
	const page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
	return { context, page };
}

async function book(givenName: string, time: string) {
	const response = await browserFormPost(
		base,
		`/en/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			familyName: 'Resize',
			givenName,
			phone: '090-1212-5656',
			email: '',
			serviceId: followUpId,
			practitionerId: satoId,
			bedId: '',
			date: DAY,
			time,
			source: 'staff'
		},
		cookie
	);
	expect(response.status).toBe(200);
}

async function openCalendar(page: Page) {
	await page.goto(`${base}/en/staff/schedule?date=${DAY}`);
	await page.locator('[data-testid=schedule-calendar][data-ready=true] .ec-event').first().waitFor();
}

const eventOf = (page: Page, name: string) => page.locator('[data-testid=schedule-calendar] .ec-event', { hasText: name });

/** Drags the bottom edge of `name`'s event by `minutes` (a whole number of 5-minute steps). */
async function resize(page: Page, name: string, minutes: number) {
	await page.getByTestId('schedule-calendar').evaluate((e) => e.scrollIntoView({ block: 'start' }));
	const event = eventOf(page, name);
	await event.hover();
	const handle = (await event.locator('.ec-resizer').boundingBox())!;
	const x = handle.x + handle.width / 2;
	const y = handle.y + handle.height / 2;
	await page.mouse.move(x, y);
	await page.mouse.down();
	const dy = (minutes / 30) * SLOT_HEIGHT;
	for (let step = 1; step <= 10; step++) await page.mouse.move(x, y + (dy * step) / 10);
	await page.mouse.up();
}

/** The visit's times as the desk list shows them after a reload ("09:00–10:15"). */
async function listedTimes(name: string): Promise<string> {
	const html = await (await fetch(`${base}/en/staff/schedule?date=${DAY}`, { headers: { cookie } })).text();
	const row = html.split('<tr').find((r) => r.includes(name));
	expect(row, `no desk row for ${name}`).toBeDefined();
	return /(\d\d:\d\d)–(\d\d:\d\d)/.exec(row!)![0];
}

describe('resizing a visit in the calendar (1366×768)', () => {
	const first = `Long${suffix}`;
	const next = `Next${suffix}`;

	it('lengthens a visit after the server agreed, and the new end is still there after a reload', async () => {
		await book(first, '09:00');
		await book(next, '11:00');
		expect(await listedTimes(first)).toBe('09:00–09:45');
		const { context, page } = await signedIn();
		await openCalendar(page);
		await resize(page, first, 30);
		const dialog = page.getByTestId('calendar-confirm');
		await dialog.waitFor();
		expect(await dialog.textContent()).toContain('09:00–10:15');
		await dialog.getByRole('button', { name: 'Change' }).click();
		await page.getByTestId('calendar-notice').waitFor();
		expect(await page.getByTestId('calendar-notice').textContent()).toContain('10:15');
		expect(await listedTimes(first)).toBe('09:00–10:15');
		await openCalendar(page);
		expect(await eventOf(page, first).textContent()).toContain('10:15');
		await context.close();
	});

	it('refuses a resize into the next visit before anything is written, names it, and puts the event back', async () => {
		const { context, page } = await signedIn();
		await openCalendar(page);
		const before = (await eventOf(page, first).boundingBox())!.height;
		await resize(page, first, 60);
		const problem = page.getByTestId('calendar-problem');
		await problem.waitFor();
		expect(await problem.textContent()).toMatch(/Cannot change the time: .*Next/);
		await expect.poll(async () => (await eventOf(page, first).boundingBox())!.height).toBeCloseTo(before, 0);
		expect(await page.getByTestId('calendar-confirm').count()).toBe(0);
		expect(await listedTimes(first)).toBe('09:00–10:15');
		await context.close();
	});
});

describe('the calendar for assistive technology', () => {
	it('is not hidden, names each event as a focusable button, and axe finds nothing with events on it', async () => {
		const { context, page } = await signedIn();
		await openCalendar(page);
		const calendar = page.getByTestId('schedule-calendar');
		expect(await calendar.getAttribute('aria-hidden')).toBeNull();
		const event = page.getByRole('button', { name: new RegExp(`09:00.*Long${suffix}.*Booked, [^)]*Sato`) });
		expect(await event.evaluate((e) => e.tagName)).toBe('BUTTON');
		expect(await axeViolations(page)).toEqual([]);
		// Enter on an event leads to its row in the desk list, where the forms act on it.
		await event.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^appt-/);
		expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(`Long${suffix}`);
		await context.close();
	});

	it('passes axe on the week with the calendar rendered', async () => {
		const { context, page } = await signedIn();
		await page.goto(`${base}/en/staff/schedule/week?date=${DAY}`);
		await page.locator('[data-testid=schedule-calendar][data-ready=true] .ec-event').first().waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});

	it('loaded every page without a console error', () => {
		expect(consoleErrors).toEqual([]);
	});
});
