import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { waitForMail } from '../support/mailbox';
import { staffCookie } from '../support/staff-session';

/* Issue #22, the desk: the console's own frame, today's dashboard, and the schedule's calendar. */

const base = inject('baseUrl');
const passwords = inject('demoPasswords');
const mailDir = inject('mailDir');

const LAPTOP = { width: 1366, height: 768 };
const TABLET = { width: 820, height: 1180 };
/** Mondays (open 09:00–12:30, 14:30–19:30) far enough ahead to be this file's alone. */
const DAYS = { laptop: weekdayAhead(119, 1), tablet: weekdayAhead(126, 1), noScript: weekdayAhead(133, 1) };
const suffix = Math.random().toString(36).slice(2, 8);
const SLOT_HEIGHT = 26;
const DAY_STARTS = 9 * 60;

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

async function signedIn(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport, javaScriptEnabled });
	const split = cookie.indexOf('=');
	await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
	const page = await context.newPage();
	// Any Content-Security-Policy refusal or script error fails the file (checked in the last test).
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
	return { context, page };
}

async function openCalendar(page: Page, date: string) {
	await page.goto(`${base}/en/staff/schedule?date=${date}`);
	await page.locator('[data-testid=schedule-calendar][data-ready=true] .ec-event, [data-testid=schedule-calendar][data-ready=true] .ec-body').first().waitFor();
}

/** The body column of the practitioner whose header names `name`. */
async function columnOf(page: Page, name: string) {
	const heads = await page.locator('[data-testid=schedule-calendar] .ec-header .ec-col-head').allTextContents();
	const index = heads.findIndex((h) => h.includes(name));
	expect(index, `no column for ${name} in ${heads.join(' | ')}`).toBeGreaterThanOrEqual(0);
	return page.locator('[data-testid=schedule-calendar] .ec-body .ec-day').nth(index);
}

/** The point of a clinic-local time within a day column (the grid starts at 09:00, 26 px per half hour). */
const yOf = (time: string) => ((Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) - DAY_STARTS) / 30) * SLOT_HEIGHT + 3;

async function bookBySlot(page: Page, date: string, time: string, person: { familyName: string; givenName: string; email: string }) {
	const column = await columnOf(page, 'Sato');
	await column.click({ position: { x: 12, y: yOf(time) } });
	expect(await page.locator('#create-date').inputValue()).toBe(date);
	expect(await page.locator('#create-time').inputValue()).toBe(time);
	expect(await page.locator('#create-practitioner').inputValue()).toBe(satoId);
	await page.locator('#create-family').fill(person.familyName);
	await page.locator('#create-given').fill(person.givenName);
	await page.locator('#create-phone').fill('090-2222-3333');
	await page.locator('#create-email').fill(person.email);
	await page.locator('#create-service').selectOption(followUpId);
	await page.getByRole('button', { name: 'Book', exact: true }).click();
	await page
		.getByRole('status')
		.filter({ hasText: `${person.givenName} ${person.familyName}` })
		.waitFor();
}

/** Drags the event of `name` from `fromTime` to `toTime` in its column (a whole number of 5-minute steps). */
async function drag(page: Page, name: string, fromTime: string, toTime: string) {
	await page.getByTestId('schedule-calendar').evaluate((e) => e.scrollIntoView({ block: 'start' }));
	const event = page.locator('[data-testid=schedule-calendar] .ec-event', { hasText: name });
	const from = (await event.boundingBox())!;
	const startX = from.x + from.width / 2;
	const startY = from.y + 6;
	await page.mouse.move(startX, startY);
	await page.mouse.down();
	const targetY = startY + yOf(toTime) - yOf(fromTime);
	for (let step = 1; step <= 10; step++) await page.mouse.move(startX, startY + ((targetY - startY) * step) / 10);
	await page.mouse.up();
}

