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
let planPath = '';

/**
 * The demo patient 佐藤 健 (intake submitted, takes an antiplatelet: a bleeding-risk caution),
 * found through the register as a practitioner.
 */
async function satoPlanPath(): Promise<string> {
	const response = await fetch(`${base}/staff/patients?q=${encodeURIComponent('さとう')}`, { headers: { cookie } });
	expect(response.status).toBe(200);
	const link = /href="(\/staff\/patients\/[0-9a-f-]{36})"[^>]*>\s*佐藤 健\s*</.exec(await response.text());
	expect(link).not.toBeNull();
	return `${link![1]!}/plan`;
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	browser = await launchBrowser();
	// A tablet beside the treatment bed.
	context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: base }]);
	page = await context.newPage();
	planPath = await satoPlanPath();
});
afterAll(async () => {
	await browser?.close();
});

describe('the treatment plan in the console', () => {
	it('opens with the safety alerts, the PSFS goals and the suggested points, without accessibility violations', async () => {
		await page.goto(`${base}${planPath}`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('佐藤 健');
		expect(await page.getByTestId('safety-alerts').textContent()).toContain('抗凝固薬');
		// The goals are the activities 佐藤 健 named at baseline (PSFS), pre-filled.
		expect(await page.locator('#field-goals-0').inputValue()).toBe('車の運転を1時間続ける');
		// Local points are always suggested; GB30 sits on the buttock of the painful (right) side.
		expect(await page.locator('#point-GB30').count()).toBe(1);
		expect(await page.locator('#side-GB30').inputValue()).toBe('right');
		expect(await page.locator('#side-BL23').inputValue()).toBe('both');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('refuses a plan with nothing chosen, next to the field, and keeps nothing', async () => {
		await page.goto(`${base}${planPath}`);
		// The demo patient has a plan already (its acknowledgement shown): a refused save changes nothing of it.
		const stored = await page.getByTestId('plan-acknowledged').allTextContents();
		for (const box of await page.locator('input[type="checkbox"][name^="point."]').all()) {
			if (await box.isChecked()) await box.uncheck();
		}
		await page.getByRole('button', { name: '施術計画を保存' }).click();
		await expect.poll(() => page.locator('#points-error').textContent()).toContain('ツボを1つ以上選んでください。');
		expect(await page.getByRole('link', { name: /ツボ: ツボを1つ以上選んでください/ }).getAttribute('href')).toBe('#points-heading');
		expect(await page.getByTestId('plan-acknowledged').allTextContents()).toEqual(stored);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('asks a reason for deep needling and bloodletting, then saves the plan with the acknowledgements', async () => {
		await page.goto(`${base}${planPath}`);
		const stored = await page.getByTestId('plan-acknowledged').allTextContents();
		// Start from shallow needling everywhere, so only the choices below meet the alert.
		for (const box of await page.locator('input[type="checkbox"][name^="deep."]').all()) {
			if (await box.isChecked()) await box.uncheck();
		}
		await page.locator('#field-electroacupuncture').uncheck();
		await page.locator('#point-GB30').check();
		await page.locator('#deep-GB30').check();
		await page.locator('#point-BL25').check();
		await page.locator('#deep-BL25').uncheck();
		await page.locator('#field-bloodletting').check();
		await page.getByRole('button', { name: '施術計画を保存' }).click();

		// Both conflicts with the antiplatelet appear at the top, each needing a reason.
		const conflicts = page.getByTestId('plan-conflict');
		await expect.poll(() => conflicts.count()).toBe(2);
		expect(await conflicts.nth(0).textContent()).toContain('抗凝固薬: GB30 環跳（かんちょう）への深刺');
		expect(await conflicts.nth(1).textContent()).toContain('抗凝固薬: 刺絡（瀉血）');
		expect(await page.locator('#ack-anticoagulants-deepNeedling-GB30').getAttribute('aria-invalid')).toBe('true');
		// Nothing was stored: the acknowledged list is the stored plan's as before, and the choices are kept.
		expect(await page.getByTestId('plan-acknowledged').allTextContents()).toEqual(stored);
		expect(await page.locator('#deep-GB30').isChecked()).toBe(true);
		expect(await page.locator('#field-bloodletting').isChecked()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);

		// One reason is not enough: the other conflict is asked again, the first reason kept.
		const shallow = '主治医に抗血小板薬の内容を確認済み。浅めに刺し、抜鍼後は1分以上圧迫する。';
		await page.locator('#ack-anticoagulants-deepNeedling-GB30').fill(shallow);
		await page.getByRole('button', { name: '施術計画を保存' }).click();
		await expect.poll(() => page.locator('#ack-anticoagulants-bloodletting-error').textContent()).toContain('続ける理由を入力してください。');
		expect(await page.locator('#ack-anticoagulants-deepNeedling-GB30').inputValue()).toBe(shallow);

		await page.locator('#ack-anticoagulants-bloodletting').fill('刺絡の代わりに吸い玉も検討。実施前に出血傾向を再確認する。');
		await page.getByRole('button', { name: '施術計画を保存' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('施術計画を保存しました。');
		const acknowledged = page.getByTestId('plan-acknowledged');
		expect(await acknowledged.textContent()).toContain(shallow);
		expect(await acknowledged.textContent()).toContain('抗凝固薬: 刺絡（瀉血）');
		expect(await page.getByTestId('plan-conflicts').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);

		// Stored, not only echoed: a fresh load shows the saved plan.
		const html = await (await fetch(`${base}${planPath}`, { headers: { cookie } })).text();
		expect(html).toContain(shallow);
		expect(html).toContain('data-testid="plan-current"');
	});

	it('is closed to reception and sends an anonymous visitor to sign in', async () => {
		const desk = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
		expect((await fetch(`${base}${planPath}`, { headers: { cookie: desk }, redirect: 'manual' })).status).toBe(403);
		const anonymous = await fetch(`${base}${planPath}`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/staff\/login\?next=/);
	});
});
