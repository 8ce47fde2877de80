import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitForMail } from '../support/mailbox';
import { staffCookie } from '../support/staff-session';
import { axeViolations, launchBrowser } from '../support/browser';

const base = inject('baseUrl');
const mailDir = inject('mailDir');
const passwords = inject('demoPasswords');

let cookie = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let aftercarePath = '';

/** The demo patient 山田 花子's record path, found through the register as a practitioner. */
async function yamadaRecordPath(): Promise<string> {
	const response = await fetch(`${base}/staff/patients?q=${encodeURIComponent('やまだ')}`, { headers: { cookie } });
	expect(response.status).toBe(200);
	const link = /href="(\/staff\/patients\/[0-9a-f-]{36})"/.exec(await response.text());
	expect(link).not.toBeNull();
	return link![1]!;
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	browser = await launchBrowser();
	// A phone-sized window: the console is used at the bedside too.
	context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: base }]);
	page = await context.newPage();
	aftercarePath = `${await yamadaRecordPath()}/aftercare`;
});
afterAll(async () => {
	await browser?.close();
});

describe('aftercare notes in the console', () => {
	it('opens the aftercare page for a demo patient without accessibility violations', async () => {
		await page.goto(`${base}${aftercarePath}`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('山田 花子');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('refuses an empty note next to the field, and keeps nothing', async () => {
		await page.getByRole('button', { name: 'メモを保存' }).click();
		await expect.poll(() => page.locator('#field-body-error').textContent()).toContain('定型のアドバイスを選ぶか、メモを書いてください。');
		expect(await page.getByLabel('追加のメモ（任意）').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByRole('link', { name: /追加のメモ/ }).getAttribute('href')).toBe('#field-body');
		expect(await page.getByTestId('aftercare-note').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('saves a note shared with the patient and lists it', async () => {
		const note = `お風呂上がりに太ももの裏をゆっくり30秒伸ばしましょう（${Date.now()}）`;
		await page.goto(`${base}${aftercarePath}`);
		await page.getByLabel('追加のメモ（任意）').fill(note);
		await page.getByLabel('患者さんのポータルに表示する').check();
		await page.getByRole('button', { name: 'メモを保存' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('メモを保存しました。');
		const listed = page.getByTestId('aftercare-note').filter({ hasText: note });
		expect(await listed.count()).toBe(1);
		expect(await listed.textContent()).toContain('患者さんに共有');
		expect(await listed.textContent()).toContain('佐藤 美穂');
		// Reloading shows it again: it was stored, not only echoed back.
		const html = await (await fetch(`${base}${aftercarePath}`, { headers: { cookie } })).text();
		expect(html).toContain(note);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('ready-made aftercare advice', () => {
	it('composes the note from the chosen templates and tells the patient by e-mail with a portal link only', async () => {
		await page.goto(`${base}${aftercarePath}`);
		await page.getByLabel('だるさ・痛み').check();
		await page.getByLabel('散歩').check();
		await page.getByLabel('患者さんのポータルに表示する').check();
		await page.getByLabel(/患者さんにメールで知らせる/).check();
		await page.getByRole('button', { name: 'メモを保存' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('患者さんにメールで知らせました。');
		const listed = page.getByTestId('aftercare-note').filter({ hasText: '■ だるさ・痛み' });
		expect(await listed.count()).toBe(1);
		expect(await listed.textContent()).toContain('■ 散歩');
		const mail = await waitForMail(mailDir, 'patient1@example.jp', (m) => (m.subject ?? '').includes('施術後のアドバイス'));
		expect(mail.text).toMatch(/\/portal\/auth\/[a-z2-7]+\?next=\/portal\/progress/);
		expect(mail.text).not.toContain('だるさ');
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('side-effect reports in the console', () => {
	it('loads the list for a practitioner without accessibility violations', async () => {
		await page.goto(`${base}/staff/side-effects`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('副作用の報告');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('is closed to reception, who has no clinical role', async () => {
		const desk = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
		for (const path of ['/staff/side-effects', aftercarePath]) {
			const response = await fetch(`${base}${path}`, { headers: { cookie: desk }, redirect: 'manual' });
			expect(response.status, path).toBe(403);
		}
	});

	it('sends an anonymous visitor to sign in', async () => {
		for (const path of ['/staff/side-effects', aftercarePath]) {
			const response = await fetch(`${base}${path}`, { redirect: 'manual' });
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location'), path).toMatch(/^\/staff\/login\?next=/);
		}
	});
});

describe('the portal pages', () => {
	it('send a visitor without a portal session to the portal sign-in', async () => {
		for (const path of ['/portal/check-in', '/portal/progress', '/portal/side-effects']) {
			const response = await fetch(`${base}${path}`, { redirect: 'manual' });
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location'), path).toMatch(/^\/portal\/login/);
		}
	});
});
