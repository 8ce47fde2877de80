import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/*
 * No forgotten needle (docs/clinical-rules.md §3), as the bug was reproduced: a visit whose session
 * had 5 needles in and 3 out was charged and completed. Now the staff banner lists the session on
 * every console page, the desk cannot charge the visit nor mark it completed, and the owner's
 * day-end list shows it; once the practitioner counts the last needles out and closes the session,
 * all of it clears. Every step is a plain form post: the desk's browser runs without JavaScript.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

// Past Tuesdays: a visit is marked arrived on its day or later, never before (issue #22).
let DAY = weekdayAhead(-98, 2);
const suffix = Math.random().toString(36).slice(2, 8);
const PATIENT = { familyName: '石田', givenName: `忠${suffix}` };
const FULL_NAME = `${PATIENT.familyName} ${PATIENT.givenName}`;
const postForm = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);
const get = (path: string, cookie: string) => fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });

let reception = '';
let practitioner = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let appointmentId = '';
let chartPath = '';
let sessionPath = '';

/** The banner entry of this test's patient, on whatever console page is open. */
const bannerEntry = () => page.getByTestId('open-needle-session').filter({ hasText: FULL_NAME });

async function visit(path: string) {
	const response = await page.goto(`${base}${path}`);
	expect(response?.status(), path).toBe(200);
}

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	const sato = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id;
	const follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	for (const week of [0, 1, 2]) {
		DAY = weekdayAhead(-98 - 7 * week, 2);
		const created = await postForm(
			`/staff/schedule?date=${DAY}&/create`,
			{ patientId: 'new', ...PATIENT, phone: '090-3333-0505', serviceId: follow, practitionerId: sato, bedId: '', date: DAY, time: '10:00', source: 'walk_in' },
			reception
		);
		if (created.status === 200) break;
	}
	const day = await (await get(`/staff/schedule?date=${DAY}`, reception)).text();
	for (const match of day.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)) {
		if (!match[0].includes(FULL_NAME)) continue;
		appointmentId = match[1]!;
		chartPath = /href="(\/staff\/patients\/[0-9a-f-]{36})"/.exec(match[0])![1]!;
	}
	expect(appointmentId).not.toBe('');
	expect((await postForm(`/staff/schedule?date=${DAY}&/status`, { id: appointmentId, status: 'arrived' }, reception)).status).toBe(200);

	// The practitioner takes the treatment consent aloud, starts the session for the visit and counts 5 in, 3 out.
	expect((await postForm(`${chartPath}/sessions?/verbal`, { kind: 'treatment', confirm: 'on' }, practitioner)).status).toBe(200);
	const started = await postForm(`${chartPath}/sessions?/start`, { appointmentId }, practitioner);
	expect(started.status).toBe(303);
	sessionPath = started.headers.get('location')!.replace(/\?.*$/, '');
	expect(sessionPath).toMatch(/\/sessions\/[0-9a-f-]{36}$/);
	expect((await postForm(`${sessionPath}?/needleCounts`, { form: 'needleCounts', needlesIn: '5', needlesOut: '3' }, practitioner)).status).toBe(200);

	browser = await launchBrowser();
	context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
	const split = reception.indexOf('=');
	await context.addCookies([{ name: reception.slice(0, split), value: reception.slice(split + 1), url: base }]);
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

describe('a session left with 5 needles in and 3 out', () => {
	it('is listed on the staff banner of every console page, with both counts', async () => {
		for (const path of ['/staff', `/staff/schedule?date=${DAY}`, '/staff/patients', '/staff/billing']) {
			await visit(path);
			expect(await bannerEntry().textContent(), path).toContain('刺入5本・抜鍼3本（2本 未確認）');
		}
		// Reception cannot open the session record; the banner leads to the desk's page for the visit instead.
		expect(await bannerEntry().getByRole('link').getAttribute('href')).toBe(`/staff/billing/appointments/${appointmentId}`);
		// axe runs as a script: the same page, checked in a twin with JavaScript.
		const withScript = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
		await withScript.addCookies(await context.cookies());
		const checked = await withScript.newPage();
		await checked.goto(`${base}/staff/billing`);
		expect(await checked.getByTestId('open-needle-session').filter({ hasText: FULL_NAME }).count()).toBe(1);
		expect(await axeViolations(checked)).toEqual([]);
		await withScript.close();
	});

	it('cannot be charged: the desk is told why before and after trying, and nothing is charged', async () => {
		await visit(`/staff/billing/appointments/${appointmentId}`);
		expect(await page.getByTestId('needles-unaccounted').textContent()).toContain('抜鍼が確認されていない鍼があります（刺入5本・抜鍼3本）');
		await Promise.all([page.waitForEvent('load'), page.locator('main form[method="post"] button[type="submit"]').last().click()]);
		expect(new URL(page.url()).pathname).toBe(`/staff/billing/appointments/${appointmentId}`);
		expect(await page.locator('main').textContent()).toContain('施術記録を終了するまで会計できません');
		const posted = await postForm(`/staff/billing/appointments/${appointmentId}`, { payer: 'self_pay' }, reception);
		expect(posted.status).toBe(409);
	});

	it('cannot be marked completed on the schedule', async () => {
		const refused = await postForm(`/staff/schedule?date=${DAY}&/status`, { id: appointmentId, status: 'completed' }, reception);
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('完了にできません。');
		const day = await (await get(`/staff/schedule?date=${DAY}`, reception)).text();
		const row = new RegExp(`<tr id="appt-${appointmentId}"[\\s\\S]*?</tr>`).exec(day)![0];
		expect(row).toMatch(/class="status arrived[\s"]/);
		expect(row).not.toMatch(/class="status completed[\s"]/);
	});

	it('appears on the day-end list of open session records', async () => {
		await visit('/staff/billing/day');
		const list = page.getByTestId('day-open-sessions');
		const entry = list.locator('tr').filter({ hasText: FULL_NAME });
		expect(await entry.textContent()).toContain('刺入5本・抜鍼3本');
		expect(await entry.textContent()).toContain('未抜鍼の可能性 2本');
	});
});

describe('once the needles are counted out and the session is closed', () => {
	it('clears from the banner and the day-end list, and the visit is charged and completed', async () => {
		expect((await postForm(`${sessionPath}?/needleCounts`, { form: 'needleCounts', needlesIn: '5', needlesOut: '5' }, practitioner)).status).toBe(200);
		expect((await postForm(`${sessionPath}?/close`, {}, practitioner)).status).toBe(200);

		await visit('/staff/billing');
		expect(await bannerEntry().count()).toBe(0);
		await visit('/staff/billing/day');
		expect(await page.getByTestId('day-open-sessions').locator('tr').filter({ hasText: FULL_NAME }).count()).toBe(0);

		await visit(`/staff/billing/appointments/${appointmentId}`);
		expect(await page.getByTestId('needles-unaccounted').count()).toBe(0);
		await Promise.all([page.waitForEvent('load'), page.locator('main form[method="post"] button[type="submit"]').last().click()]);
		expect(new URL(page.url()).pathname).toMatch(/^\/staff\/billing\/charges\/[0-9a-f-]{36}$/);
		expect((await postForm(`/staff/schedule?date=${DAY}&/status`, { id: appointmentId, status: 'completed' }, reception)).status).toBe(200);
	});
});
