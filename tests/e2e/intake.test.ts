import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RED_FLAG_QUESTIONS } from '../../src/lib/domain/triage/assess';
import { axeViolations, launchBrowser } from '../support/browser';
import { staffCookie } from '../support/staff-session';

const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let cookie = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** axe needs JavaScript: each page the no-JavaScript phone sees is checked again here. */
let jsContext: BrowserContext;
let jsPage: Page;
let intakePath = '';

async function patientPath(q: string): Promise<string> {
	const response = await fetch(`${base}/staff/patients?q=${encodeURIComponent(q)}`, { headers: { cookie } });
	const link = /href="(\/staff\/patients\/[0-9a-f-]{36})"/.exec(await response.text());
	if (!link) throw new Error(`no patient found for ${q}`);
	return link[1]!;
}

/** A plain form post as a browser without JavaScript sends it; the answer is not followed. */
async function post(path: string, fields: Record<string, string>): Promise<Response> {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});
}

async function saveAndContinue(next: RegExp) {
	await page.getByRole('button', { name: '保存して次へ' }).click();
	await page.waitForURL(next);
}

/** The page as the phone sees it, checked by axe in a twin with JavaScript, and fitting 390 px. */
async function expectNoViolations(url = page.url()) {
	const response = await jsPage.goto(url);
	expect(response?.status(), url).toBe(200);
	expect(await axeViolations(jsPage), url).toEqual([]);
	const overflow = await jsPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${url} fits 390 px`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	browser = await launchBrowser();
	// A phone without JavaScript: every step must work as a plain form.
	context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: base }]);
	page = await context.newPage();
	jsContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await jsContext.addCookies([{ name, value, url: base }]);
	jsPage = await jsContext.newPage();
	intakePath = `${await patientPath('なかむら')}/intake`;
});
afterAll(async () => {
	await browser?.close();
});

/** The patient agrees to the current privacy text on the desk's tablet (the consents page's form). */
async function signPrivacyAtDesk(chartPath: string, typedName: string) {
	const html = await (await fetch(`${base}${chartPath}/consents`, { headers: { cookie } })).text();
	const documentId = /data-testid="desk-privacy"[\s\S]*?name="documentId" value="([^"]+)"/.exec(html)?.[1];
	expect(documentId).toBeTruthy();
	const signed = await post(`${chartPath}/consents?/sign`, { kind: 'privacy', documentId: documentId!, decision: 'agree', agree: 'on', typedName });
	expect(signed.status).toBeLessThan(400);
}

describe('staff enter the intake questionnaire for a patient', () => {
	it('takes no health answer before the patient agrees to the privacy text, and says where to sign (docs/clinical-rules.md §6)', async () => {
		await page.goto(`${base}${intakePath}`);
		const notice = page.getByTestId('privacy-consent-needed');
		expect(await notice.textContent()).toContain('最新の個人情報の取り扱いに同意していないため');
		expect(await page.getByRole('button', { name: '問診票の入力を始める' }).count()).toBe(0);
		// A step posted anyway is not saved: it lands back on the overview.
		const refused = await post(`${intakePath}/history`, { conditions: '高血圧', diabetes: 'no', bleedingDisorder: 'no', pregnant: 'no' });
		expect(refused.status).toBe(303);
		expect(refused.headers.get('location')).toMatch(/\/intake$/);
		await expectNoViolations();
		await notice.getByRole('link').click();
		await page.waitForURL(/\/consents$/);
		const desk = page.getByTestId('desk-privacy');
		await desk.locator('input[name="agree"]').check();
		await desk.locator('input[name="typedName"]').fill('中村 由美');
		await Promise.all([page.waitForEvent('load'), desk.locator('form.sign button[type="submit"]').click()]);
		expect(await page.getByTestId('status-privacy').textContent()).toContain('同意済み');
	});

	it('offers to start one for a patient who has none', async () => {
		await page.goto(`${base}${intakePath}`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('問診票: 中村 由美');
		expect(await page.getByTestId('privacy-consent-needed').count()).toBe(0);
		expect(await page.locator('main').textContent()).toContain('まだ問診票はありません。');
		await expectNoViolations();
		await page.getByRole('button', { name: '問診票の入力を始める' }).click();
		await page.waitForURL(/\/intake\/history$/);
	});

	it('fills the health history', async () => {
		expect(await page.locator('[aria-current="step"]').textContent()).toBe('既往歴');
		await page.getByLabel('治療中の病気、これまでにかかった大きな病気').fill('高血圧');
		await page.locator('input[name="diabetes"][value="no"]').check();
		await page.locator('input[name="bleedingDisorder"][value="no"]').check();
		await page.locator('input[name="pregnant"][value="no"]').check();
		await expectNoViolations();
		await saveAndContinue(/\/intake\/safety$/);
	});

	it('fills medicines, devices and safety, naming warfarin', async () => {
		await page.getByLabel('現在飲んでいるお薬・使っているお薬').fill('ワーファリン 2mg');
		await page.locator('input[name="bloodThinner"][value="yes"]').check();
		await page.getByRole('checkbox', { name: 'ワルファリン（ワーファリン）' }).check();
		await page.locator('input[name="implantedDevice"][value="no"]').check();
		await page.getByRole('checkbox', { name: '絆創膏やテープ' }).check();
		await page.locator('input[name="fainting"][value="no"]').check();
		await page.locator('input[name="needleFear"][value="yes"]').check();
		await expectNoViolations();
		await saveAndContinue(/\/intake\/complaint$/);
	});

	it('marks where the pain runs by tapping the body figures', async () => {
		await page.getByLabel('どのような症状ですか？（ご自身の言葉で）').fill('左のお尻から太ももの裏にかけて痛む');
		await page.locator('input[name="onset"][value="gradual"]').check();
		await page.getByLabel('期間の数').fill('3');
		await page.getByLabel('単位').selectOption('weeks');
		await page.locator('input[name="side"][value="left"]').check();
		// The checkboxes are named for screen readers and sit over their regions on the figure.
		await page.getByRole('checkbox', { name: '左お尻（後ろ）' }).check();
		await page.getByRole('checkbox', { name: '左太もも（後ろ）' }).check();
		// A tap anywhere on the region, not only on the box itself, ticks it.
		const calf = page.locator('label:has(input[name="painBack.lowerLeg-left"])');
		await calf.click({ position: { x: 4, y: 4 } });
		expect(await page.locator('input[name="painBack.lowerLeg-left"]').isChecked()).toBe(true);
		await page.getByRole('checkbox', { name: '座っているとき' }).first().check();
		await page.getByRole('checkbox', { name: 'せきやくしゃみをしたとき' }).check();
		await page.getByRole('checkbox', { name: '横になったとき' }).check();
		await page.getByLabel('お仕事の内容（座り仕事、立ち仕事、重い物を持つなど）').fill('事務職');
		await expectNoViolations();
		await saveAndContinue(/\/intake\/red-flags$/);
	});

	it('asks the red-flag questions of the self-check', async () => {
		for (const question of [...RED_FLAG_QUESTIONS, 'seenDoctor']) {
			await page.locator(`input[name="${question}"][value="no"]`).check();
		}
		// The self-check's own pain question, not the baseline of the measures.
		expect(await page.getByRole('group', { name: 'この24時間でいちばん強かった脚の痛み' }).count()).toBe(1);
		await page.locator('input[name="painNrs"][value="3"]').check();
		// The date of birth is on file: the age is not asked.
		expect(await page.locator('input[name="age"]').count()).toBe(0);
		await expectNoViolations();
		await saveAndContinue(/\/intake\/measures$/);
	});

	it('names the fields to correct, next to them and in a summary, and saves nothing', async () => {
		// Checked in the twin with JavaScript, so that axe can run on the page with the errors.
		await jsPage.goto(page.url());
		await jsPage.getByLabel('活動 1', { exact: true }).fill('座って仕事をする');
		await jsPage.getByRole('button', { name: '保存して次へ' }).click();
		await jsPage.waitForLoadState();
		expect(jsPage.url()).toMatch(/\/intake\/measures$/);
		const summary = jsPage.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
		expect(await summary.count()).toBe(1);
		expect(await summary.locator('a[href="#field-legPain"]').count()).toBe(1);
		expect(await summary.locator('a[href="#field-psfs1Score"]').textContent()).toContain('この活動の点数を選んでください。');
		expect(await jsPage.getByLabel('活動 1', { exact: true }).inputValue()).toBe('座って仕事をする');
		expect(await jsPage.getByLabel('活動 1 の点数').getAttribute('aria-invalid')).toBe('true');
		expect(await axeViolations(jsPage)).toEqual([]);
	});

	it('records the baseline measures', async () => {
		await page.locator('input[name="legPain"][value="6"]').check();
		await page.locator('input[name="backPain"][value="4"]').check();
		const activities = ['座って仕事をする', '30分歩く', '靴下をはく'];
		for (const [i, activity] of activities.entries()) {
			await page.getByLabel(`活動 ${i + 1}`, { exact: true }).fill(activity);
			await page.getByLabel(`活動 ${i + 1} の点数`).selectOption(String(i + 3));
		}
		for (const [name, score] of [
			['sbiLegPain', '4'],
			['sbiNumbness', '3'],
			['sbiWeakness', '1'],
			['sbiSittingPain', '5']
		] as const) {
			await page.locator(`input[name="${name}"][value="${score}"]`).check();
		}
		await expectNoViolations();
		await saveAndContinue(/\/intake\/review$/);
	});

	it('shows every answer for review and submits', async () => {
		const main = page.locator('main');
		expect(await main.textContent()).toContain('左のお尻から太ももの裏にかけて痛む');
		expect(await main.textContent()).toContain('左お尻、左太もも、左すね・ふくらはぎ');
		expect(await main.textContent()).toContain('30分歩く: 4');
		await expectNoViolations();
		await page.getByRole('button', { name: '問診票を送信する' }).click();
		await page.waitForURL(/\/intake\?sent=1$/);
	});

	it('shows the submitted intake on the chart, with its treatment cautions', async () => {
		expect(await page.getByTestId('intake-status').textContent()).toBe('送信済み');
		const main = (await page.locator('main').textContent()) ?? '';
		expect(main).toContain('抗凝固薬・抗血小板薬を服用中です');
		expect(main).toContain('鍼への恐怖心があります');
		expect(main).toContain('テープでかぶれます');
		expect(main).toContain('靴下をはく: 5');
		await expectNoViolations();
		const html = await (await fetch(`${base}${intakePath}`, { headers: { cookie } })).text();
		expect(html).toContain('送信済み');
	});

	it('answers an unknown step with 404 and an oversized field without a server error', async () => {
		expect((await fetch(`${base}${intakePath}/nonsense`, { headers: { cookie } })).status).toBe(404);
		await post(`${intakePath}?/start`, {});
		const huge = await post(`${intakePath}/history`, { conditions: 'x'.repeat(10 * 1024 * 1024), diabetes: 'no', bleedingDisorder: 'no', pregnant: 'no' });
		expect([413, 422]).toContain(huge.status);
		const outOfRange = await post(`${intakePath}/measures`, { legPain: '11' });
		expect(outOfRange.status).toBe(422);
		expect(await outOfRange.text()).toContain('0から10の数字を選んでください。');
	});
});

describe('red flags reach the console', () => {
	it('lists an emergency entered for a patient until a practitioner acknowledges it', async () => {
		const path = `${await patientPath('すずき')}/intake`;
		await signPrivacyAtDesk(path.replace(/\/intake$/, ''), '鈴木 一郎');
		expect((await post(`${path}?/start`, {})).status).toBe(303);
		const no = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, 'no']));
		const steps: Array<[string, Record<string, string>]> = [
			['history', { diabetes: 'no', bleedingDisorder: 'no', pregnant: 'no' }],
			['safety', { bloodThinner: 'no', implantedDevice: 'no', fainting: 'no', needleFear: 'no' }],
			['complaint', { description: 'Pain in both legs', onset: 'sudden', durationValue: '2', durationUnit: 'days', side: 'both', 'painBack.thigh-left': 'on' }],
			['red-flags', { ...no([...RED_FLAG_QUESTIONS, 'seenDoctor']), saddleNumbness: 'yes', painNrs: '8' }],
			[
				'measures',
				{
					legPain: '8',
					backPain: '5',
					psfs1Activity: 'Walk',
					psfs1Score: '2',
					psfs2Activity: 'Sit',
					psfs2Score: '3',
					psfs3Activity: 'Sleep',
					psfs3Score: '4',
					sbiLegPain: '6',
					sbiNumbness: '5',
					sbiWeakness: '4',
					sbiSittingPain: '6'
				}
			]
		];
		for (const [step, fields] of steps) {
			const response = await post(`${path}/${step}`, fields);
			expect(response.status, step).toBe(303);
		}
		expect((await post(`${path}/review`, {})).status).toBe(303);

		await page.goto(`${base}/staff/alerts`);
		await expectNoViolations();
		const flag = page.locator('li.flag').filter({ hasText: '鈴木 一郎' });
		expect(await flag.textContent()).toContain('今すぐ救急');
		expect(await flag.getByRole('link').getAttribute('href')).toBe(path.replace(/\/intake$/, ''));
		await flag.getByRole('button', { name: '確認済みにする' }).click();
		await page.waitForLoadState();
		expect(await page.getByRole('status').textContent()).toContain('確認済みにしました。');
		expect(await page.locator('li.flag').filter({ hasText: '鈴木 一郎' }).count()).toBe(0);
	});
});
