import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { demoClaimMonth } from '../support/claims-page';
import { staffCookie, staffPage } from '../support/staff-session';

/*
 * A 施術報告書 whose 交付料 would reach no claim (docs/jukyo-claim.md §9), in the browser. The demo
 * clinic's 中島 正子 was treated every Tuesday of last month under a consent whose period runs on,
 * and has no insured visit this month: a report issued today would carry its fee on no claim. The
 * page says so before the desk submits, refuses the plain issue (with and without JavaScript), and
 * issues it only when the desk ticks "issue without the fee", which the list then shows.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let owner = '';
let browser: Browser | undefined;
let patientId = '';
// The server seeds the demo relative to its own clock: last month, in the clinic's time zone.
const { month: lastMonth } = demoClaimMonth();

function get(path: string, cookie: string) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });
}

async function ownerPage(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
	browser ??= await launchBrowser();
	return staffPage(browser, base, owner, { javaScriptEnabled });
}

beforeAll(async () => {
	owner = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
	const claims = await (await get(`/staff/insurance/claims?month=${lastMonth}`, owner)).text();
	const row = claims.split('<tr').find((r) => r.includes('中島 正子'));
	patientId = row?.match(/claims\/([0-9a-f-]{36})\/form\.pdf/)?.[1] ?? '';
});
afterAll(async () => {
	await browser?.close();
});

describe('a 施術報告書 whose 交付料 cannot land', () => {
	it('finds the demo patient treated last month only', () => {
		expect(patientId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('is refused without JavaScript, with what to do, and nothing is issued', async () => {
		const { context, page } = await ownerPage(false);
		await page.goto(`${base}/staff/patients/${patientId}/insurance/report`);
		// Said before the desk submits: no insured visit this month yet, and the choice to issue without the fee.
		expect(await page.getAttribute('[data-testid="report-fee-cannot-land"]', 'data-reason')).toBe('no_visit_yet');
		expect(await page.textContent('[data-testid="report-fee-cannot-land"]')).toContain('次の保険施術の来院日に発行してください');
		expect(await page.isChecked('[data-testid="report-without-fee"]')).toBe(false);
		await page.fill('#field-remarks', '経過は良好です。');
		await Promise.all([page.waitForLoadState('load'), page.click('[data-testid="issue-report"]')]);
		await page.waitForSelector('[data-testid="report-error"]');
		expect(await page.textContent('[data-testid="report-error"]')).toContain('発行していません');
		// The remarks typed are kept for the next try.
		expect(await page.inputValue('#field-remarks')).toBe('経過は良好です。');
		expect(await page.locator('[data-testid="report-list"] tbody tr').count()).toBe(0);
		await context.close();
	});

	it('is issued without the fee when the desk ticks the choice, and the list says so', async () => {
		const { context, page } = await ownerPage(true);
		await page.goto(`${base}/staff/patients/${patientId}/insurance/report`);
		expect(await page.isVisible('[data-testid="report-fee-cannot-land"]')).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.check('[data-testid="report-without-fee"]');
		await Promise.all([page.waitForURL(/issued=1&withoutFee=1/), page.click('[data-testid="issue-report"]')]);
		expect(await page.textContent('[data-testid="report-issued"]')).toContain('交付料なしで発行しました');
		const rows = page.locator('[data-testid="report-list"] tbody tr');
		expect(await rows.count()).toBe(1);
		expect(await rows.first().textContent()).toContain('交付料なしで発行：来院前の発行');
		await context.close();
	});
});
