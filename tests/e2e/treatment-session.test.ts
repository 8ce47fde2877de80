import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { submitAndSettle } from '../support/session-page';
import { staffCookie } from '../support/staff-session';

/*
 * The session record at the bedside (issue #7, docs/clinical-rules.md §3): a practitioner on a tablet starts a
 * session for the demo patient 佐藤 健, records points, cannot close while a needle is unaccounted
 * for, runs the retention timer, and closes once the counts match.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');
const TABLET = { width: 1024, height: 768 };

let cookie = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sessionsPath = '';
let recordUrl = '';

async function signedInContext(): Promise<BrowserContext> {
	const ctx = await browser.newContext({ viewport: TABLET, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await ctx.addCookies([{ name, value, url: base }]);
	return ctx;
}

/** 佐藤 健's sessions page, found through the patient register by kana. */
async function satoSessionsPath(): Promise<string> {
	const response = await fetch(`${base}/staff/patients?q=${encodeURIComponent('さとう')}`, { headers: { cookie } });
	expect(response.status).toBe(200);
	const link = /<a href="(\/staff\/patients\/[0-9a-f-]{36})">佐藤 健</.exec(await response.text());
	expect(link).not.toBeNull();
	return `${link![1]!}/sessions`;
}

/**
 * The record page ships JavaScript (the timer); typing before it hydrates could be overwritten, so
 * every visit waits for the page's script to have run.
 */
async function ready(p: Page) {
	await p.waitForSelector('main[data-hydrated="true"]');
}

async function visit(url: string, p: Page = page) {
	await p.goto(url);
	await ready(p);
}

/** Clicks a submit button and waits for its answer: a new page, or the record saved in place (issue #22). */
async function submit(button: Locator, p: Page = page) {
	await submitAndSettle(p, button);
	await ready(p);
}

async function expectNoAxeViolations(p: Page) {
	expect(await axeViolations(p)).toEqual([]);
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	browser = await launchBrowser();
	context = await signedInContext();
	page = await context.newPage();
	sessionsPath = await satoSessionsPath();
});
afterAll(async () => {
	await browser?.close();
});

