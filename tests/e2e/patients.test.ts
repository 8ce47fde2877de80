import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { staffCookie } from '../support/staff-session';
import { axeViolations, launchBrowser } from '../support/browser';

const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let cookie = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let yamadaPath = '';

async function searchHtml(q: string): Promise<string> {
	const response = await fetch(`${base}/staff/patients?q=${encodeURIComponent(q)}`, { headers: { cookie } });
	expect(response.status).toBe(200);
	return response.text();
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: base }]);
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

describe('the patient register', () => {
	it('finds 山田 花子 by her reading typed in hiragana and by her phone number without hyphens', async () => {
		for (const q of ['やまだ', '09000000001', '090-0000-0001']) {
			const html = await searchHtml(q);
			expect(html, q).toContain('山田 花子');
			expect(html, q).not.toContain('鈴木');
		}
		const link = /href="(\/staff\/patients\/[0-9a-f-]{36})"/.exec(await searchHtml('やまだ'));
		expect(link).not.toBeNull();
		yamadaPath = link![1]!;
	});

	it('finds nobody for a name not on the register', async () => {
		expect(await searchHtml('わたなべ')).toContain('該当する患者はいません。');
	});

	it('shows the search page without accessibility violations', async () => {
		await page.goto(`${base}/staff/patients`);
		await page.getByLabel('患者を検索').fill('やまだ');
		await page.getByRole('button', { name: '検索', exact: true }).click();
		await page.waitForURL(/q=/);
		await expect.poll(() => page.getByRole('link', { name: '山田 花子' }).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('opens the record with her appointments, without accessibility violations', async () => {
		await page.goto(`${base}${yamadaPath}`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('山田 花子');
		expect(await page.getByRole('heading', { name: '今後の予約' }).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('refuses a postal code that is not seven digits, next to the field', async () => {
		await page.getByLabel('郵便番号').fill('150-00');
		await page.getByRole('button', { name: '変更を保存' }).click();
		await expect.poll(() => page.locator('#field-postalCode-error').textContent()).toContain('7桁');
		expect(await page.getByLabel('郵便番号').getAttribute('aria-invalid')).toBe('true');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('saves a valid change', async () => {
		await page.goto(`${base}${yamadaPath}`);
		await page.getByLabel('郵便番号').fill('１５００００１');
		await page.getByLabel('住所').fill('東京都渋谷区神宮前1-1-1');
		await page.getByRole('button', { name: '変更を保存' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('変更を保存しました。');
		const html = await (await fetch(`${base}${yamadaPath}`, { headers: { cookie } })).text();
		expect(html).toContain('〒150-0001 東京都渋谷区神宮前1-1-1');
	});

	it('sends an anonymous visitor to sign in', async () => {
		for (const path of ['/staff/patients?q=%E3%82%84%E3%81%BE%E3%81%A0', yamadaPath]) {
			const response = await fetch(`${base}${path}`, { redirect: 'manual' });
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location'), path).toMatch(/^\/staff\/login\?next=/);
		}
	});
});
