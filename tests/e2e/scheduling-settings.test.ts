import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { japaneseHoliday } from '../../src/lib/domain/clinic/holidays';
import { addDays, localDate, weekdayOf } from '../../src/lib/domain/time';
import { totpCodeAt } from '../../src/lib/server/auth/totp';
import { axeViolations, launchBrowser } from '../support/browser';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';

/*
 * The owner's scheduling settings, seen through the public availability API. This file starts a
 * server of its own: the shared server's demo owner is enrolled in TOTP by staff-sign-in.test.ts.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-scheduling-'));
let server: ServerProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	server = await startBuiltServer({ DATA_DIR: dataDir });
	browser = await launchBrowser();
	page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

const today = localDate(Date.now(), 'Asia/Tokyo');
/** The first day from `from` on that matches, within the demo clinic's 90-day horizon. */
function firstDay(from: number, matches: (date: string) => boolean): string {
	for (let offset = from; offset < 85; offset++) {
		const date = addDays(today, offset);
		if (matches(date)) return date;
	}
	throw new Error('no such day within the booking horizon');
}
// A working Monday past the demo appointments (the coming seven days), so its slots are all free.
const monday = firstDay(9, (d) => weekdayOf(d) === 1 && !japaneseHoliday(d));
// A public holiday on a weekday the demo clinic opens (not Wednesday or Sunday).
const holiday = firstDay(2, (d) => japaneseHoliday(d) !== null && ![0, 3].includes(weekdayOf(d)));

let followUpId = '';
async function slotTimes(date: string): Promise<string[]> {
	const response = await fetch(`${server.baseUrl}/api/v1/availability?service=${followUpId}&from=${date}&to=${date}`);
	expect(response.status).toBe(200);
	const body = (await response.json()) as { slots: Array<{ start: string }> };
	return [...new Set(body.slots.map((s) => s.start.slice(11, 16)))].sort();
}

