import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/*
 * Issue #17 at the desk, without JavaScript: a series from the chart whose second visit is taken
 * (the preview shows it with the nearest free time, then books all four at once), and a new
 * patient's online booking that waits for the desk's approval while its time stays held.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');
// Days no other browser test books: a Thursday 22 weeks ahead for the series (the desk has no
// horizon), a Saturday 12 weeks ahead for the online booking (inside the 90-day horizon).
const SERIES_DAY = weekdayAhead(154, 4);
const ONLINE_DAY = weekdayAhead(84, 6);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let reception = '';
let owner = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let followId = '';
let seriesUrl = '';

async function submit(page: Page, name: string) {
	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()]);
}

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	owner = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
	const services = await (await fetch(`${base}/api/v1/services`)).json();
	followId = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 390, height: 844 } });
	const [name, value] = [reception.slice(0, reception.indexOf('=')), reception.slice(reception.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: base }]);
	page = await context.newPage();
});

afterAll(async () => {
	// The shared server goes back to the clinic's defaults for the tests that follow.
	if (owner) await browserFormPost(base, '/staff/booking-controls?/controls', { maxUpcomingVisits: '0' }, owner);
	await browser?.close();
});

describe('a series from the plan', () => {
	it('shows the one taken visit with the nearest free time, then books the series in one step', async () => {
		const register = await fetch(`${base}/staff/patients?q=${encodeURIComponent('すずき')}`, { headers: { cookie: reception } });
		const chart = /<a href="(\/staff\/patients\/[0-9a-f-]{36})">鈴木 一郎</.exec(await register.text())![1]!;
		await page.goto(`${base}${chart}/series`);
		const practitionerId = await page.locator('select[name="practitionerId"] option').first().getAttribute('value');
		// Someone else takes the second Thursday at 10:00 with the same practitioner.
		const taken = await browserFormPost(
			base,
			`/staff/schedule?date=${addDays(SERIES_DAY, 7)}&/create`,
			{
				patientId: chart.split('/').pop()!,
				serviceId: followId,
				practitionerId: practitionerId!,
				date: addDays(SERIES_DAY, 7),
				time: '10:00',
				source: 'staff'
			},
			reception
		);
		expect(taken.status).toBeLessThan(400);

		await page.selectOption('select[name="serviceId"]', followId);
		await page.selectOption('select[name="practitionerId"]', practitionerId!);
		await page.fill('input[name="firstDate"]', SERIES_DAY);
		await page.fill('input[name="time"]', '10:00');
		await page.fill('input[name="count"]', '4');
		await page.fill('input[name="frequencyPerWeek"]', '1');
		await submit(page, '空き状況を確認する');
		const rows = page.locator('tr[data-visit]');
		expect(await rows.count()).toBe(4);
		expect(await rows.nth(0).textContent()).toContain('空きあり');
		expect(await rows.nth(1).textContent()).toContain('この時間は埋まっています');
		expect(await rows.nth(1).textContent()).toContain('近い空き');
		expect(await rows.nth(2).textContent()).toContain('空きあり');
		expect(await axeViolations(page)).toEqual([]);

		await submit(page, '4件をまとめて予約する');
		expect(page.url()).toMatch(/\/staff\/series\/[0-9a-f-]{36}\?booked=4$/);
		seriesUrl = page.url().replace(/\?.*$/, '');
		expect(await page.getByRole('status').textContent()).toContain('4件の予約を取りました');
		expect(await page.locator('ol.visits > li').count()).toBe(4);
		expect(await axeViolations(page)).toEqual([]);

		// The schedule of the last Thursday shows the visit as the last of its series.
		await page.goto(`${base}/staff/schedule?date=${addDays(SERIES_DAY, 21)}`);
		const onDay = page.locator('[data-series-visit]');
		expect(await onDay.first().textContent()).toContain('4/4回目');
		expect(await onDay.first().textContent()).toContain('まもなく終了');
	});

	it('cancels "this and the following" from the series page', async () => {
		await page.goto(seriesUrl);
		const third = page.locator('ol.visits > li').nth(2);
		await Promise.all([page.waitForEvent('load'), third.getByRole('button', { name: 'この回以降を取り消す' }).click()]);
		expect(await page.getByRole('status').textContent()).toContain('2件を取り消しました');
		expect(await page.locator('ol.visits > li').nth(3).textContent()).toContain('キャンセル');
	});
});

describe('approval of a new patient’s online booking', () => {
	it('holds the time while pending and confirms it when the desk approves', async () => {
		const on = await browserFormPost(base, '/staff/booking-controls?/controls', { approveNewPatients: 'on', maxUpcomingVisits: '0' }, owner);
		expect(on.status).toBe(200);
		const availability = await (await fetch(`${base}/api/v1/availability?service=${followId}&from=${ONLINE_DAY}&to=${ONLINE_DAY}`)).json();
		const slot = availability.slots[2];
		const booking = await fetch(`${base}/api/v1/bookings`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				serviceId: followId,
				practitionerId: slot.practitionerId,
				start: slot.start,
				locale: 'ja',
				patient: { familyName: '新規', givenName: '承認', email: 'approval-e2e@example.jp', phone: '090-5555-0017' },
				consent: { privacy: true }
			})
		});
		expect(booking.status).toBe(201);
		const created = await booking.json();
		expect(created.status).toBe('pending_approval');
		const after = await (
			await fetch(`${base}/api/v1/availability?service=${followId}&from=${ONLINE_DAY}&to=${ONLINE_DAY}&practitioner=${slot.practitionerId}`)
		).json();
		expect(after.slots.some((s: { start: string }) => s.start === slot.start)).toBe(false);
		// Shown as pending, without JavaScript: the patient's manage page in both languages, the staff schedule.
		const managePath = new URL(created.manageUrl).pathname.replace(/^\/(en|ja)\//, '/');
		const manage = async (prefix: string) => await (await fetch(`${base}${prefix}${managePath}`)).text();
		expect(await manage('')).toContain('このご予約は医院の確認待ちです');
		expect(await manage('/en')).toContain('This booking is awaiting the clinic’s confirmation');
		const schedule = await (await fetch(`${base}/staff/schedule?date=${ONLINE_DAY}`, { headers: { cookie: reception } })).text();
		expect(schedule).toMatch(/data-testid="pending-mark"[^>]*>承認待ち</);

		await page.goto(`${base}/staff/booking-requests`);
		const row = page.locator(`tr[data-request="${created.id}"]`);
		expect(await row.textContent()).toContain('新規 承認');
		expect(await axeViolations(page)).toEqual([]);
		await Promise.all([page.waitForEvent('load'), row.getByRole('button', { name: '承認する' }).click()]);
		expect(await page.getByRole('status').textContent()).toContain('新規 承認 様の予約を承認しました');
		expect(await page.locator(`tr[data-request="${created.id}"]`).count()).toBe(0);
		expect(await manage('')).not.toContain('確認待ち');
	});
});
