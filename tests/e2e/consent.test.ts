import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../src/lib/server/auth/totp';
import { axeViolations, launchBrowser } from '../support/browser';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { staffCookie } from '../support/staff-session';

/*
 * Consent documents and signatures (issue #6), seen by the staff, on a phone-sized screen.
 * - On a server of this file's own, reception records 鈴木 一郎's treatment and privacy consents
 *   at the desk: on the shared server other files (the fuzzing, the authorization matrix) may sign
 *   for the demo patients first, depending on the order files run in.
 * - On a server of its own, the owner publishes treatment version 2 and a patient who signed
 *   version 1 becomes outdated: the shared server's owner is enrolled in TOTP by
 *   staff-sign-in.test.ts, and a new version there would ask every other file's patients again.
 */

const deskDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-consent-desk-'));
let deskServer: ServerProcess;
let base = '';
let passwords: Record<string, string> = {};
const PHONE = { width: 390, height: 844 };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let browser: Browser;

async function contextWithCookie(baseUrl: string, cookie: string): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: PHONE });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: baseUrl }]);
	return context;
}

/** The path of a patient's record, found through the register's search. */
async function recordPath(baseUrl: string, cookie: string, query: string): Promise<string> {
	const response = await fetch(`${baseUrl}/staff/patients?q=${encodeURIComponent(query)}`, { headers: { cookie } });
	expect(response.status).toBe(200);
	const link = new RegExp(`href="(/staff/patients/${UUID})"`).exec(await response.text());
	expect(link, query).not.toBeNull();
	return link![1]!;
}

/** What reception does at the desk: the patient ticks the box and types their name on the tablet. */
async function recordAtDesk(page: Page, kind: 'treatment' | 'privacy', typedName: string) {
	const section = page.getByTestId(`desk-${kind}`);
	await section.getByLabel('上記の内容を読み、同意します').check();
	await section.getByLabel('氏名（フルネーム）').fill(typedName);
	await section.getByRole('button', { name: '同意を記録する' }).click();
}

beforeAll(async () => {
	deskServer = await startBuiltServer({ DATA_DIR: deskDataDir });
	base = deskServer.baseUrl;
	passwords = demoPasswordsFrom(deskServer.output());
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await deskServer?.stop();
	fs.rmSync(deskDataDir, { recursive: true, force: true });
});

