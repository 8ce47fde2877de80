import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { actOnClaim, claimRowIn, demoClaimMonth, submitAndWait } from '../support/claims-page';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie, staffPage } from '../support/staff-session';

/*
 * Issue #19, the claim after its draft, in a browser: the insured demo patient signs last month's
 * treatment dates on the pad, the desk marks the 申請書 ready, submits it, records a 返戻 with its
 * reason, corrects it as a new version, submits again and records the insurer's payment.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

// The demo's claim month is last month in the clinic's time zone (src/lib/server/seed/demo-claim-status.ts).
const { month: MONTH } = demoClaimMonth();

let reception = '';
let browser: Browser | undefined;
let page: Page;
let patientId = '';

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	const html = await (await fetch(`${base}/staff/insurance/claims?month=${MONTH}`, { headers: { cookie: reception } })).text();
	patientId = claimRowIn(html, '山口 健一')?.patientId ?? '';
	expect(patientId).not.toBe('');
	browser = await launchBrowser();
	({ page } = await staffPage(browser, base, reception));
});
afterAll(async () => {
	await browser?.close();
});

const post = (button: Locator) => submitAndWait(page, button);
const row = () => page.locator(`[data-testid="claim-${patientId}-main"]`);
const act = (label: string, fill?: (form: Locator) => Promise<void>) => actOnClaim(row(), label, { fill });

describe('a month from signature to payment', () => {
	it('takes the patient’s drawn signature for the month’s dates', async () => {
		await page.goto(`${base}/staff/insurance/claims?month=${MONTH}`);
		await expect(row().getAttribute('data-status')).resolves.toBe('draft');
		expect(await row().textContent()).toContain('施術日の確認・署名がありません');
		const signHref = await row().getByRole('link', { name: '施術日の確認・署名' }).getAttribute('href');
		await page.goto(`${base}${signHref}`);
		expect(await page.getByTestId('confirmation-state').getAttribute('data-state')).toBe('unsigned');
		expect(await page.getByTestId('confirmation-dates').locator('li').count()).toBe(2);
		expect(await axeViolations(page)).toEqual([]);
		// The pad appears once the page runs its script; without it the typed name and tick sign.
		await page.getByTestId('signature-pad').waitFor();
		await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
		const pad = (await page.getByTestId('signature-pad').boundingBox())!;
		await page.mouse.move(pad.x + 20, pad.y + pad.height * 0.7);
		await page.mouse.down();
		for (let i = 1; i <= 12; i++) await page.mouse.move(pad.x + 20 + i * 25, pad.y + pad.height * (0.7 - 0.4 * Math.sin(i / 2)));
		await page.mouse.up();
		await page.getByLabel('署名する人の氏名').fill('山口 健一');
		await page.getByLabel('上の施術日に施術を受けたことを確認し、署名します').check();
		await post(page.getByRole('button', { name: '確認して署名する' }));
		expect(await page.getByRole('status').textContent()).toContain('署名を記録しました');
		expect(await page.getByTestId('confirmation-state').getAttribute('data-state')).toBe('signed');
		expect(await page.getByTestId('confirmation-history').textContent()).toContain('手書き署名');
		expect(await page.getByRole('img', { name: '山口 健一さんの署名' }).count()).toBe(1);
	});

	it('marks the claim ready, submits it, records a 返戻, corrects it as version 2 and submits again', async () => {
		await page.goto(`${base}/staff/insurance/claims?month=${MONTH}`);
		expect(await row().locator('.blockers').count()).toBe(0);
		expect(await page.locator('main').textContent()).toContain('全国健康保険協会 東京支部');
		await act('提出準備完了にする');
		expect(await row().getAttribute('data-status')).toBe('ready');
		await act('提出済みにする');
		expect(await row().getAttribute('data-status')).toBe('submitted');
		await act('返戻を記録する', (form) => form.getByLabel('返戻の理由').fill('負傷原因の記載漏れ'));
		expect(await row().getAttribute('data-status')).toBe('returned');
		expect(await row().textContent()).toContain('負傷原因の記載漏れ');
		await act('訂正して新しい版を作る');
		expect(await row().getAttribute('data-status')).toBe('ready');
		expect(await row().textContent()).toContain('第2版');
		await act('提出済みにする');
		expect(await row().getAttribute('data-status')).toBe('submitted');
		// The PDF prints the frozen form with the signer.
		const pdf = await fetch(`${base}/staff/insurance/claims/${patientId}/form.pdf?month=${MONTH}`, { headers: { cookie: reception } });
		expect(squashed(pdfText(Buffer.from(await pdf.arrayBuffer())))).toContain('山口健一（本人）');
	});

	it('records the insurer’s payment: the claim is paid, with no difference left', async () => {
		const form = page.locator('form.payment');
		await form.getByLabel('内容を確かめました').check();
		await post(form.getByRole('button', { name: '入金を記録する' }));
		expect(await page.getByRole('status').textContent()).toContain('入金を記録しました');
		expect(await row().getAttribute('data-status')).toBe('paid');
		const cells = await row().locator('td').allTextContents();
		expect(cells[4]).toBe(cells[5]);
		expect(cells[6]).toBe('0');
		expect(await page.getByTestId('insurer-payments').textContent()).toContain('申請書1件');
		expect(await axeViolations(page)).toEqual([]);
	});
});
