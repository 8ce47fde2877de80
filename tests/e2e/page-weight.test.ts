import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ja } from '../../src/lib/i18n/messages/ja';
import { FIRST_LOAD_BUDGET } from '../../bench/page-weight';
import { launchBrowser } from '../support/browser';
import { staffCookie } from '../support/staff-session';

/*
 * Lean pages (issue #21): a staff or portal page's first load ships at most 60 KB of gzipped
 * JavaScript, carries only its own language's messages (no mail or PDF text), and every message
 * its script shows came with it. Measured as a browser loads the page, signed in: every script
 * response plus the inline scripts, each gzipped as the server's precompressed files are (zlib
 * level 9). `npm run bench` prints the same figure for every route from the build's manifests.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let cookie = '';
let browser: Browser;
let context: BrowserContext;

interface Weight {
	/** Script files SvelteKit names for the page's first load (its `Link` preloads and start-up imports). */
	scripts: number;
	gzip: number;
	/** The inline scripts: SvelteKit's start-up call and the page's data, its messages included. */
	inlineGzip: number;
	html: string;
	errors: string[];
}

const gzipped = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

async function firstLoad(page: Page, path: string): Promise<Weight> {
	const bodies = new Map<string, Promise<Buffer>>();
	const errors: string[] = [];
	const onResponse = (response: { url(): string; request(): { resourceType(): string }; body(): Promise<Buffer> }) => {
		if (response.request().resourceType() === 'script') bodies.set(response.url(), response.body());
	};
	const onConsole = (message: { type(): string; text(): string }) => {
		if (message.type() === 'error') errors.push(message.text());
	};
	page.on('response', onResponse);
	page.on('console', onConsole);
	try {
		const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
		expect(response?.status(), path).toBe(200);
		const html = await response!.text();
		// What loads later with a dynamic import (the schedule's calendar) is not the first load; its messages must still be there.
		await page.waitForLoadState('networkidle');
		// SvelteKit names the first load in a `Link` header (modulepreload) and imports its entry points inline.
		const preloaded = [...(response!.headers()['link'] ?? '').matchAll(/<([^>]+)>;[^,]*rel="modulepreload"/g)].map((m) => m[1]!);
		const imported = [...html.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!);
		const listed = [...preloaded, ...imported].map((src) => new URL(src, `${base}${path}`).href);
		const files = await Promise.all(
			[...new Set(listed)].map((url) => bodies.get(url) ?? Promise.reject(new Error(`${path}: ${url} was listed but not loaded`)))
		);
		const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').filter(Boolean);
		return {
			scripts: files.length,
			gzip: files.reduce((sum, body) => sum + gzipped(body), 0),
			inlineGzip: inline.reduce((sum, text) => sum + gzipped(text), 0),
			html,
			errors
		};
	} finally {
		page.off('response', onResponse);
		page.off('console', onConsole);
	}
}

/** A session record to open: the demo's open session (its link is on every console page), else any of 佐藤 健's. */
async function sessionPath(): Promise<string> {
	const pattern = /href="(\/staff\/patients\/[0-9a-f-]{36}\/sessions\/[0-9a-f-]{36})"/;
	const dashboard = await (await fetch(`${base}/staff`, { headers: { cookie } })).text();
	const open = pattern.exec(dashboard);
	if (open) return open[1]!;
	const register = await (await fetch(`${base}/staff/patients?q=${encodeURIComponent('さとう')}`, { headers: { cookie } })).text();
	const chart = /<a href="(\/staff\/patients\/[0-9a-f-]{36})">佐藤 健</.exec(register)![1]!;
	const sessions = await (await fetch(`${base}${chart}/sessions`, { headers: { cookie } })).text();
	return pattern.exec(sessions)![1]!;
}

async function chartPath(): Promise<string> {
	const register = await (await fetch(`${base}/staff/patients?q=${encodeURIComponent('さとう')}`, { headers: { cookie } })).text();
	return /<a href="(\/staff\/patients\/[0-9a-f-]{36})">佐藤 健</.exec(register)![1]!;
}

beforeAll(async () => {
	cookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
	const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
	await context.addCookies([{ name, value, url: base }]);
});
afterAll(async () => {
	await browser?.close();
});

describe('first-load JavaScript of staff and portal pages', () => {
	it('stays within 60 KB gzipped on the pages that ship a script, and is none on the others', async () => {
		const page = await context.newPage();
		const shipping = ['/staff/schedule', '/en/staff/schedule/week', '/en/staff/schedule', await sessionPath()];
		const silent = ['/staff', await chartPath(), '/portal/login', '/en/portal/login'];
		const weights: Record<string, number> = {};
		for (const path of shipping) {
			const weight = await firstLoad(page, path);
			weights[path] = weight.gzip;
			console.log(`${path}: ${weight.scripts} script files, ${weight.gzip} bytes gzipped; inline start-up and data ${weight.inlineGzip} bytes`);
			expect(weight.scripts, path).toBeGreaterThan(0);
			expect(weight.errors, path).toEqual([]);
		}
		for (const path of silent) {
			const weight = await firstLoad(page, path);
			expect(weight.scripts, path).toBe(0);
			expect(weight.errors, path).toEqual([]);
		}
		// The session record too: its atlas, labels, dates and safety lines come with its data (issue #21).
		for (const [path, gzip] of Object.entries(weights)) expect(gzip, path).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
		await page.close();
	});

	it('keeps the month’s signing page, the desk’s other page with a script (its signature pad), within 60 KB', async () => {
		const desk = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
		const claims = await (await fetch(`${base}/staff/insurance/claims`, { headers: { cookie: desk } })).text();
		const signing = /href="(\/staff\/insurance\/claims\/[0-9a-f-]{36}\/confirm[^"]*)"/.exec(claims)![1]!.replaceAll('&amp;', '&');
		const deskContext = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
		await deskContext.addCookies([{ name: desk.slice(0, desk.indexOf('=')), value: desk.slice(desk.indexOf('=') + 1), url: base }]);
		const page = await deskContext.newPage();
		const weight = await firstLoad(page, signing);
		console.log(`${signing}: ${weight.scripts} script files, ${weight.gzip} bytes gzipped; inline start-up and data ${weight.inlineGzip} bytes`);
		expect(weight.scripts).toBeGreaterThan(0);
		expect(weight.errors).toEqual([]);
		expect(weight.gzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
		await deskContext.close();
	});

	it('brings only the page’s own messages in its own language, without mail text', async () => {
		const page = await context.newPage();
		const english = await firstLoad(page, '/en/staff/schedule/week');
		// The week's own title comes in English only; the Japanese catalogue and the mail stay home.
		expect(english.html).toContain('"schedule.weekTitle"');
		expect(english.html).not.toContain(ja['schedule.weekTitle']);
		expect(english.html).not.toContain('booking.mailConfirmSubject');
		expect(english.html).not.toContain('"examination.');
		const japanese = await firstLoad(page, '/staff/schedule');
		expect(japanese.html).toContain(ja['schedule.title']);
		expect(japanese.html).not.toContain('booking.mailConfirmBody');
		expect(japanese.html).not.toContain('"treatmentSession.record.');
		await page.close();
	});
});
