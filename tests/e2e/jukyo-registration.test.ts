import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { staffCookie } from '../support/staff-session';

/*
 * 受領委任 (issue #19) in the browser: the owner corrects the registration after a refused account
 * number, and the desk records this month's eligibility check for the demo's insured patient.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let owner = '';
let reception = '';
let browser: Browser | undefined;

async function pageWith(cookie: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser!.newContext({ locale: 'en-GB' });
	const split = cookie.indexOf('=');
	await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
	return { context, page: await context.newPage() };
}

beforeAll(async () => {
	owner = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('受領委任 registration and eligibility', () => {
	it('lets the owner fix a refused account number and save the registration', async () => {
		const { context, page } = await pageWith(owner);
		try {
			await page.goto(`${base}/en/staff/settings/jukyo`);
			const form = page.getByTestId('registration-form');
			// The demo registration is complete: nothing is named missing.
			expect(await page.getByTestId('registration-missing').count()).toBe(0);
			await form.getByLabel('Account number (7 digits)').fill('12-34');
			await form.getByRole('button', { name: 'Save' }).click();
			await page.waitForLoadState('load');
			expect(await page.locator('#field-accountNumber').getAttribute('aria-invalid')).toBe('true');
			expect(await page.textContent('main')).toContain('Enter the account number as 7 digits.');
			await page.getByLabel('Account number (7 digits)').fill('７６５４３２１');
			await page.getByRole('button', { name: 'Save' }).click();
			await page.waitForURL(/saved=changed/);
			expect(await page.getByRole('status').textContent()).toContain('Registration saved.');
			expect(await page.locator('#field-accountNumber').inputValue()).toBe('7654321');
		} finally {
			await context.close();
		}
	});

	it('lets the desk record an eligibility check, refusing a bad insurer number first', async () => {
		const { context, page } = await pageWith(reception);
		try {
			await page.goto(`${base}/en/staff/patients?q=${encodeURIComponent('山口')}`);
			const href = await page.locator('a[href*="/staff/patients/"]', { hasText: '山口' }).first().getAttribute('href');
			expect(href).toBeTruthy();
			const patientPath = href!.replace(/\/$/, '');
			await page.goto(`${base}${patientPath}/insurance`);
			const form = page.getByTestId('eligibility-form');
			await form.getByLabel('Eligibility certificate (資格確認書)').check();
			await form.getByLabel('Insurance type').selectOption('shakoku');
			await form.getByLabel('Insured or dependant').selectOption('honnin');
			await form.getByLabel('Benefit rate').selectOption('70');
			await form.getByLabel('Insurer number').fill('0113');
			await form.getByLabel('Number', { exact: true }).fill('345');
			await form.getByLabel('Valid until').fill('2099-03-31');
			await form.getByRole('button', { name: 'Record the check' }).click();
			await page.waitForLoadState('load');
			expect(await page.textContent('main')).toContain('Enter the insurer number as 6 or 8 digits.');
			const again = page.getByTestId('eligibility-form');
			await again.getByLabel('Insurer number').fill('01130012');
			await again.getByRole('button', { name: 'Record the check' }).click();
			await page.waitForLoadState('load');
			expect(await page.getByRole('status').first().textContent()).toContain('Eligibility check recorded.');
			expect(await page.getByTestId('eligibility-month').textContent()).toContain('Insurance can be charged this month');
			expect(await page.getByTestId('eligibility-table').textContent()).toContain('Eligibility certificate');
		} finally {
			await context.close();
		}
	});
});
