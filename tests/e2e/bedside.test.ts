import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { signConsentsAtDesk } from '../support/desk-consents';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { submitAndSettle } from '../support/session-page';
import { staffCookie } from '../support/staff-session';
import { enterIntakeAsStaff } from '../support/staff-intake';

/*
 * At the bed on an 820×1180 tablet (issue #22): the session record saves in place. Ten taps on the
 * needle counter leave the page where it is, a plan point copied into the session is completed in
 * place, and without JavaScript each form comes back to its own section.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');
const TABLET = { width: 820, height: 1180 };
/** A Thursday about nineteen weeks ahead, this file's own. */
const DAY = weekdayAhead(133, 4);
const PATIENT = { familyName: '森', givenName: 'ひかり', familyNameKana: 'もり', givenNameKana: 'ひかり', phone: '090-2468-1357' };

let cookie = '';
let browser: Browser;
let chart = '';
let recordUrl = '';

async function bookPatient(): Promise<string> {
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	const created = await browserFormPost(
		base,
		`/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			...PATIENT,
			serviceId: services.find((s: { code: string }) => s.code === 'FOLLOW').id,
			practitionerId: practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id,
			bedId: '',
			date: DAY,
			time: '11:00',
			source: 'walk_in'
		},
		cookie
	);
	expect(created.status).toBe(200);
	const day = await (await fetch(`${base}/staff/schedule?date=${DAY}`, { headers: { cookie } })).text();
	const name = `${PATIENT.familyName} ${PATIENT.givenName}`;
	const link = new RegExp(`href="(/staff/patients/[0-9a-f-]{36})"><strong>${name}<`).exec(day);
	expect(link, `${name} is on the schedule`).not.toBeNull();
	await signConsentsAtDesk(base, cookie, link![1]!, name);
	return link![1]!;
}

async function signedIn(javaScriptEnabled = true): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: TABLET, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', javaScriptEnabled });
	await context.addCookies([{ name: cookie.slice(0, cookie.indexOf('=')), value: cookie.slice(cookie.indexOf('=') + 1), url: base }]);
	return context;
}

/** A mark on the window: a reload or a navigation would wipe it. */
const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { bedsideMark: 'still here' }));
const windowMark = (page: Page) => page.evaluate(() => (window as unknown as { bedsideMark?: string }).bedsideMark);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	chart = await bookPatient();
	await enterIntakeAsStaff(base, cookie, chart);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the session record at the bed, on an 820×1180 tablet', () => {
	it('copies the plan’s points into a new session and completes one in place', async () => {
		const context = await signedIn();
		const page = await context.newPage();
		await page.goto(`${base}${chart}/plan`);
		for (const box of await page.locator('input[type="checkbox"][name^="deep."]').all()) {
			if (await box.isChecked()) await box.uncheck();
		}
		if (await page.locator('#field-electroacupuncture').isChecked()) await page.locator('#field-electroacupuncture').uncheck();
		await page.getByRole('button', { name: '施術計画を保存' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('施術計画を保存しました。');

		await page.goto(`${base}${chart}/sessions`);
		await Promise.all([page.waitForURL(/\/sessions\/[0-9a-f-]{36}/), page.getByRole('button', { name: '施術を開始する' }).first().click()]);
		await page.waitForSelector('main[data-hydrated="true"]');
		recordUrl = page.url().replace(/\?.*$/, '');
		const rows = page.getByTestId('points-table').locator('tbody tr');
		const count = await rows.count();
		expect(count, 'the plan’s points were copied').toBeGreaterThan(0);

		const row = rows.first();
		const details = row.locator('details.edit');
		await details.locator('summary').click();
		const form = details.locator('form');
		await form.locator('select[name="gauge"]').selectOption('3');
		await form.locator('select[name="lengthMm"]').selectOption('40');
		await form.locator('input[name="depthMm"]').fill('20');
		await form.locator('select[name="technique"]').selectOption('retention');
		await form.locator('select[name="deqi"]').selectOption('mild');
		const save = form.getByRole('button', { name: 'この経穴の詳細を保存' });
		await save.scrollIntoViewIfNeeded();
		await markWindow(page);
		const before = await scrollY(page);
		await submitAndSettle(page, save);
		expect(await page.locator('[role="alert"], .field-error').allTextContents(), 'nothing refused').toEqual([]);
		expect(await rows.count(), 'completed in place, not added again').toBe(count);
		const cells = rows.first().locator('> td');
		expect(await cells.nth(1).textContent()).toBe('3番');
		expect(await cells.nth(2).textContent()).toBe('40 mm');
		expect(await cells.nth(3).textContent()).toContain('20 mm');
		expect(await cells.nth(4).textContent()).toBe('置鍼');
		expect(await windowMark(page)).toBe('still here');
		expect(await scrollY(page)).toBe(before);
		expect(await page.getByTestId('saved-notice').textContent()).toContain('保存しました。');
		expect(await axeViolations(page)).toEqual([]);

		// Stored, not only shown: the record as the server renders it afresh.
		const html = await (await fetch(recordUrl, { headers: { cookie } })).text();
		expect(html).toContain('3番');
		await context.close();
	});

	it('counts ten needles in with ten taps while the page stays where it is', async () => {
		const context = await signedIn();
		const page = await context.newPage();
		await page.goto(recordUrl);
		await page.waitForSelector('main[data-hydrated="true"]');
		const plus = page.getByRole('button', { name: '刺入本数を1本増やす' });
		await plus.scrollIntoViewIfNeeded();
		await page.evaluate(() => window.scrollBy(0, 200));
		const before = await scrollY(page);
		expect(before, 'the counter is below the top of the page').toBeGreaterThan(0);
		await markWindow(page);
		for (let tap = 1; tap <= 10; tap++) {
			await submitAndSettle(page, plus);
			expect(await scrollY(page), `after tap ${tap}`).toBe(before);
		}
		expect(await page.getByTestId('needles-in').textContent()).toContain('10本');
		expect(await windowMark(page), 'no reload, no navigation').toBe('still here');
		expect(page.url()).toBe(recordUrl);
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('刺入本数を1本増やす');
		await context.close();
	});

	it('without JavaScript, a tap posts the form and comes back to the needle counter', async () => {
		const context = await signedIn(false);
		const page = await context.newPage();
		await page.goto(recordUrl);
		const minus = page.getByRole('button', { name: '刺入本数を1本減らす' });
		await Promise.all([page.waitForEvent('load'), minus.click()]);
		expect(new URL(page.url()).hash).toBe('#needles-heading');
		expect(await page.getByTestId('needles-in').textContent()).toContain('9本');
		expect(await scrollY(page), 'the page opens at the counter, not at the top').toBeGreaterThan(0);
		const heading = await page.locator('#needles-heading').boundingBox();
		expect(heading!.y).toBeLessThan(TABLET.height / 2);
		await context.close();
	});
});
