import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/lib/domain/time';
import { totpCodeAt } from '../../src/lib/server/auth/totp';
import { distinctSlotTargets } from '../support/booking-targets';
import { axeViolations, launchBrowser } from '../support/browser';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { staffCookie } from '../support/staff-session';

/*
 * 療養費 consents on the chart and the owner's reports over HTTP (issue #8). This file starts a
 * server of its own, so it can enrol the demo owner's authenticator without touching the shared one.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-reports-'));
let server: ServerProcess;
let browser: Browser;
let reception = '';
let chart = '';
const today = localDate(Date.now(), 'Asia/Tokyo');

function get(url: string, cookie: string) {
	return fetch(`${server.baseUrl}${url}`, { redirect: 'manual', headers: { cookie } });
}

async function signedInContext(cookie: string): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
	const at = cookie.indexOf('=');
	await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.baseUrl }]);
	return context;
}

beforeAll(async () => {
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off' });
	browser = await launchBrowser();
	reception = await staffCookie(server.baseUrl, 'reception@example.jp', demoPasswordsFrom(server.output())['reception@example.jp']);
	// A patient of this test alone, booked online like any new patient.
	const [target] = await distinctSlotTargets(server.baseUrl, 3, 20);
	const booked = await fetch(`${server.baseUrl}/api/v1/bookings`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			serviceId: target!.serviceId,
			practitionerId: target!.practitionerId,
			start: target!.start,
			locale: 'ja',
			patient: { familyName: '保険', givenName: '確認子', email: 'insurance-e2e@example.jp', phone: '090-7777-0815' },
			consent: { privacy: true }
		})
	});
	expect(booked.status).toBe(201);
	const list = await (await get(`/staff/patients?q=${encodeURIComponent('090-7777-0815')}`, reception)).text();
	chart = /href="(\/staff\/patients\/[0-9a-f-]{36})"/.exec(list)?.[1] ?? '';
	expect(chart).not.toBe('');
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the doctor's consent on the chart", () => {
	it('is recorded by reception, with localized field errors first, and shows its status', async () => {
		const context = await signedInContext(reception);
		const page = await context.newPage();
		await page.goto(`${server.baseUrl}${chart}`);
		await page.getByRole('link', { name: '保険・同意書' }).click();
		await page.waitForURL(`${server.baseUrl}${chart}/insurance`);
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('button', { name: '登録する' }).click();
		await expect
			.poll(() => page.locator('.field-error').allTextContents())
			.toEqual(expect.arrayContaining(['入力してください。', '対象となる傷病を1つ以上選んでください。']));
		expect(await axeViolations(page)).toEqual([]);

		await page.getByLabel('再同意').check();
		await page.getByLabel('医師名').fill('田中 一郎');
		await page.getByLabel('医療機関名').fill('江戸川中央クリニック');
		await page.getByLabel('同意日').fill(today);
		await page.getByLabel('神経痛').check();
		await page.getByLabel('腰痛症').check();
		await page.getByRole('button', { name: '登録する' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('同意書を登録しました。');
		expect(await page.getByTestId('consent-status').first().textContent()).toContain('有効');
		expect(await page.getByTestId('consent-table').textContent()).toContain('神経痛、腰痛症');
		await context.close();
	});

	it('lets a practitioner look but not record', async () => {
		const practitioner = await staffCookie(server.baseUrl, 'practitioner@example.jp', demoPasswordsFrom(server.output())['practitioner@example.jp']);
		const html = await (await get(`${chart}/insurance`, practitioner)).text();
		expect(html).toContain('田中 一郎');
		expect(html).not.toContain('action="?/record"');
		const refused = await fetch(`${server.baseUrl}${chart}/insurance?/record`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.baseUrl, cookie: practitioner, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ doctorName: 'x', institution: 'y', signedOn: today, conditions: 'lumbago' })
		});
		expect(refused.status).toBe(403);
	});
});

describe('the monthly claim data', () => {
	it('downloads as CSV with a byte-order mark and a header row, and refuses a malformed month', async () => {
		const response = await get(`/staff/insurance/claims.csv?month=${today.slice(0, 7)}`, reception);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(
			'患者番号,氏名（カナ）,保険者番号,記号,番号,同意日,施術日,算定項目,療養費,負担割合（%）,一部負担金,請求額'
		);
		const context = await signedInContext(reception);
		const page = await context.newPage();
		await page.goto(`${server.baseUrl}/staff/insurance`);
		expect(await page.locator('form[method="get"] input[name="month"]').count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		await context.close();

		const bad = await get('/staff/insurance/claims.csv?month=2026-13', reception);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('対象月を YYYY-MM の形で指定してください。');
	});
});

describe("the owner's reports", () => {
	let page: Page;

	it('are refused to reception', async () => {
		expect((await get('/staff/reports', reception)).status).toBe(403);
		expect((await get('/staff/reports/export.csv?table=visits', reception)).status).toBe(403);
	});

	it('show the owner charts and tables that pass axe, after signing in with an authenticator', async () => {
		page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
		await page.goto(`${server.baseUrl}/staff/login`);
		await page.getByLabel('メールアドレス').fill('owner@example.jp');
		await page.getByLabel('パスワード').fill(demoPasswordsFrom(server.output())['owner@example.jp']!);
		await page.getByRole('button', { name: 'ログイン' }).click();
		await page.waitForURL(`${server.baseUrl}/staff/account/totp`);
		await page.getByLabel('パスワード').fill(demoPasswordsFrom(server.output())['owner@example.jp']!);
		await page.getByRole('button', { name: 'キーを表示' }).click();
		const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
		await page.getByLabel('アプリに表示された6桁のコードを入力してください。').fill(totpCodeAt(secret, new Date()));
		await page.getByRole('button', { name: '設定を完了' }).click();
		await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);

		await page.goto(`${server.baseUrl}/staff/reports`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('経営レポート');
		expect(await page.locator('svg[role="img"]').count()).toBe(3);
		expect(await page.getByTestId('report-table-visits').locator('tbody tr').count()).toBeGreaterThan(0);
		expect(await page.getByTestId('report-table-outcomes').textContent()).toContain('全体');
		expect(await axeViolations(page)).toEqual([]);

		// The filter is a plain GET form: a wrong order of dates comes back with the field's message.
		await page.goto(`${server.baseUrl}/staff/reports?from=2026-05-10&to=2026-05-01`);
		expect(await page.locator('#report-to-error').textContent()).toBe('終了日は開始日以降の日付にしてください。');
	});

	it('export each table as CSV with the figures of the page', async () => {
		const cookies = await page.context().cookies();
		const owner = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
		const response = await get(`/staff/reports/export.csv?table=visits&from=${today.slice(0, 7)}-01&to=${today}`, owner);
		expect(response.status).toBe(200);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe('週（月曜日）,来院数');
		expect((await get('/staff/reports/export.csv?table=nonsense', owner)).status).toBe(400);
	});
});