describe('the owner changes when the clinic can be booked', () => {
	it('signs in with a new authenticator app', async () => {
		const services = (await (await fetch(`${server.baseUrl}/api/v1/services`)).json()) as Array<{ id: string; code: string }>;
		followUpId = services.find((s) => s.code === 'FOLLOW')!.id;
		const password = demoPasswordsFrom(server.output())['owner@example.jp']!;
		await page.goto(`${server.baseUrl}/staff/login`);
		await page.getByLabel('メールアドレス').fill('owner@example.jp');
		await page.getByLabel('パスワード').fill(password);
		await page.getByRole('button', { name: 'ログイン' }).click();
		await page.waitForURL(`${server.baseUrl}/staff/account/totp`);
		await page.getByLabel('パスワード').fill(password);
		await page.getByRole('button', { name: 'キーを表示' }).click();
		const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
		await page.getByLabel('アプリに表示された6桁のコードを入力してください。').fill(totpCodeAt(secret, new Date()));
		await page.getByRole('button', { name: '設定を完了' }).click();
		await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
	});

	it("changes Monday's hours, and the public availability follows", async () => {
		expect((await slotTimes(monday))[0]).toBe('09:00');
		await page.goto(`${server.baseUrl}/staff/scheduling`);
		await page.locator('[name="hours-1-0-start"]').fill('10:00');
		await page.locator('[name="hours-1-0-end"]').fill('12:00');
		await page.locator('[name="hours-1-1-start"]').fill('');
		await page.locator('[name="hours-1-1-end"]').fill('');
		await page.getByRole('button', { name: '受付時間を保存' }).click();
		await expect.poll(() => page.locator('#hours [role="status"]').textContent()).toBe('保存しました。');
		// 45 minutes and a 10-minute buffer must end by 12:00.
		expect(await slotTimes(monday)).toEqual(['10:00', '10:15', '10:30', '10:45', '11:00']);
	});

	it('keeps what was typed and explains a half-filled period in Japanese', async () => {
		await page.locator('[name="hours-1-1-start"]').fill('13:00');
		await page.getByRole('button', { name: '受付時間を保存' }).click();
		await expect.poll(() => page.locator('#field-hours-1-1-end-error').textContent()).toBe('開始と終了の両方を入れるか、両方とも空欄にしてください。');
		expect(await page.locator('[name="hours-1-1-start"]').inputValue()).toBe('13:00');
		expect(await page.locator('[name="hours-1-0-start"]').inputValue()).toBe('10:00');
		expect(await page.locator('#hours [role="alert"]').textContent()).toBe('入力内容に問題があります。');
		expect(await slotTimes(monday)).toHaveLength(5);
	});

	it('closes a day, which then offers no slot, and opens it again', async () => {
		await page.goto(`${server.baseUrl}/staff/scheduling`);
		await page.getByLabel('休診日', { exact: true }).fill(monday);
		await page.getByLabel('理由（日本語・任意）').fill('研修のため');
		await page.getByRole('button', { name: '休診日を追加' }).click();
		await expect.poll(() => page.locator('#closures [role="status"]').first().textContent()).toContain('休診日にしました');
		expect(await slotTimes(monday)).toEqual([]);
		expect(await page.locator('#closures').textContent()).toContain('研修のため');

		await page.getByLabel('休診日', { exact: true }).fill(monday);
		await page.getByRole('button', { name: '休診日を追加' }).click();
		await expect.poll(() => page.locator('#field-closure-date-error').textContent()).toBe('この日はすでに休診日です。');

		await page
			.locator('#closures li')
			.filter({ hasText: '研修のため' })
			.getByRole('button', { name: /^取り消す/ })
			.click();
		await expect.poll(() => page.locator('#closures [role="status"]').first().textContent()).toBe('臨時休診を取り消しました。');
		expect(await slotTimes(monday)).toHaveLength(5);
	});

	it('opens a public holiday, which becomes bookable', async () => {
		expect(await slotTimes(holiday)).toEqual([]);
		await page.goto(`${server.baseUrl}/staff/scheduling`);
		const row = page.locator(`#holidays form:has(input[name="date"][value="${holiday}"])`);
		await row.getByRole('button').click();
		await expect.poll(() => page.locator('#holidays [role="status"]').first().textContent()).toContain('診療日になりました');
		expect((await slotTimes(holiday)).length).toBeGreaterThan(0);
		expect(await page.locator(`#holidays form:has(input[name="date"][value="${holiday}"]) button`).textContent()).toContain('休診に戻す');
	});

	it('is told plainly that moxibustion needs a きゅう師 licence', async () => {
		await page.goto(`${server.baseUrl}/en/staff/scheduling/practitioners`);
		await page.getByRole('link', { name: 'Ken Takahashi' }).click();
		await page.getByLabel(/^Moxibustion/).check();
		await page.getByRole('button', { name: 'Save services' }).click();
		await expect
			.poll(() => page.locator('#services [role="alert"]').textContent())
			.toContain('only a practitioner with a きゅう師 licence number can perform it');
		expect(await page.getByLabel(/^Moxibustion/).isChecked()).toBe(true);
	});

	it('writes a practitioner’s profile, and refuses a bio over 400 characters beside its field', async () => {
		await page.goto(`${server.baseUrl}/en/staff/scheduling/practitioners`);
		await page.getByRole('link', { name: 'Ken Takahashi' }).click();
		await page.getByLabel('Short bio (English)').fill('Licensed acupuncturist, speaks Korean.');
		await page.getByLabel('한국어').check();
		await page.getByRole('button', { name: 'Save profile' }).click();
		await expect.poll(() => page.locator('#profile').textContent()).toContain('Profile saved.');
		await page.reload();
		expect(await page.getByLabel('Short bio (English)').inputValue()).toBe('Licensed acupuncturist, speaks Korean.');
		expect(await page.getByLabel('한국어').isChecked()).toBe(true);
		// The browser stops at 400 characters; a client that does not is answered on the field.
		await page.locator('#field-bioEn').evaluate((el) => el.removeAttribute('maxlength'));
		await page.getByLabel('Short bio (English)').fill('x'.repeat(401));
		await page.getByRole('button', { name: 'Save profile' }).click();
		await expect.poll(() => page.locator('#field-bioEn').getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('#field-bioEn-error').textContent()).not.toBe('');
		expect(await page.getByLabel('한국어').isChecked()).toBe(true);
	});

	it('finds no accessibility violations on the scheduling pages', async () => {
		for (const path of ['/staff/scheduling', '/en/staff/scheduling', '/staff/scheduling/services', '/staff/scheduling/practitioners']) {
			await page.goto(`${server.baseUrl}${path}`);
			expect(await axeViolations(page), path).toEqual([]);
		}
		await page.getByRole('link', { name: '佐藤 美穂' }).click();
		expect(await axeViolations(page), 'practitioner page').toEqual([]);
	});
});
