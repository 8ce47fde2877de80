import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { staffCookie } from '../support/staff-session';

/*
 * The clinic's own questionnaires (docs/instruments): a server of its own, started with an
 * instrument folder holding the documented sample, a 0–100 line, a broken file and a clash.
 * The console page is a plain form, so it works without JavaScript (checked once below).
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-instruments-e2e-'));
const instrumentsDir = path.join(dataDir, 'questionnaires');
const sample = JSON.parse(fs.readFileSync('docs/instruments/example-instrument.json', 'utf8'));
const line = {
	code: 'clinic_line',
	name: { ja: '【見本】痛みの線', en: '[Sample] Pain line' },
	scale: { min: 0, max: 100, anchors: [] },
	items: { kind: 'fixed', list: [{ code: 'pain', label: { ja: '痛みの位置', en: 'Where the pain lies' } }] },
	score: 'single',
	better: 'lower',
	responder: { kind: 'improvement', points: 20 }
};

let server: ServerProcess;
let browser: Browser;
let page: Page;
let cookie = '';
let recordPath = '';

beforeAll(async () => {
	fs.mkdirSync(instrumentsDir);
	fs.writeFileSync(path.join(instrumentsDir, 'a-sample.json'), JSON.stringify(sample));
	fs.writeFileSync(path.join(instrumentsDir, 'b-line.json'), JSON.stringify(line));
	fs.writeFileSync(path.join(instrumentsDir, 'c-broken.json'), '{ "code": ');
	fs.writeFileSync(path.join(instrumentsDir, 'd-clash.json'), JSON.stringify({ ...line, code: 'sbi' }));
	server = await startBuiltServer({ DATA_DIR: dataDir, INSTRUMENTS_DIR: instrumentsDir, LOG_LEVEL: 'info', RATE_LIMITS: 'off' });
	cookie = await staffCookie(server.baseUrl, 'practitioner@example.jp', demoPasswordsFrom(server.output())['practitioner@example.jp']);
	const register = await fetch(`${server.baseUrl}/staff/patients?q=${encodeURIComponent('やまだ')}`, { headers: { cookie } });
	recordPath = /href="(\/staff\/patients\/[0-9a-f-]{36})"/.exec(await register.text())![1]!;
	browser = await launchBrowser();
	page = await phonePage(true);
});

/** A phone-sized page signed in as the practitioner; axe needs JavaScript, the no-script check does not. */
async function phonePage(javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: server.baseUrl }]);
	return context.newPage();
}
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the clinic instrument folder at start', () => {
	it('logs each unusable file by name and reason, and starts with the good ones', async () => {
		await expect.poll(() => server.output()).toMatch(/instrument definition c-broken\.json skipped: not valid JSON/);
		expect(server.output()).toMatch(/instrument definition d-clash\.json skipped: code: \\"sbi\\" is a built-in instrument/);
		expect(server.output()).toContain('2 clinic instrument(s) loaded');
	});
});

describe('recording a questionnaire from the console', () => {
	it('offers the good instruments only, without accessibility violations', async () => {
		await page.goto(`${server.baseUrl}${recordPath}/instruments`);
		const options = await page.getByLabel('記録する質問票').locator('option').allTextContents();
		expect(options).toEqual(['【見本】家事のしづらさ', '【見本】痛みの線']);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('asks again for every unanswered item, next to it and in the summary', async () => {
		await page.getByLabel('記録する質問票').selectOption('example_daily_tasks');
		await page.getByRole('button', { name: 'この質問票を開く' }).click();
		await page.getByRole('button', { name: '得点を保存' }).click();
		const summary = page.getByRole('alert');
		await expect.poll(() => summary.textContent()).toContain('洗濯物を干す: この項目に、範囲内の整数で答えてください。');
		expect(await summary.getByRole('link').count()).toBe(4);
		expect(await page.locator('.field-error').count()).toBe(4);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('saves the answers, scores them by the file, and shows the change on the record', async () => {
		for (const [item, answer] of [
			['item0', 3],
			['item1', 3],
			['item2', 2],
			['item3', 2]
		] as const)
			await page.locator(`#${item}-${answer}`).check();
		await page.getByRole('button', { name: '得点を保存' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('【見本】家事のしづらさの得点（62.5）を保存しました。');
		for (const item of ['item0', 'item1', 'item2', 'item3']) await page.locator(`#${item}-1`).check();
		await page.getByRole('button', { name: '得点を保存' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('（25）を保存しました。');

		await page.goto(`${server.baseUrl}${recordPath}`);
		const row = page.getByTestId('instrument-scores').getByRole('row', { name: /家事のしづらさ/ });
		expect(await row.textContent()).toContain('−37.5');
		expect(await row.textContent()).toContain('改善あり（基準到達）');
		expect(await row.textContent()).toContain('改善の基準：15点以上');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('takes a wide scale in a number box and refuses a value off it, without JavaScript', async () => {
		const noJs = await phonePage(false);
		await noJs.goto(`${server.baseUrl}${recordPath}/instruments`);
		await noJs.getByLabel('記録する質問票').selectOption('clinic_line');
		await noJs.getByRole('button', { name: 'この質問票を開く' }).click();
		await noJs.getByLabel('痛みの位置').fill('101');
		await noJs.getByRole('button', { name: '得点を保存' }).click();
		await expect.poll(() => noJs.locator('#field-item0-error').textContent()).toContain('範囲内の整数');
		expect(await noJs.getByLabel('痛みの位置').inputValue()).toBe('101');
		await noJs.getByLabel('痛みの位置').fill('64');
		await noJs.getByRole('button', { name: '得点を保存' }).click();
		await expect.poll(() => noJs.getByRole('status').textContent()).toContain('【見本】痛みの線の得点（64）を保存しました。');
		await noJs.context().close();
	});

	it('answers a tampered or unknown instrument with 422, never 500', async () => {
		const post = (body: Record<string, string>) =>
			fetch(`${server.baseUrl}${recordPath}/instruments`, {
				method: 'POST',
				headers: { cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams(body)
			});
		expect((await post({ instrument: 'odi', item0: '1' })).status).toBe(422);
		expect((await post({ instrument: 'example_daily_tasks', item0: '9', item1: 'x', item2: '-1', item3: '' })).status).toBe(422);
		expect((await post({ instrument: 'sbi', item0: '1' })).status).toBe(422);
	});

	it('is closed to reception', async () => {
		const reception = await staffCookie(server.baseUrl, 'reception@example.jp', demoPasswordsFrom(server.output())['reception@example.jp']);
		expect((await fetch(`${server.baseUrl}${recordPath}/instruments`, { headers: { cookie: reception }, redirect: 'manual' })).status).toBe(403);
	});
});
