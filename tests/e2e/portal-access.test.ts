import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { linkIn, waitForMail } from '../support/mailbox';
import { browserFormPost } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/*
 * The patient portal's way in (issue #6), on the shared server: a sign-in link by e-mail (read
 * from the SMTP peer's mailbox), the portal home, one appointment, "download my data" and a
 * deletion request. Demo patients 4 (中村 由美, Japanese) and 3 (Alex Morgan, English) are used,
 * so that other files' tests with patient 1 do not use up her sign-in links.
 */

const base = inject('baseUrl');
const formPost = (path: string, body: Record<string, string>, cookie = '') => browserFormPost(base, path, body, cookie);
const mailDir = inject('mailDir');
const passwords = inject('demoPasswords');
const YUMI = 'patient4@example.jp';
const ALEX = 'patient3@example.jp';
const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const signInLink = (prefix: '' | '/en') => new RegExp(`${escaped}${prefix}/portal/auth/[a-z0-9]+(\\?next=[^\\s]+)?`);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let yumiLink = '';
let yumiAppointmentPath = '';

async function patientCookieOf(browserContext: BrowserContext): Promise<string> {
	const cookie = (await browserContext.cookies(base)).find((c) => c.name === 'shinkyu_patient');
	expect(cookie, 'no portal session cookie').toBeDefined();
	expect(cookie!.httpOnly).toBe(true);
	return `${cookie!.name}=${cookie!.value}`;
}

beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

