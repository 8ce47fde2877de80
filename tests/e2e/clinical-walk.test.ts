import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACUPOINTS } from '../../src/lib/domain/acupoints/points';
import { submitAndSettle } from '../support/session-page';
import { axeViolations, launchBrowser } from '../support/browser';
import { signConsentsAtDesk } from '../support/desk-consents';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie, staffTotpCode } from '../support/staff-session';
import { enterIntakeAsStaff } from '../support/staff-intake';

/*
 * The clinical walk of issue #7 on a tablet beside the bed, in one go: sign in, open the patient
 * from the schedule, examine, plan past a contraindication, start a session from the plan, add a
 * point by tapping the body chart, time the retention, close only once every needle is out, and
 * see the outcome recorded afterwards on the chart. The patient is this test's own: a pacemaker
 * wearer (electroacupuncture is contraindicated) booked on a quiet Thursday no other test uses.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');
const TABLET = { width: 820, height: 1180 };
const PATIENT = { familyName: '森川', givenName: '歩', familyNameKana: 'もりかわ', givenNameKana: 'あゆむ' };
const FULL_NAME = `${PATIENT.familyName} ${PATIENT.givenName}`;

/** A Thursday (open 09:00–12:30, 14:30–19:30) about eleven weeks ahead, clear of other tests' bookings. */
const DAY = weekdayAhead(77, 4);

let cookie = '';
let browser: Browser;
let chartPath = '';
const postForm = (path: string, fields: Record<string, string>) => browserFormPost(base, path, fields, cookie);

/** Books the patient on the practitioner's schedule as a walk-in and returns their chart path. */
async function bookPatient(): Promise<string> {
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	const created = await postForm(`/staff/schedule?date=${DAY}&/create`, {
		patientId: 'new',
		...PATIENT,
		phone: '090-2468-1357',
		serviceId: services.find((s: { code: string }) => s.code === 'FOLLOW').id,
		practitionerId: practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id,
		bedId: '',
		date: DAY,
		time: '15:00',
		source: 'walk_in'
	});
	expect(created.status).toBe(200);
	const day = await (await fetch(`${base}/staff/schedule?date=${DAY}`, { headers: { cookie } })).text();
	const link = new RegExp(`href="(/staff/patients/[0-9a-f-]{36})"><strong>${FULL_NAME}<`).exec(day);
	expect(link, 'the booked patient is on the schedule').not.toBeNull();
	return link![1]!;
}

/** The intake as staff enter it: a pacemaker, right-sided sciatica, baseline leg pain 6 and back pain 4. */
async function enterIntake(path: string) {
	await enterIntakeAsStaff(base, cookie, path, {
		safety: { implantedDevice: 'yes' },
		complaint: { description: '右のお尻からふくらはぎの外側まで痛む', durationValue: '2', durationUnit: 'months', 'painBack.lowerLeg-right': 'on' },
		// The walk-in gave no date of birth: the intake asks the age instead of assuming one.
		'red-flags': { age: '46' },
		measures: { legPain: '6', backPain: '4', psfs1Score: '4', sbiLegPain: '4', sbiNumbness: '2', sbiWeakness: '1', sbiSittingPain: '4' }
	});
}

/** Clicks a form's submit button and waits for its answer: a new page, or the session record saved in place. */
async function submit(page: Page, button: Locator) {
	await submitAndSettle(page, button);
}

