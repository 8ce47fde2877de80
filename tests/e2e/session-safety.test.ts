import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { submitAndSettle } from '../support/session-page';
import { axeViolations, launchBrowser } from '../support/browser';
import { signConsentsAtDesk } from '../support/desk-consents';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';
import { enterIntakeAsStaff } from '../support/staff-intake';

/*
 * Safety at the bed (issue #15, docs/clinical-rules.md §3) on the tablet beside the bed: a pregnant
 * patient with LI4 added from the list and SP6 tapped on the body chart, and a pacemaker wearer
 * with electroacupuncture recorded (without JavaScript), are each refused until every conflict has
 * a reason; then the record keeps the points and the technique and shows the acknowledgements.
 * Both patients are this test's own, booked on a quiet Tuesday no other test uses.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');
const TABLET = { width: 820, height: 1180 };
/** A Tuesday (open 09:00–12:30, 14:30–19:30) about seventeen weeks ahead. */
const DAY = weekdayAhead(119, 2);
const PREGNANT = { familyName: '青木', givenName: '葵', familyNameKana: 'あおき', givenNameKana: 'あおい', phone: '090-1357-2468', time: '15:00' };
const PACEMAKER = { familyName: '石田', givenName: '誠一', familyNameKana: 'いしだ', givenNameKana: 'せいいち', phone: '090-1357-2469', time: '16:30' };

let cookie = '';
let browser: Browser;
const charts: Record<string, string> = {};
const postForm = (path: string, fields: Record<string, string>) => browserFormPost(base, path, fields, cookie);

/** Books a new patient as a walk-in on the practitioner's schedule and returns their chart path. */
async function bookPatient(patient: typeof PREGNANT): Promise<string> {
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	const { time, ...person } = patient;
	const created = await postForm(`/staff/schedule?date=${DAY}&/create`, {
		patientId: 'new',
		...person,
		serviceId: services.find((s: { code: string }) => s.code === 'FOLLOW').id,
		practitionerId: practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id,
		bedId: '',
		date: DAY,
		time,
		source: 'walk_in'
	});
	expect(created.status).toBe(200);
	const day = await (await fetch(`${base}/staff/schedule?date=${DAY}`, { headers: { cookie } })).text();
	const name = `${patient.familyName} ${patient.givenName}`;
	const link = new RegExp(`href="(/staff/patients/[0-9a-f-]{36})"><strong>${name}<`).exec(day);
	expect(link, `${name} is on the schedule`).not.toBeNull();
	await signConsentsAtDesk(base, cookie, link![1]!, name);
	return link![1]!;
}

/** The intake as staff enter it, with the safety answers given. */
async function enterIntake(path: string, history: Record<string, string>, safety: Record<string, string>) {
	await enterIntakeAsStaff(base, cookie, path, { history, safety });
}

async function signedIn(javaScriptEnabled = true): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: TABLET, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', javaScriptEnabled });
	await context.addCookies([{ name: cookie.slice(0, cookie.indexOf('=')), value: cookie.slice(cookie.indexOf('=') + 1), url: base }]);
	return context;
}

/** The record page ships JavaScript (the timer); with it on, typing waits for the page's script. */
async function ready(page: Page, javaScript = true) {
	await page.waitForLoadState('load');
	if (javaScript) await page.waitForSelector('main[data-hydrated="true"]');
}

async function submit(page: Page, button: Locator, javaScript = true) {
	await submitAndSettle(page, button);
	await ready(page, javaScript);
}