describe('signing in to the patient portal', () => {
	it('sends an anonymous visitor to the portal sign-in page', async () => {
		for (const path of ['/portal', '/portal/data', '/portal/data/export', '/portal/appointments/00000000-0000-4000-8000-000000000000', '/en/portal']) {
			const response = await fetch(`${base}${path}`, { redirect: 'manual' });
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location'), path).toBe(path.startsWith('/en') ? '/en/portal/login' : '/portal/login');
		}
	});

	it('answers a known and an unknown address alike, and a malformed one next to the field', async () => {
		for (const email of ['nobody-at-all@example.jp', ' PATIENT4@example.jp ']) {
			const response = await formPost('/portal/login', { email });
			expect(response.status, email).toBe(303);
			expect(response.headers.get('location'), email).toBe('/portal/login?sent');
		}
		await page.goto(`${base}/portal/login`);
		await page.getByLabel('メールアドレス').fill('not an address');
		await page.getByRole('button', { name: 'ログイン用リンクを送る' }).click();
		await expect.poll(() => page.locator('#field-email-error').textContent()).toBe('メールアドレスの形式で入力してください。');
		expect(await page.getByLabel('メールアドレス').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#field-email');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('mails a link that works from the page it opens, on a phone', async () => {
		await page.goto(`${base}/portal/login`);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByLabel('メールアドレス').fill(YUMI);
		await page.getByRole('button', { name: 'ログイン用リンクを送る' }).click();
		await page.waitForURL(`${base}/portal/login?sent`);
		await expect.poll(() => page.getByRole('status').textContent()).toContain('ログイン用のリンクをお送りしました');

		const mail = await waitForMail(mailDir, YUMI, (m) => (m.subject ?? '').includes('ログイン用リンク'));
		expect(mail.text).toContain('由美 様のマイページ:');
		expect(mail.text).not.toContain('中村');
		yumiLink = linkIn(mail, signInLink(''));

		// A mail scanner fetching the link does not use it up.
		for (let i = 0; i < 2; i++) {
			const scanned = await fetch(yumiLink);
			expect(scanned.status).toBe(200);
			expect(await scanned.text()).toContain('マイページへ進む');
		}
		await page.goto(yumiLink);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'マイページへ進む' }).click();
		await page.waitForURL(`${base}/portal`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('マイページ');
		expect(await page.locator('main').textContent()).not.toContain('中村');
		expect(await page.getByText('由美 様').count()).toBeGreaterThan(0);
		expect(await page.getByText('中村 由美 様').count(), 'addressed by full name').toBeGreaterThan(0);
		const menu = page.getByRole('navigation', { name: 'マイページのメニュー' });
		// On a phone the links fold into one compact menu, so the page's content comes first (issue #22).
		expect(await menu.getByRole('link', { name: '問診票', exact: true }).count(), 'folded').toBe(0);
		await menu.getByText('メニュー', { exact: true }).click();
		for (const name of ['ホーム', '問診票', '同意書', '経過の記録', '回復の経過', '施術後の不調を報告', 'ご自身のデータ']) {
			expect(await menu.getByRole('link', { name, exact: true }).count(), name).toBe(1);
		}
		expect(await axeViolations(page)).toEqual([]);
	});

	it('refuses the same link a second time, with a way to ask for a new one', async () => {
		const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const second = await other.newPage();
		await second.goto(yumiLink);
		await expect.poll(() => second.getByRole('heading', { level: 1 }).textContent()).toBe('このリンクは使えません');
		expect(await second.getByRole('link', { name: '新しいリンクを受け取る' }).getAttribute('href')).toBe('/portal/login');
		expect(await axeViolations(second)).toEqual([]);
		const posted = await formPost(new URL(yumiLink).pathname, { next: '/portal' });
		expect(posted.status).toBe(410);
		expect(posted.headers.getSetCookie().some((c) => c.startsWith('shinkyu_patient='))).toBe(false);
		await other.close();
	});

	it('shows her appointments in the clinic’s time zone and opens one of them', async () => {
		await page.goto(`${base}/portal`);
		const upcoming = page.getByRole('region', { name: 'これからのご予約' });
		const first = upcoming
			.getByRole('link')
			.filter({ hasText: /\d{4}年\d{1,2}月\d{1,2}日.*\d{1,2}:\d{2}/ })
			.first();
		yumiAppointmentPath = (await first.getAttribute('href'))!;
		expect(yumiAppointmentPath).toMatch(/^\/portal\/appointments\/[0-9a-f-]{36}$/);
		await first.click();
		await page.waitForURL(`${base}${yumiAppointmentPath}`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ご予約の詳細');
		expect(await page.locator('main').textContent()).toContain('予約済み');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('does not show one patient another patient’s appointment', async () => {
		const english = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const alex = await english.newPage();
		await alex.goto(`${base}/en/portal/login`);
		await alex.getByLabel('Email address').fill(ALEX);
		await alex.getByRole('button', { name: 'Send me a sign-in link' }).click();
		await alex.waitForURL(`${base}/en/portal/login?sent`);
		const mail = await waitForMail(mailDir, ALEX, (m) => (m.subject ?? '').includes('sign-in link'));
		expect(mail.text).toContain('Portal for Alex:');
		await alex.goto(linkIn(mail, signInLink('/en')));
		await alex.getByRole('button', { name: 'Continue to your portal' }).click();
		await alex.waitForURL(`${base}/en/portal`);
		expect(await alex.getByRole('heading', { level: 1 }).textContent()).toBe('Your portal');

		const cookie = await patientCookieOf(english);
		const theirs = await fetch(`${base}${yumiAppointmentPath}`, { headers: { cookie }, redirect: 'manual' });
		expect(theirs.status).toBe(404);
		const cancel = await formPost(`${yumiAppointmentPath}?/cancel`, {}, cookie);
		expect(cancel.status).toBe(404);
		const exported = await (await fetch(`${base}/portal/data/export`, { headers: { cookie } })).text();
		expect(exported).not.toContain('由美');
		await english.close();
	});

	it('downloads everything held about her as a JSON file', async () => {
		const cookie = await patientCookieOf(context);
		const response = await fetch(`${base}/portal/data/export`, { headers: { cookie } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const data = await response.json();
		expect(data.patient).toMatchObject({ familyName: '中村', givenName: '由美', email: YUMI });
		expect(data.patient).not.toHaveProperty('romajiKey');
		expect(data.appointments.map((a: { id: string }) => `/portal/appointments/${a.id}`)).toContain(yumiAppointmentPath);
		expect(JSON.stringify(data)).not.toContain('Morgan');
	});

	it('takes a deletion request with a reason, and explains an empty one next to the field', async () => {
		await page.goto(`${base}/portal/data`);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: '削除を依頼する' }).click();
		await expect.poll(() => page.locator('#field-reason-error').textContent()).toBe('入力してください。');
		expect(await page.getByLabel('削除を希望する理由').getAttribute('aria-invalid')).toBe('true');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByLabel('削除を希望する理由').fill('通院を終えたため');
		await page.getByRole('button', { name: '削除を依頼する' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('削除のご依頼を受け付けました');
		expect(await page.getByRole('region', { name: 'これまでのご依頼' }).textContent()).toContain('確認中');
		expect(await page.getByRole('button', { name: '削除を依頼する' }).count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);

		const mail = await waitForMail(mailDir, 'clinic@example.jp', (m) => (m.subject ?? '').includes('データ削除'));
		expect(mail.text).toContain(`${base}/staff/deletion-requests`);
		expect(mail.text).not.toContain('由美');
		expect(mail.text).not.toContain('通院を終えた');
	});

	it('keeps the deletion requests page for the owner only', async () => {
		const reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
		const response = await fetch(`${base}/staff/deletion-requests`, { headers: { cookie: reception }, redirect: 'manual' });
		expect(response.status).toBe(403);
		const patient = await patientCookieOf(context);
		const asPatient = await fetch(`${base}/staff/deletion-requests`, { headers: { cookie: patient }, redirect: 'manual' });
		expect(asPatient.status).toBe(303);
		expect(asPatient.headers.get('location')).toMatch(/^\/staff\/login/);
	});

	it('signs out, after which the portal asks to sign in again', async () => {
		const cookie = await patientCookieOf(context);
		await page.goto(`${base}/portal`);
		await page.getByRole('button', { name: 'ログアウト' }).click();
		await page.waitForURL(`${base}/portal/login?signed-out`);
		await expect.poll(() => page.getByRole('status').textContent()).toBe('ログアウトしました。');
		const after = await fetch(`${base}/portal`, { headers: { cookie }, redirect: 'manual' });
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toBe('/portal/login');
	});
});
