import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';

/*
 * The shared test server runs with RATE_LIMITS=off; this file starts its own with the limits on,
 * behind a pretend proxy so each request can come from the address it names.
 */
let server: ServerProcess;
let dataDir: string;
let passwords: Record<string, string>;
const base = () => server.baseUrl;

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-rate-'));
	server = await startBuiltServer({ DATA_DIR: dataDir, ADDRESS_HEADER: 'x-forwarded-for' });
	passwords = demoPasswordsFrom(server.output());
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

const postJson = (route: string, from: string, body: unknown) =>
	fetch(`${base()}${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'accept-language': 'en', 'x-forwarded-for': from },
		body: JSON.stringify(body)
	});

const postForm = (route: string, from: string, fields: Record<string, string>) =>
	fetch(`${base()}${route}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base(), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
		body: new URLSearchParams(fields)
	});

async function expectRateLimitedJson(response: Response, maxSeconds: number) {
	expect(response.status).toBe(429);
	const retryAfter = Number(response.headers.get('retry-after'));
	expect(retryAfter).toBeGreaterThan(maxSeconds - 60);
	expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
	const body = await response.json();
	expect(body).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('Please try again in about') } });
}

describe('with rate limits on', () => {
	it('answers the booking API with 429 and Retry-After after 20 posts an hour from one address, and serves another', async () => {
		for (let i = 0; i < 20; i++) expect((await postJson('/api/v1/bookings', '198.51.100.10', {})).status).toBe(422);
		await expectRateLimitedJson(await postJson('/api/v1/bookings', '198.51.100.10', {}), 3600);
		// The booking form's action is the same door.
		expect((await postForm('/en/book', '198.51.100.10', {})).status).toBe(429);
		expect((await postJson('/api/v1/bookings', '198.51.100.11', {})).status).toBe(422);
	});

	it('locks a staff account after 10 sign-ins in 15 minutes, from any address, the right password too', async () => {
		const email = 'reception@example.jp';
		const password = passwords[email]!;
		for (let i = 0; i < 10; i++) expect((await postJson('/api/v1/auth/login', `203.0.113.${i}`, { email, password })).status).toBe(200);
		await expectRateLimitedJson(await postJson('/api/v1/auth/login', '203.0.113.50', { email, password: 'a wrong guess' }), 900);
		await expectRateLimitedJson(await postJson('/api/v1/auth/login', '203.0.113.51', { email: 'Reception@example.jp', password }), 900);
		// Another account from the same address is still heard (and refused for its wrong password).
		expect((await postJson('/api/v1/auth/login', '203.0.113.50', { email: 'practitioner@example.jp', password: 'a wrong guess' })).status).toBe(401);
	});

	it('answers the sign-in form of a limited account with a 429 page in the visitor’s language', async () => {
		const fields = { email: 'reception@example.jp', password: 'whatever' };
		const english = await postForm('/en/staff/login', '203.0.113.60', fields);
		expect(english.status).toBe(429);
		expect(Number(english.headers.get('retry-after'))).toBeGreaterThan(0);
		const englishHtml = await english.text();
		expect(englishHtml).toContain('<html lang="en">');
		expect(englishHtml).toMatch(/Please try again in about 1[45] minutes\./);
		expect(englishHtml).toContain('href="/en/staff/login"');

		const japanese = await postForm('/staff/login', '203.0.113.61', fields);
		expect(japanese.status).toBe(429);
		const japaneseHtml = await japanese.text();
		expect(japaneseHtml).toContain('<html lang="ja">');
		expect(japaneseHtml).toMatch(/1[45]分ほどたってから、もう一度お試しください。/);
	});

	it('shows that page to a browser posting the form (no script involved), and it passes axe', async () => {
		// Sent together, so the database's slower answers to repeated wrong passwords do not add up.
		const email = 'no-such-colleague@example.jp';
		const guesses = Array.from({ length: 10 }, (_, i) => postJson('/api/v1/auth/login', `203.0.113.${80 + i}`, { email, password: 'guess' }));
		expect((await Promise.all(guesses)).map((r) => r.status)).toEqual(Array(10).fill(401));
		const browser = await launchBrowser();
		try {
			const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.70' } });
			const page = await context.newPage();
			page.setDefaultTimeout(15_000);
			await page.goto(`${base()}/en/staff/login`);
			await page.getByLabel('Email address').fill(email);
			await page.getByLabel('Password').fill('whatever');
			const statuses: number[] = [];
			page.on('response', (r) => void (r.request().method() === 'POST' && statuses.push(r.status())));
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForLoadState();
			expect(statuses).toEqual([429]);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Please try again later');
			expect(await axeViolations(page)).toEqual([]);
		} finally {
			await browser.close();
		}
	});

	it('limits sign-in link requests to 5 an hour per e-mail address, from any address', async () => {
		for (let i = 0; i < 5; i++) expect((await postForm('/portal/login', `192.0.2.${i}`, { email: 'someone@example.jp' })).status).toBe(303);
		const limited = await postForm('/portal/login', '192.0.2.99', { email: ' Someone@Example.jp ' });
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3500);
		expect(await limited.text()).toContain('<html lang="ja">');
		expect((await postForm('/portal/login', '192.0.2.99', { email: 'someone.else@example.jp' })).status).toBe(303);
	});

	it('limits the self-check API to 60 in 10 minutes per address', async () => {
		for (let i = 0; i < 60; i++) expect((await postJson('/api/v1/triage', '198.51.100.20', { answers: {} })).status).not.toBe(429);
		await expectRateLimitedJson(await postJson('/api/v1/triage', '198.51.100.20', { answers: {} }), 600);
		expect((await postForm('/check', '198.51.100.20', {})).status).toBe(429);
		expect((await postJson('/api/v1/triage', '198.51.100.21', { answers: {} })).status).not.toBe(429);
	});
});