/** Starts a session for the patient from their sessions page and returns the record's URL. */
async function startSession(page: Page, chart: string, javaScript = true): Promise<string> {
	await page.goto(`${base}${chart}/sessions`);
	await Promise.all([page.waitForURL(/\/sessions\/[0-9a-f-]{36}/), page.getByRole('button', { name: '施術を開始する' }).first().click()]);
	await ready(page, javaScript);
	return page.url().replace(/\?.*$/, '');
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	charts.pregnant = await bookPatient(PREGNANT);
	await enterIntake(charts.pregnant, { pregnant: 'yes' }, {});
	charts.pacemaker = await bookPatient(PACEMAKER);
	await enterIntake(charts.pacemaker, {}, { implantedDevice: 'yes' });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the safety check in the session record, on a tablet', () => {
	it('refuses LI4 and SP6 for a pregnant patient until each has a reason, from the list and from the body chart', async () => {
		const context = await signedIn();
		const page = await context.newPage();
		const recordUrl = await startSession(page, charts.pregnant!);

		// The patient's alerts come first on the record.
		expect(await page.getByTestId('safety-alerts').textContent()).toContain('妊娠中');

		// LI4 from the list: refused, nothing saved, a reason asked for the one conflict.
		await page.locator('#field-code').selectOption('LI4');
		await page.locator('#field-side').selectOption('both');
		await submit(page, page.getByRole('button', { name: 'ツボを追加', exact: true }));
		const conflicts = page.getByTestId('session-conflicts');
		expect(await conflicts.getByTestId('session-conflict').count()).toBe(1);
		expect(await conflicts.getByTestId('session-conflict').getAttribute('data-conflict')).toBe('pregnancy.point.LI4');
		expect(await conflicts.textContent()).toContain('妊娠中: LI4 合谷（ごうこく）は避けるべきツボです');
		expect(await conflicts.textContent()).toContain('まだ何も保存していません');
		expect(await page.getByTestId('points-table').count(), 'no point was saved').toBe(0);
		expect(await axeViolations(page)).toEqual([]);

		// Sent again without a reason: refused again, the field marked.
		await submit(page, conflicts.getByRole('button', { name: '理由を添えて保存' }));
		expect(await page.locator('#refused-ack-pregnancy-point-LI4-error').textContent()).toContain('続ける理由を入力してください。');
		expect(await page.locator('#refused-ack-pregnancy-point-LI4').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByTestId('points-table').count()).toBe(0);

		const li4Reason = '産科の主治医に鍼治療の了承を得ている。合谷は弱い刺激で短時間にとどめる。';
		await page.locator('#refused-ack-pregnancy-point-LI4').fill(li4Reason);
		await submit(page, page.getByTestId('session-conflicts').getByRole('button', { name: '理由を添えて保存' }));
		expect(await page.getByRole('status').first().textContent()).toContain('保存しました。');
		const table = page.getByTestId('points-table');
		expect(await table.textContent()).toContain('LI4 合谷');
		expect(await table.locator('tr:has-text("LI4")').getByTestId('point-cautions').textContent()).toContain('妊娠中は伝統的に使わないツボ');
		expect(await page.getByTestId('session-acknowledged').textContent()).toContain(li4Reason);
		expect(await page.getByTestId('session-conflicts').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);

		// SP6 tapped on the body chart: the same refusal, and the page takes the practitioner to it.
		const sp6 = page.getByRole('button', { name: 'SP6 三陰交', exact: true });
		await sp6.scrollIntoViewIfNeeded();
		await sp6.click();
		await expect.poll(() => page.getByTestId('session-conflicts').count()).toBe(1);
		expect(await page.getByTestId('session-conflict').getAttribute('data-conflict')).toBe('pregnancy.point.SP6');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('refused-heading');
		expect(await table.textContent()).not.toContain('SP6');
		expect(await axeViolations(page)).toEqual([]);

		const sp6Reason = '妊娠中期で経過は順調と主治医に確認済み。三陰交は置鍼せず、軽い単刺のみ。';
		await page.locator('#refused-ack-pregnancy-point-SP6').fill(sp6Reason);
		await submit(page, page.getByTestId('session-conflicts').getByRole('button', { name: '理由を添えて保存' }));
		expect(await table.textContent()).toContain('SP6 三陰交');
		const acknowledged = (await page.getByTestId('session-acknowledged').textContent()) ?? '';
		expect(acknowledged).toContain(li4Reason);
		expect(acknowledged).toContain(sp6Reason);
		expect(acknowledged).toContain('佐藤 美穂');

		// Stored, not only echoed: the record as the server renders it afresh.
		const html = await (await fetch(recordUrl, { headers: { cookie } })).text();
		expect(html).toContain(sp6Reason);
		expect(html).toContain('data-testid="points-table"');
		await context.close();
	});

	it('refuses electroacupuncture for a pacemaker wearer until acknowledged, with plain form posts', async () => {
		const context = await signedIn(false);
		const page = await context.newPage();
		await startSession(page, charts.pacemaker!, false);
		expect(await page.getByTestId('safety-alerts').textContent()).toContain('植込み機器');

		await page.locator('#field-eaPairs').fill('2');
		await page.locator('#field-eaFrequencyHz').fill('2');
		await page.locator('#field-eaMinutes').fill('15');
		await submit(page, page.getByRole('button', { name: '施術法を保存' }), false);
		const conflict = page.getByTestId('session-conflict');
		expect(await conflict.count()).toBe(1);
		expect(await conflict.getAttribute('data-conflict')).toBe('implantedDevice.electroacupuncture');
		expect(await conflict.getAttribute('class')).toContain('prominent');
		expect(await conflict.textContent()).toContain('植込み機器: 低周波鍼通電（電気鍼）');
		expect(await page.getByTestId('session-acknowledged').count()).toBe(0);

		await submit(page, page.getByTestId('session-conflicts').getByRole('button', { name: '理由を添えて保存' }), false);
		expect(await page.locator('#refused-ack-implantedDevice-electroacupuncture-error').textContent()).toContain('続ける理由を入力してください。');

		const reason = '循環器の主治医に確認し、心臓から離れた下腿のみ低出力で通電する。心電図モニター下で実施。';
		await page.locator('#refused-ack-implantedDevice-electroacupuncture').fill(reason);
		await submit(page, page.getByTestId('session-conflicts').getByRole('button', { name: '理由を添えて保存' }), false);
		expect(await page.getByRole('status').first().textContent()).toContain('保存しました。');
		expect(await page.locator('#field-eaPairs').inputValue()).toBe('2');
		expect(await page.locator('#field-eaMinutes').inputValue()).toBe('15');
		expect(await page.getByTestId('session-acknowledged').textContent()).toContain(reason);
		expect(await page.getByTestId('session-conflicts').count()).toBe(0);
		await context.close();
	});
});