/** The session record ships JavaScript (the timer): typing before it hydrates could be lost. */
async function hydrated(page: Page) {
	await page.waitForSelector('main[data-hydrated="true"]');
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	chartPath = await bookPatient();
	await signConsentsAtDesk(base, cookie, chartPath, FULL_NAME);
	await enterIntake(chartPath);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('a practitioner on a tablet beside the bed', () => {
	it('walks from the schedule through examination, plan and session to the outcome on the chart', async () => {
		const context = await browser.newContext({ viewport: TABLET, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
		const page = await context.newPage();

		// Signs in and lands on the day's schedule; one tap on the name opens the chart.
		await page.goto(`${base}/staff/login?next=${encodeURIComponent(`/staff/schedule?date=${DAY}`)}`);
		await page.getByLabel('メールアドレス').fill('practitioner@example.jp');
		await page.getByLabel('パスワード').fill(passwords['practitioner@example.jp']!);
		const code = await staffTotpCode(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
		await submit(page, page.getByRole('button', { name: 'ログイン' }));
		// Then the code from the authenticator app (issue #16), which leads on to the page asked for.
		expect(new URL(page.url()).pathname).toBe('/staff/login/totp');
		await page.getByLabel('確認コード').fill(code);
		await submit(page, page.getByRole('button', { name: '確認' }));
		expect(new URL(page.url()).pathname).toBe('/staff/schedule');
		await submit(page, page.locator('a[href^="/staff/patients/"]', { hasText: FULL_NAME }));
		expect(new URL(page.url()).pathname).toBe(chartPath);
		const progressRows = page.locator('table', { has: page.locator('caption', { hasText: '記録の一覧' }) }).locator('tbody tr');
		// Leg pain is drawn as circles on the progress chart.
		const legPainPoints = page.locator('svg.plot circle');
		const rowsBefore = await progressRows.count();
		const pointsBefore = await legPainPoints.count();
		expect(rowsBefore, 'the intake’s baseline is on the chart').toBeGreaterThanOrEqual(1);

		// The examination: right-sided, positive SLR, reduced ankle jerk.
		await submit(page, page.getByRole('link', { name: '問診・検査・評価' }));
		await page.locator('input[name="side"][value="right"]').check();
		await page.getByLabel('角度（0〜90°、未実施は空欄）').first().fill('50');
		await page.locator('input[name="right.slrPain"]').check();
		await page.locator('select[name="right.reflex.ankle"]').selectOption('reduced');
		await submit(page, page.getByRole('button', { name: '問診・検査・評価を保存' }));
		expect(page.url()).toMatch(/\/exams\/[0-9a-f-]{36}\?saved$/);

		// The plan: electroacupuncture meets the pacemaker; saving needs a written reason.
		await page.goto(`${base}${chartPath}/plan`);
		await page.locator('#field-electroacupuncture').check();
		await submit(page, page.getByRole('button', { name: '施術計画を保存' }));
		const conflict = page.getByTestId('plan-conflict');
		expect(await conflict.count()).toBe(1);
		expect(await conflict.getAttribute('data-conflict')).toBe('implantedDevice.electroacupuncture');
		expect(await conflict.getAttribute('class')).toContain('prominent');
		expect(await page.getByTestId('plan-acknowledged').count()).toBe(0);
		const reason = 'ペースメーカーのため低周波は使わず、手技のみで行う。主治医に確認済み。';
		await page.locator('#ack-implantedDevice-electroacupuncture').fill(reason);
		await submit(page, page.getByRole('button', { name: '施術計画を保存' }));
		expect(await page.getByRole('status').first().textContent()).toContain('施術計画を保存しました。');
		expect(await page.getByTestId('plan-acknowledged').textContent()).toContain(reason);

		// A session started from the plan opens with the plan's points.
		await page.goto(`${base}${chartPath}/sessions`);
		await submit(page, page.getByRole('button', { name: '施術を開始する' }));
		expect(page.url()).toMatch(/\/sessions\/[0-9a-f-]{36}/);
		await hydrated(page);
		const recordUrl = page.url().replace(/\?.*$/, '');
		const table = page.getByTestId('points-table');
		expect(await table.textContent()).toContain('GB30 環跳');
		expect(await table.textContent()).not.toContain('GB34');

		// Tapping GB34 on the body chart adds it on the plan's side, without reloading the page.
		expect(await page.getByRole('group', { name: '追加する側' }).getByRole('radio', { name: '右' }).isChecked()).toBe(true);
		const targets = await page
			.locator('button[data-point]')
			.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
		expect(targets.length).toBe(ACUPOINTS.length);
		expect(Math.min(...targets), 'every tap target is at least 44 px').toBeGreaterThanOrEqual(44);
		const gb34 = page.getByRole('button', { name: 'GB34 陽陵泉', exact: true });
		await gb34.scrollIntoViewIfNeeded();
		await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
		await gb34.click();
		await expect.poll(() => table.textContent()).toContain('GB34 陽陵泉');
		expect(await table.locator('tr:has-text("GB34") td').first().textContent()).toBe('右');
		expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the page was not reloaded').toBe(true);
		const box = await gb34.boundingBox();
		expect(box!.y, 'the tapped point is still in view').toBeGreaterThanOrEqual(0);
		expect(box!.y + box!.height).toBeLessThanOrEqual(TABLET.height);
		const described = await gb34.getAttribute('aria-describedby');
		expect(await page.locator(`[id="${described}"]`).textContent()).toBe('この施術で記録済み（右）');
		expect(await axeViolations(page)).toEqual([]);

		// Without JavaScript a tap is a plain form post, and adds the point all the same.
		const plain = await browser.newContext({ viewport: TABLET, locale: 'ja-JP', javaScriptEnabled: false });
		await plain.addCookies(await context.cookies());
		const plainPage = await plain.newPage();
		await plainPage.goto(recordUrl);
		await submit(plainPage, plainPage.getByRole('button', { name: 'GB39 懸鐘', exact: true }));
		expect(await plainPage.getByTestId('points-table').locator('tr:has-text("GB39") td').first().textContent()).toBe('右');
		await plain.close();

		// The retention timer counts down from the server's end time.
		await page.locator('#field-retention').fill('15');
		await submit(page, page.getByRole('button', { name: /^タイマーを(開始|やり直す)$/ }));
		await hydrated(page);
		await expect.poll(() => page.getByTestId('timer-countdown').textContent()).toMatch(/残り (14|15):\d{2}/);
		const first = await page.getByTestId('timer-countdown').textContent();
		await expect.poll(() => page.getByTestId('timer-countdown').textContent(), { timeout: 5000 }).not.toBe(first);

		// Six needles in and five out: closing is refused, naming both numbers.
		await page.getByText('本数をまとめて入力').click();
		await page.locator('#field-needlesIn').fill('6');
		await page.locator('#field-needlesOut').fill('5');
		await submit(page, page.getByRole('button', { name: '本数を保存' }));
		await hydrated(page);
		await submit(page, page.getByRole('button', { name: '施術を終了する' }));
		await hydrated(page);
		expect(await page.getByTestId('form-message').textContent()).toContain('刺入本数（6本）と抜鍼本数（5本）が一致しないため');
		expect(await page.getByTestId('session-status').textContent()).toBe('施術中');

		// The sixth needle is counted out; now the session closes.
		await page.getByText('本数をまとめて入力').click();
		await page.locator('#field-needlesOut').fill('6');
		await submit(page, page.getByRole('button', { name: '本数を保存' }));
		await hydrated(page);
		await submit(page, page.getByRole('button', { name: '施術を終了する' }));
		await hydrated(page);
		expect(await page.getByTestId('session-status').textContent()).toContain('終了');
		expect(await page.getByRole('status').first().textContent()).toContain('施術を終了しました。');
		expect(await axeViolations(page)).toEqual([]);

		// The pain after the session is an outcome check-in: the chart gains a row and a point.
		await page.locator('#field-preLegPain').fill('3');
		await page.locator('#field-preBackPain').fill('2');
		await submit(page, page.getByRole('button', { name: '痛みの値を保存' }));
		expect(await page.getByRole('status').first().textContent()).toContain('保存しました。');
		await page.goto(`${base}${chartPath}`);
		expect(await progressRows.count()).toBe(rowsBefore + 1);
		expect(await progressRows.last().locator('td').first().textContent()).toBe('3');
		expect(await legPainPoints.count()).toBe(pointsBefore + 1);

		await context.close();
	});
});