describe('the console frame and the dashboard', () => {
	it('frames staff pages with the console bar on one line at 1366 px, without the public header or footer', async () => {
		const { context, page } = await signedIn(LAPTOP);
		await page.goto(`${base}/en/staff`);
		const bar = page.getByTestId('console-header');
		expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(60);
		expect(await page.locator('footer').count()).toBe(0);
		expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
		await page.getByText('More', { exact: true }).click();
		expect(await page.locator('[data-testid=console-header] details').getAttribute('open')).not.toBeNull();
		await page.goto(`${base}/en/`);
		expect(await page.locator('footer').count()).toBe(1);
		await context.close();
	});

	it("shows today's desk, and axe finds nothing on it", async () => {
		const { context, page } = await signedIn(LAPTOP);
		await page.goto(`${base}/en/staff`);
		await page.getByRole('heading', { name: "Today's patients" }).waitFor();
		for (const heading of ['To greet', 'To charge', 'Alerts', "Tomorrow's unconfirmed visits"]) await page.getByRole('heading', { name: heading }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('the schedule calendar', () => {
	for (const [label, viewport, date] of [
		['laptop', LAPTOP, DAYS.laptop],
		['tablet', TABLET, DAYS.tablet]
	] as const) {
		it(`on a ${label}: fits the day, books by a click on an empty slot and moves by a drag, mailing the patient`, async () => {
			const { context, page } = await signedIn(viewport);
			await openCalendar(page, date);
			const calendar = (await page.getByTestId('schedule-calendar').boundingBox())!;
			// The working day on one screen: the calendar is shorter than the window.
			expect(calendar.height).toBeLessThan(viewport.height - 120);
			expect(await axeViolations(page)).toEqual([]);

			const person = { familyName: 'Desk', givenName: `${label}${suffix}`, email: `desk-${label}-${suffix}@example.jp` };
			await bookBySlot(page, date, '15:00', person);
			const confirmation = await waitForMail(mailDir, person.email);
			expect(confirmation.text).toContain(person.givenName);

			await openCalendar(page, date);
			await drag(page, person.givenName, '15:00', '16:30');
			const dialog = page.getByTestId('calendar-confirm');
			await dialog.waitFor();
			expect(await dialog.textContent()).toContain('to ');
			await dialog.getByRole('button', { name: 'Move' }).click();
			await page.getByTestId('calendar-notice').waitFor();
			expect(await page.getByTestId('calendar-notice').textContent()).toContain('16:30');
			// With appointments on it, too.
			expect(await axeViolations(page)).toEqual([]);

			const moved = await waitForMail(mailDir, person.email, (m) => (m.subject ?? '').includes('変更'));
			expect(moved.text).toContain(person.givenName);
			expect(moved.text).toMatch(/変更前: .*15:00/);
			expect(moved.text).toMatch(/変更後: .*16:30/);
			expect(moved.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

			// A drop onto the 16:30 visit is refused before anything is written, and the event goes back.
			const other = { familyName: 'Other', givenName: `${label}${suffix}b`, email: `other-${label}-${suffix}@example.jp` };
			await openCalendar(page, date);
			await bookBySlot(page, date, '10:00', other);
			await openCalendar(page, date);
			await drag(page, other.givenName, '10:00', '16:30');
			await page.getByTestId('calendar-problem').waitFor();
			expect(await page.getByTestId('calendar-problem').textContent()).toContain(person.givenName);
			const day = await (await fetch(`${base}/en/staff/schedule?date=${date}`, { headers: { cookie } })).text();
			expect(day).toMatch(new RegExp(`10:00[^<]*</[^>]+>[\\s\\S]{0,400}${other.givenName}|${other.givenName}[\\s\\S]{0,400}10:00`));
			await context.close();
		});
	}

	it('moves by the form with JavaScript off, keeping the server grid, and mails the patient what moved', async () => {
		const created = await browserFormPost(
			base,
			`/en/staff/schedule?date=${DAYS.noScript}&/create`,
			{
				patientId: 'new',
				familyName: 'Form',
				givenName: `Mover${suffix}`,
				phone: '090-1212-3434',
				email: `form-${suffix}@example.jp`,
				serviceId: followUpId,
				practitionerId: satoId,
				bedId: '',
				date: DAYS.noScript,
				time: '09:00',
				source: 'staff'
			},
			cookie
		);
		expect(created.status).toBe(200);
		const { context, page } = await signedIn(LAPTOP, false);
		await page.goto(`${base}/en/staff/schedule?date=${DAYS.noScript}`);
		expect(await page.locator('table.day-grid').isVisible()).toBe(true);
		const option = page.locator('#move-which option', { hasText: `Mover${suffix}` });
		await page.locator('#move-which').selectOption((await option.getAttribute('value'))!);
		await page.locator('#move-time').fill('11:00');
		await page.locator('#move button[type=submit]').click();
		await page.getByRole('status').filter({ hasText: '11:00' }).waitFor();
		// The patient's language is Japanese until they choose another.
		const mail = await waitForMail(mailDir, `form-${suffix}@example.jp`, (m) => (m.subject ?? '').includes('変更'));
		expect(mail.text).toContain(`Mover${suffix}`);
		expect(mail.text).toMatch(/変更前: .*9:00/);
		expect(mail.text).toMatch(/変更後: .*11:00/);
		await context.close();
	});

	it('shows the week in the calendar over the week table, and axe finds nothing on it', async () => {
		const { context, page } = await signedIn(LAPTOP);
		await page.goto(`${base}/en/staff/schedule/week?date=${DAYS.laptop}`);
		await page.locator('[data-testid=schedule-calendar][data-ready=true] .ec-body').waitFor();
		expect(await page.locator('[data-testid=schedule-calendar] .ec-event', { hasText: `laptop${suffix} ` }).count()).toBeGreaterThan(0);
		expect(await page.locator('table').first().isVisible()).toBe(false);
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});

	it('loaded every page without a console error (no Content-Security-Policy refusal)', () => {
		expect(consoleErrors).toEqual([]);
	});
});
