import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../support/browser';
import { staffTotpCode } from '../support/staff-session';

const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchBrowser();
	page = await browser.newPage({ viewport: { width: 360, height: 640 } });
});
afterAll(async () => {
	await browser?.close();
});

async function expectNoViolations(path: string) {
	await page.goto(`${base}${path}`);
	expect(await axeViolations(page), path).toEqual([]);
	// Nothing runs sideways on a small phone.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe('accessibility (axe-core, WCAG 2.1 AA) on a 360 px phone', () => {
	for (const path of ['/', '/en', '/staff/login', '/en/staff/login', '/no-such-page', '/en/no-such-page']) {
		it(`finds no violations on ${path}`, () => expectNoViolations(path));
	}

	it('finds no violations in the console of a signed-in practitioner', async () => {
		await page.goto(`${base}/en/staff/login`);
		await page.getByLabel('Email address').fill('practitioner@example.jp');
		await page.getByLabel('Password').fill(passwords['practitioner@example.jp']!);
		const code = await staffTotpCode(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(`${base}/en/staff/login/totp`);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByLabel('Verification code').fill(code);
		await page.getByRole('button', { name: 'Verify' }).click();
		await page.waitForURL(`${base}/en/staff`);
		for (const path of ['/en/staff', '/staff/account', '/staff/account/totp']) await expectNoViolations(path);
	});

	it('shows an error beside the field that needs it, without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const noJs = await context.newPage();
		await noJs.goto(`${base}/en/staff/login`);
		await noJs.getByLabel('Email address').fill('x@example.jp');
		await noJs.getByLabel('Password').fill('wrong but long enough');
		await noJs.getByRole('button', { name: 'Sign in' }).click();
		await expect.poll(() => noJs.getByRole('alert').textContent()).toBe('The email address or password is not correct.');
		expect(await noJs.getByLabel('Email address').inputValue()).toBe('x@example.jp');
		await context.close();
	});
});
