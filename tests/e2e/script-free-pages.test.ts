import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { staffCookie } from '../support/staff-session';

/*
 * Lean pages (issue #21): a page without a script has no component in the browser build
 * (vite-plugin-script-free-pages.ts). Should the router of a page with a script reach one, here an
 * enhanced form of the session record redirected to sign-in because the staff session ended, the
 * page is loaded whole from the server, styled as ever, with nothing reported in the console.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let cookie = '';
let browser: Browser;

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A session record to open: the demo's open session (its link is on every console page), else any of 佐藤 健's. */
async function sessionPath(): Promise<string> {
	const pattern = /href="(\/staff\/patients\/[0-9a-f-]{36}\/sessions\/[0-9a-f-]{36})"/;
	const dashboard = await (await fetch(`${base}/staff`, { headers: { cookie } })).text();
	const open = pattern.exec(dashboard);
	if (open) return open[1]!;
	const register = await (await fetch(`${base}/staff/patients?q=${encodeURIComponent('さとう')}`, { headers: { cookie } })).text();
	const chart = /<a href="(\/staff\/patients\/[0-9a-f-]{36})">佐藤 健</.exec(register)![1]!;
	const sessions = await (await fetch(`${base}${chart}/sessions`, { headers: { cookie } })).text();
	return pattern.exec(sessions)![1]!;
}

describe('a page without a script, reached by the router of one with a script', () => {
	it('is loaded whole from the server', async () => {
		const path = await sessionPath();
		const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
		await context.addCookies([{ name: cookie.slice(0, cookie.indexOf('=')), value: cookie.slice(cookie.indexOf('=') + 1), url: base }]);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		await page.goto(`${base}${path}`);
		await page.waitForSelector('main[data-hydrated="true"]');
		// A mark on this document: a page rendered by the router would keep it, a page loaded whole has none.
		await page.evaluate(() => Object.assign(window, { stillTheRecord: true }));
		await context.clearCookies();
		const loaded = page.waitForEvent('load');
		await page.locator('form[action^="?/notes"] button[type="submit"]').click();
		await loaded;
		await page.waitForURL(`${base}/staff/login?next=${encodeURIComponent(path)}`);
		expect(await page.evaluate(() => 'stillTheRecord' in window)).toBe(false);
		expect(await page.locator('input[type="password"]').count()).toBe(1);
		// The page's own stylesheet came with it.
		const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? '').filter((href) => href.includes('/_app/immutable/assets/')));
		expect(sheets.length).toBeGreaterThan(0);
		expect(await page.locator('script[src], link[rel="modulepreload"]').count()).toBe(0);
		expect(errors.filter((e) => !/status of (401|403)/.test(e))).toEqual([]);
		await context.close();
	});
});