describe('reception records consent at the desk', () => {
	let cookie = '';
	let context: BrowserContext;
	let page: Page;
	let suzukiPath = '';
	let yamadaPath = '';
	let signaturePath = '';

	beforeAll(async () => {
		cookie = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
		context = await contextWithCookie(base, cookie);
		page = await context.newPage();
		suzukiPath = await recordPath(base, cookie, 'すずき');
		yamadaPath = await recordPath(base, cookie, 'やまだ');
	});
	afterAll(async () => {
		await context?.close();
	});

	it('shows every kind of consent unanswered, without accessibility violations', async () => {
		await page.goto(`${base}${suzukiPath}/consents`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('鈴木 一郎');
		for (const kind of ['treatment', 'privacy', 'reminders', 'research']) {
			expect(await page.getByTestId(`status-${kind}`).textContent(), kind).toContain('未回答');
		}
		expect(await page.getByTestId('status-treatment').textContent()).toContain('必須');
		expect(await page.getByTestId('status-research').textContent()).toContain('任意');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('refuses a name that is not the patient’s, next to the field, and saves nothing', async () => {
		await recordAtDesk(page, 'treatment', '山田 花子');
		const section = page.getByTestId('desk-treatment');
		await expect.poll(() => section.locator('#treatment-sign-typedName-error').textContent()).toContain('ご登録のお名前と一致しません');
		expect(await section.getByLabel('氏名（フルネーム）').getAttribute('aria-invalid')).toBe('true');
		expect(await section.getByRole('alert').getByRole('link').first().getAttribute('href')).toBe('#treatment-sign-typedName');
		expect(await page.getByTestId('status-treatment').textContent()).toContain('未回答');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('records the treatment and privacy consents, typed in kana and in kanji', async () => {
		await page.goto(`${base}${suzukiPath}/consents`);
		await recordAtDesk(page, 'treatment', 'すずき いちろう');
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('への同意を記録しました。');
		await page.goto(`${base}${suzukiPath}/consents`);
		await recordAtDesk(page, 'privacy', '鈴木　一郎');
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('への同意を記録しました。');

		await page.goto(`${base}${suzukiPath}/consents`);
		for (const kind of ['treatment', 'privacy']) {
			const status = await page.getByTestId(`status-${kind}`).textContent();
			expect(status, kind).toContain('同意済み');
			expect(status, kind).not.toContain('以前の版');
			expect(status, kind).toContain('第1版');
		}
		expect(await page.getByTestId('status-reminders').textContent()).toContain('未回答');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('lists each signature with its version, time and who recorded it', async () => {
		const row = page.locator('table').last().locator('tbody tr').filter({ hasText: '施術への同意' });
		expect(await row.count()).toBe(1);
		const text = (await row.textContent())!;
		expect(text).toContain('第1版');
		expect(text).toContain('同意');
		expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}:\d{2}/);
		expect(text).toContain('院内の端末で記録');
		await row.getByRole('link').click();
		await page.waitForURL(new RegExp(`${suzukiPath}/consents/${UUID}$`));
		signaturePath = new URL(page.url()).pathname;
	});

	it('shows what was signed, exactly, with the tablet it was signed on', async () => {
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('同意の記録');
		expect(await page.getByTestId('signed-version').textContent()).toBe('第1版');
		expect(await page.getByTestId('signed-name').textContent()).toBe('すずき いちろう');
		expect(await page.getByTestId('signed-at').textContent()).toContain('(Asia/Tokyo)');
		const main = (await page.locator('main').textContent())!;
		expect(main).toContain('滅菌済みの使い捨て');
		expect(main).toContain('single-use');
		expect(main).toContain('IPアドレス');
		expect(await page.locator('[lang="en"]').count()).toBeGreaterThan(0);

		const download = page.getByRole('link', { name: 'この記録をダウンロード（HTML）' });
		expect(await download.getAttribute('download')).toMatch(/^consent-treatment-v1-\d{8}\.html$/);
		const href = (await download.getAttribute('href'))!;
		expect(href.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
		const file = Buffer.from(href.slice(href.indexOf(',') + 1), 'base64').toString('utf8');
		expect(file).toContain('<html lang="ja">');
		expect(file).toContain('すずき いちろう');
		expect(file).not.toContain('<script');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('answers 404 for a signature looked up under another patient, and for unknown ids', async () => {
		const signatureId = signaturePath.split('/').at(-1)!;
		for (const path of [
			`${yamadaPath}/consents/${signatureId}`,
			`${suzukiPath}/consents/00000000-0000-4000-8000-000000000000`,
			`${suzukiPath}/consents/${'x'.repeat(500)}`,
			'/staff/patients/not-a-patient/consents'
		]) {
			const response = await fetch(`${base}${path}`, { headers: { cookie } });
			expect(response.status, path).toBe(404);
		}
	});

	it('refuses bad posts with a form error or a client error, never a 500, and saves nothing', async () => {
		const post = (body: string) =>
			fetch(`${base}${suzukiPath}/consents?/sign`, {
				method: 'POST',
				headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
				body
			});
		const before = await page.goto(`${base}${suzukiPath}/consents`).then(() => page.locator('table').last().locator('tbody tr').count());
		const forms = [
			new URLSearchParams({ kind: 'marketing', documentId: 'no-such-document', decision: 'agree', agree: 'on', typedName: '鈴木 一郎' }),
			new URLSearchParams({ kind: 'treatment', documentId: 'x', decision: 'maybe' }),
			new URLSearchParams({ kind: 'privacy', documentId: 'x', decision: 'decline' })
		];
		for (const form of forms) {
			const response = await post(form.toString());
			expect(response.status, form.toString()).toBe(422);
		}
		// Ten megabytes: the server's body limit (413) answers before the form is read. A server may
		// also close the connection on so large a body, which is no 500 either.
		const huge = await post(`typedName=${'a'.repeat(10 * 1024 * 1024)}`).then(
			(response) => response.status,
			() => 'closed' as const
		);
		if (huge !== 'closed') {
			expect(huge).toBeGreaterThanOrEqual(400);
			expect(huge).toBeLessThan(500);
		}
		await page.goto(`${base}${suzukiPath}/consents`);
		expect(await page.locator('table').last().locator('tbody tr').count()).toBe(before);
	});

	it('keeps the owner’s page from reception and sends an anonymous visitor to sign in', async () => {
		expect((await fetch(`${base}/staff/consents`, { headers: { cookie } })).status).toBe(403);
		for (const path of [`${suzukiPath}/consents`, signaturePath, '/staff/consents']) {
			const response = await fetch(`${base}${path}`, { redirect: 'manual' });
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location'), path).toMatch(/^\/staff\/login\?next=/);
		}
	});
});

describe('the owner publishes a new version of the treatment consent', () => {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-consent-'));
	let server: ServerProcess;
	let ownerPage: Page;
	let deskPage: Page;
	let suzukiPath = '';

	beforeAll(async () => {
		server = await startBuiltServer({ DATA_DIR: dataDir });
		const own = demoPasswordsFrom(server.output());
		const deskCookie = await staffCookie(server.baseUrl, 'reception@example.jp', own['reception@example.jp']);
		deskPage = await (await contextWithCookie(server.baseUrl, deskCookie)).newPage();
		suzukiPath = await recordPath(server.baseUrl, deskCookie, 'すずき');
		ownerPage = await (await browser.newContext({ viewport: PHONE })).newPage();
		await ownerPage.goto(`${server.baseUrl}/staff/login`);
		await ownerPage.getByLabel('メールアドレス').fill('owner@example.jp');
		await ownerPage.getByLabel('パスワード').fill(own['owner@example.jp']!);
		await ownerPage.getByRole('button', { name: 'ログイン' }).click();
		await ownerPage.waitForURL(`${server.baseUrl}/staff/account/totp`);
		await ownerPage.getByLabel('パスワード').fill(own['owner@example.jp']!);
		await ownerPage.getByRole('button', { name: 'キーを表示' }).click();
		const secret = (await ownerPage.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
		await ownerPage.getByLabel('アプリに表示された6桁のコードを入力してください。').fill(totpCodeAt(secret, new Date()));
		await ownerPage.getByRole('button', { name: '設定を完了' }).click();
		await ownerPage.getByTestId('recovery-codes').locator('li').nth(9).waitFor();
	});
	afterAll(async () => {
		await server?.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('starts from 鈴木 一郎 agreeing to version 1 at the desk', async () => {
		await deskPage.goto(`${server.baseUrl}${suzukiPath}/consents`);
		await recordAtDesk(deskPage, 'treatment', '鈴木 一郎');
		await expect.poll(() => deskPage.getByRole('status').first().textContent()).toContain('への同意を記録しました。');
		await deskPage.goto(`${server.baseUrl}${suzukiPath}/consents`);
		expect(await deskPage.getByTestId('status-treatment').textContent()).toContain('同意済み');
	});

	it('shows every kind with its versions and how many patients agreed, without accessibility violations', async () => {
		await ownerPage.goto(`${server.baseUrl}/staff/consents`);
		await expect.poll(() => ownerPage.getByRole('heading', { level: 1 }).textContent()).toBe('同意書の管理');
		for (const kind of ['treatment', 'privacy', 'reminders', 'research']) expect(await ownerPage.getByTestId(`version-${kind}-1`).count(), kind).toBe(1);
		// 鈴木 一郎 at the desk; 佐藤 健 (the demo clinic's patient with a history); 小林 真一, who
		// agreed aloud (the demo's open session); 山田 花子, Alex Morgan and 中村 由美 (the demo visits);
		// 中島 正子 (the demo's month ready to claim).
		expect(await ownerPage.getByTestId('agreed-treatment-1').textContent()).toBe('7');
		expect(await axeViolations(ownerPage)).toEqual([]);
	});

	it('asks for the confirmation before publishing', async () => {
		const section = ownerPage.getByTestId('kind-treatment');
		await section.getByText('第2版を作成する').click();
		await section.locator('#publish-treatment-bodyEn').fill('Version 2 of the treatment consent.\n\nA second paragraph.');
		await section.getByRole('button', { name: '第2版を公開する' }).click();
		await expect.poll(() => ownerPage.locator('#publish-treatment-confirm-error').textContent()).toContain('確認のチェック');
		expect(await ownerPage.getByTestId('version-treatment-2').count()).toBe(0);
		expect(await axeViolations(ownerPage)).toEqual([]);
	});

	it('publishes version 2 in Japanese and English', async () => {
		const section = ownerPage.getByTestId('kind-treatment');
		// The refused form comes back open with what was typed.
		expect(await section.locator('#publish-treatment-bodyEn').inputValue()).toContain('Version 2 of the treatment consent.');
		await section.locator('#publish-treatment-bodyJa').fill('施術についての説明（第2版）です。\n\n二つ目の段落です。');
		await section.locator('#publish-treatment-confirm').check();
		await section.getByRole('button', { name: '第2版を公開する' }).click();
		await expect.poll(() => ownerPage.getByRole('status').first().textContent()).toBe('「施術への同意」の第2版を公開しました。');
		await ownerPage.goto(`${server.baseUrl}/staff/consents`);
		expect(await ownerPage.getByTestId('version-treatment-2').textContent()).toContain('（現行）');
		expect(await ownerPage.getByTestId('agreed-treatment-2').textContent()).toBe('0');
		expect(await ownerPage.getByTestId('agreed-treatment-1').textContent()).toBe('7');
		expect(await axeViolations(ownerPage)).toEqual([]);
	});

	it('then shows the patient’s treatment consent as outdated, with version 2 to sign', async () => {
		await deskPage.goto(`${server.baseUrl}${suzukiPath}/consents`);
		const status = (await deskPage.getByTestId('status-treatment').textContent())!;
		expect(status).toContain('以前の版に同意済み');
		expect(status).toContain('第2版');
		expect(status).toContain('第1版');
		const section = deskPage.getByTestId('desk-treatment');
		expect(await section.textContent()).toContain('施術についての説明（第2版）です。');
		expect(await axeViolations(deskPage)).toEqual([]);

		await recordAtDesk(deskPage, 'treatment', '鈴木一郎');
		await expect.poll(() => deskPage.getByRole('status').first().textContent()).toContain('への同意を記録しました。');
		await deskPage.goto(`${server.baseUrl}${suzukiPath}/consents`);
		expect(await deskPage.getByTestId('status-treatment').textContent()).not.toContain('以前の版');
	});
});
