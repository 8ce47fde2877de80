import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RED_FLAG_QUESTIONS } from '../../src/lib/domain/triage/assess';
import { axeViolations, launchBrowser } from '../support/browser';
import { linkIn, waitForMail } from '../support/mailbox';
import { staffCookie } from '../support/staff-session';

/*
 * Issue #6's story end to end: a new patient books online, follows the confirmation mail's link on
 * a phone, fills in the intake (tapping the body figure), signs the consent, and the clinic sees
 * the red flag on its console and the consent on the chart.
 */
const base = inject('baseUrl');
const mailDir = inject('mailDir');
const passwords = inject('demoPasswords');
const email = 'portal.flow@example.jp';

let browser: Browser;
let phone: BrowserContext;
let page: Page;
let staff: BrowserContext;
let staffPage: Page;
let chartPath = '';
/** The clinic-local day of the booked visit, YYYY-MM-DD. */
let visitDay = '';

function dayAfter(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The phone's page checked by axe (which needs JavaScript) in a twin that shares its cookies. */
async function expectAccessible(target: Page) {
	const twin = await target
		.context()
		.browser()!
		.newContext({ viewport: { width: 390, height: 844 } });
	await twin.addCookies(await target.context().cookies());
	const twinPage = await twin.newPage();
	// A style or script the content security policy blocks shows up as a console error.
	const consoleErrors: string[] = [];
	twinPage.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	await twinPage.goto(target.url());
	expect(await axeViolations(twinPage), target.url()).toEqual([]);
	const overflow = await twinPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${target.url()} fits 390 px`).toBeLessThanOrEqual(0);
	expect(consoleErrors, target.url()).toEqual([]);
	await twin.close();
}

async function saveAndContinue(next: RegExp) {
	await page.getByRole('button', { name: '保存して次へ' }).click();
	await page.waitForURL(next);
}

beforeAll(async () => {
	browser = await launchBrowser();
	// The patient's phone, without JavaScript: every step must work as a plain form.
	phone = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
	page = await phone.newPage();
	const cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	staff = await browser.newContext({ viewport: { width: 1024, height: 800 } });
	await staff.addCookies([{ name: cookie.slice(0, cookie.indexOf('=')), value: cookie.slice(cookie.indexOf('=') + 1), url: base }]);
	staffPage = await staff.newPage();
});
afterAll(async () => {
	await browser?.close();
});

describe('a new patient prepares for the first visit from the confirmation mail', () => {
	it('books online and receives a mail with a link to the portal', async () => {
		const services = await (await fetch(`${base}/api/v1/services`)).json();
		const first = services.find((s: { code: string }) => s.code === 'FIRST');
		const availability = await (await fetch(`${base}/api/v1/availability?service=${first.id}&from=${dayAfter(3)}&to=${dayAfter(20)}`)).json();
		const slot = availability.slots.at(-1);
		const response = await fetch(`${base}/api/v1/bookings`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				serviceId: first.id,
				practitionerId: slot.practitionerId,
				start: slot.start,
				locale: 'ja',
				patient: {
					familyName: '森',
					givenName: '葵',
					familyNameKana: 'モリ',
					givenNameKana: 'アオイ',
					email,
					phone: '090-7777-0606',
					dateOfBirth: '1988-06-06'
				},
				consent: { privacy: true },
				firstVisit: true
			})
		});
		expect(response.status).toBe(201);
		visitDay = String(slot.start).slice(0, 10);
		const mail = await waitForMail(mailDir, email, (m) => (m.text ?? '').includes('/portal/auth/'));
		const link = linkIn(mail, /https?:\/\/[^\s]+\/portal\/auth\/[a-z2-7]+\?next=[^\s]+/);

		await page.goto(link);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'マイページへ進む' }).click();
		await page.waitForURL(/\/portal\/intake\/history$/);
	});

	it('fills in the intake step by step, marking the pain on the body figure', async () => {
		await page.locator('input[name="diabetes"][value="no"]').check();
		await page.locator('input[name="bleedingDisorder"][value="no"]').check();
		await page.locator('input[name="pregnant"][value="yes"]').check();
		await expectAccessible(page);
		await saveAndContinue(/\/portal\/intake\/safety$/);

		await page.locator('input[name="bloodThinner"][value="no"]').check();
		await page.locator('input[name="implantedDevice"][value="no"]').check();
		await page.locator('input[name="fainting"][value="no"]').check();
		await page.locator('input[name="needleFear"][value="no"]').check();
		await saveAndContinue(/\/portal\/intake\/complaint$/);

		await page.getByLabel('どのような症状ですか？（ご自身の言葉で）').fill('右のお尻から足の外側にしびれ');
		await page.locator('input[name="onset"][value="sudden"]').check();
		await page.getByLabel('期間の数').fill('2');
		await page.getByLabel('単位').selectOption('days');
		await page.locator('input[name="side"][value="right"]').check();
		// A tap on the figure, where the right thigh is drawn, ticks that region.
		await page.locator('label:has(input[name="painBack.thigh-right"])').click({ position: { x: 4, y: 4 } });
		expect(await page.locator('input[name="painBack.thigh-right"]').isChecked()).toBe(true);
		await expectAccessible(page);
		await saveAndContinue(/\/portal\/intake\/red-flags$/);

		// Numbness in the saddle area: a red flag of docs/clinical-rules.md §1.
		for (const question of [...RED_FLAG_QUESTIONS, 'seenDoctor']) {
			await page.locator(`input[name="${question}"][value="${question === 'saddleNumbness' ? 'yes' : 'no'}"]`).check();
		}
		await page.locator('input[name="painNrs"][value="6"]').check();
		await saveAndContinue(/\/portal\/intake\/measures$/);

		await page.locator('input[name="legPain"][value="7"]').check();
		await page.locator('input[name="backPain"][value="3"]').check();
		for (const [i, activity] of ['座る', '歩く', '眠る'].entries()) {
			await page.getByLabel(`活動 ${i + 1}`, { exact: true }).fill(activity);
			await page.getByLabel(`活動 ${i + 1} の点数`).selectOption('4');
		}
		for (const name of ['sbiLegPain', 'sbiNumbness', 'sbiWeakness', 'sbiSittingPain']) {
			await page.locator(`input[name="${name}"][value="3"]`).check();
		}
		await saveAndContinue(/\/portal\/intake\/review$/);
	});

	it('tells the patient what to do now when the answers show a red flag', async () => {
		await page.getByRole('button', { name: '問診票を送信する' }).click();
		await page.waitForLoadState();
		const main = (await page.locator('main').textContent()) ?? '';
		expect(main).toContain('119');
		await expectAccessible(page);
	});

	it('signs the treatment consent with the typed full name; the privacy consent came with the booking', async () => {
		await page.goto(`${base}/portal/consents`);
		await expectAccessible(page);
		// The privacy box ticked when booking is on record as a consent given when booking online (docs/clinical-rules.md §6).
		expect(await page.locator('table').textContent()).toContain('オンライン予約の際に同意');
		for (const kind of ['treatment']) {
			const form = page.locator(`#kind-${kind} form.sign`);
			await form.locator('input[name="agree"]').check();
			await form.locator('input[name="typedName"]').fill('森 葵');
			await form.locator('button[type="submit"]').click();
			await page.waitForLoadState();
		}
		const main = (await page.locator('main').textContent()) ?? '';
		expect(main.match(/同意済み/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
	});

	it('shows the portal home with nothing left to prepare, and every portal page passes axe without console errors', async () => {
		await page.goto(`${base}/portal`);
		expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
		expect(await page.locator('main').textContent()).not.toContain('問診票に記入する');
		await expectAccessible(page);
		for (const path of ['/portal/check-in', '/portal/progress', '/portal/side-effects', '/portal/data', '/en/portal/check-in']) {
			await page.goto(`${base}${path}`);
			await expectAccessible(page);
		}
	});
});