describe('a treatment session on a tablet', () => {
	it('lists the sessions of 佐藤 健 and offers to start one', async () => {
		await page.goto(`${base}${sessionsPath}`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('佐藤 健');
		expect(await page.getByRole('button', { name: '施術を開始する' }).isVisible()).toBe(true);
		await expectNoAxeViolations(page);
	});

	it('starts a session and opens its record', async () => {
		await page.getByRole('button', { name: '施術を開始する' }).click();
		await page.waitForURL(/\/sessions\/[0-9a-f-]{36}/);
		await ready(page);
		recordUrl = page.url().replace(/\?.*$/, '');
		await expect.poll(() => page.getByTestId('session-status').textContent()).toBe('施術中');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('施術記録');
		await expectNoAxeViolations(page);
	});

	it('adds points with side, gauge, length, depth, technique and de qi', async () => {
		await page.locator('#field-code').selectOption('GB30');
		await page.locator('#field-side').selectOption('left');
		await page.locator('#field-gauge').selectOption('3');
		await page.locator('#field-lengthMm').selectOption('50');
		await page.locator('#field-depthMm').fill('40');
		await page.locator('#field-technique').selectOption('retention');
		await page.locator('#field-deqi').selectOption('strong');
		await submit(page.getByRole('button', { name: 'ツボを追加' }));
		await expect.poll(() => page.getByTestId('points-table').textContent()).toContain('GB30 環跳');

		await page.locator('#field-code').selectOption('BL40');
		await page.locator('#field-side').selectOption('both');
		await submit(page.getByRole('button', { name: 'ツボを追加' }));
		await expect.poll(() => page.getByTestId('points-table').textContent()).toContain('BL40 委中');
		const table = (await page.getByTestId('points-table').textContent()) ?? '';
		expect(table).toContain('3番');
		expect(table).toContain('40 mm');
		expect(table).toContain('置鍼');
		await expectNoAxeViolations(page);
	});

	it('refuses a depth beyond the needle length next to the field, saving nothing', async () => {
		const rowsBefore = await page.getByTestId('points-table').locator('tbody tr').count();
		await page.locator('#field-code').selectOption('BL36');
		await page.locator('#field-lengthMm').selectOption('50');
		await page.locator('#field-depthMm').fill('60');
		await submit(page.getByRole('button', { name: 'ツボを追加' }));
		await expect.poll(() => page.locator('#field-depthMm-error').textContent()).toContain('刺入の深さが鍼の長さを超えています。');
		expect(await page.locator('#field-depthMm').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByTestId('points-table').locator('tbody tr').count()).toBe(rowsBefore);
		await expectNoAxeViolations(page);
	});

	it('refuses to close with 6 needles in and 5 out, naming both numbers', async () => {
		await visit(recordUrl);
		await page.getByText('本数をまとめて入力').click();
		await page.locator('#field-needlesIn').fill('6');
		await page.locator('#field-needlesOut').fill('5');
		await submit(page.getByRole('button', { name: '本数を保存' }));
		await expect.poll(() => page.getByTestId('needles-in').textContent()).toContain('6本');
		expect(await page.getByTestId('needles-out').textContent()).toContain('5本');
		expect(await page.getByTestId('needles-status').textContent()).toContain('まだ1本の鍼が抜かれていません。');

		await submit(page.getByRole('button', { name: '施術を終了する' }));
		await expect.poll(() => page.getByTestId('form-message').textContent()).toContain('刺入本数（6本）と抜鍼本数（5本）が一致しないため');
		expect(await page.getByTestId('form-message').getAttribute('role')).toBe('alert');
		expect(await page.getByTestId('session-status').textContent()).toBe('施術中');
		await expectNoAxeViolations(page);
	});

	it('starts the retention timer: the end time comes from the server and a countdown runs', async () => {
		await visit(recordUrl);
		await page.locator('#field-retention').fill('20');
		await submit(page.getByRole('button', { name: /^タイマーを(開始|やり直す)$/ }));
		await expect.poll(() => page.getByTestId('timer-ends').textContent()).toMatch(/置鍼は\d{1,2}:\d{2}に終わります（20分）。/);
		await expect.poll(() => page.getByTestId('timer-countdown').textContent()).toMatch(/残り (19|20):\d{2}/);
		const first = await page.getByTestId('timer-countdown').textContent();
		await expect.poll(() => page.getByTestId('timer-countdown').textContent(), { timeout: 5000 }).not.toBe(first);
		await expectNoAxeViolations(page);
	});

	it('shows the same end time after a reload, and without JavaScript', async () => {
		const before = await page.getByTestId('timer-ends').textContent();
		await page.reload();
		await ready(page);
		await expect.poll(() => page.getByTestId('timer-ends').textContent()).toBe(before);
		const html = await (await fetch(recordUrl, { headers: { cookie } })).text();
		expect(html).toContain(before!);
		expect(html).not.toContain('data-testid="timer-countdown"');
	});

	it('alerts visibly and with a sound when the countdown reaches zero', async () => {
		const timed = await signedInContext();
		// Count oscillator starts instead of playing sound in the test browser.
		await timed.addInitScript(() => {
			const w = window as unknown as { __beeps: number; AudioContext: unknown };
			w.__beeps = 0;
			const param = { value: 0, setValueAtTime() {}, exponentialRampToValueAtTime() {} };
			const node = () => ({ frequency: { ...param }, gain: { ...param }, connect: (n: unknown) => n ?? node(), start: () => w.__beeps++, stop() {} });
			w.AudioContext = class {
				currentTime = 0;
				destination = {};
				resume() {
					return Promise.resolve();
				}
				createOscillator() {
					return node();
				}
				createGain() {
					return node();
				}
			};
		});
		const timedPage = await timed.newPage();
		await timedPage.clock.install();
		await visit(recordUrl, timedPage);
		await expect.poll(() => timedPage.getByTestId('timer-countdown').isVisible()).toBe(true);
		await timedPage.clock.fastForward('21:00');
		await expect.poll(() => timedPage.getByRole('alert').filter({ hasText: '置鍼時間が終わりました' }).isVisible()).toBe(true);
		expect(await timedPage.evaluate(() => (window as unknown as { __beeps: number }).__beeps)).toBeGreaterThan(0);
		await expectNoAxeViolations(timedPage);
		await timed.close();
	});

	it('closes once the sixth needle is counted out with the + button', async () => {
		await visit(recordUrl);
		await submit(page.getByRole('button', { name: '抜鍼本数を1本増やす' }));
		await expect.poll(() => page.getByTestId('needles-out').textContent()).toContain('6本');
		expect(await page.getByTestId('needles-status').textContent()).toContain('刺入本数と抜鍼本数が一致しています。');
		await submit(page.getByRole('button', { name: '施術を終了する' }));
		await expect.poll(() => page.getByTestId('session-status').textContent()).toContain('終了');
		expect(await page.getByRole('status').first().textContent()).toContain('施術を終了しました。');
		expect(await page.getByRole('button', { name: '施術を終了する' }).count()).toBe(0);
		await expectNoAxeViolations(page);
	});

	it('links to the schedule with the patient searched for, and lists the closed session', async () => {
		const href = await page.getByRole('link', { name: '次回の予約を取る' }).getAttribute('href');
		expect(href).toMatch(/^\/staff\/schedule\?q=/);
		await page.goto(`${base}${sessionsPath}`);
		const row = page.getByTestId('session-row').first();
		expect(await row.textContent()).toContain('6本／6本');
		await expectNoAxeViolations(page);
	});
});