describe('the clinic sees it', () => {
	it('shows a red-flag banner on every console page, leading to the patient', async () => {
		await staffPage.goto(`${base}/staff/schedule`);
		const banner = staffPage.getByRole('link', { name: /至急の確認が必要な問診/ });
		expect(await banner.count()).toBe(1);
		await banner.click();
		await staffPage.waitForURL(/\/staff\/alerts$/);
		const flag = staffPage.locator('li.flag').filter({ hasText: '森 葵' });
		expect(await flag.textContent()).toContain('今すぐ救急');
		chartPath = (await flag.getByRole('link').first().getAttribute('href'))!;
		expect(chartPath).toMatch(/^\/staff\/patients\/[0-9a-f-]{36}$/);
	});

	it('shows the red flag, the pregnancy alert and the signed consents on the chart', async () => {
		await staffPage.goto(`${base}${chartPath}`);
		expect(await staffPage.getByTestId('chart-red-flag').textContent()).toContain('緊急');
		expect(await staffPage.getByTestId('safety-alerts').textContent()).toContain('妊娠中');
		const consents = (await staffPage.getByTestId('chart-consents').textContent()) ?? '';
		expect(consents).toMatch(/施術への同意: 同意済み/);
		expect(consents).toMatch(/個人情報の取り扱い: 同意済み/);
		expect(await axeViolations(staffPage)).toEqual([]);
	});

	it('flags the appointment on the schedule', async () => {
		await staffPage.goto(`${base}/staff/schedule?date=${visitDay}&view=practitioner`);
		const row = staffPage.locator('tr', { hasText: '森 葵' }).first();
		expect(await row.textContent()).toContain('緊急の警告症状');
		expect(await row.textContent()).toContain('妊娠中');
	});
});
