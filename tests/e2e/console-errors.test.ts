import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { linkIn, waitForMail } from '../support/mailbox';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { staffCookie } from '../support/staff-session';

/*
 * Issue #22: every page of the demo clinic loads without a console error, a script error or a
 * Content-Security-Policy violation. Each audience's pages are found as a person finds them, by
 * following the links from its start page: the public site anonymously, the console as a
 * practitioner and as reception, the portal as the demo patient with a history. Links that differ
 * only in their ids or query values count as one page after two visits, so a calendar of days
 * does not become hundreds of pages. The demo clinic is crawled as a newcomer meets it, on a
 * server of this file's own: on the shared one, what other files leave behind depends on the order
 * files run in.
 */
let base = '';
let passwords: Record<string, string> = {};
let mailDir = '';
let dataDir = '';
let server: ServerProcess;
let smtp: SmtpPeer;
const PER_KIND = 2;
const LIMIT = 160;
/** Files and machine answers, not pages (the printed documents are PDFs); and the ways out. */
const NOT_A_PAGE =
	/\.(pdf|ics|csv|json|xml|txt|png|jpe?g|svg|webmanifest)$|^\/(api|fhir|ical)\/|\/(logout|sign-out)(\/|$)|\/documents\/(summary|records|jukyo-records)$|\/receipt(\.pdf)?$|\/statement$/;

let browser: Browser;

/** A page's kind: its path with ids and numbers as placeholders, and its query's names. */
function kindOf(url: URL): string {
	const path = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\/\d[\d-]*(?=\/|$)/g, '/:n');
	return `${path}?${[...url.searchParams.keys()].sort().join('&')}`;
}

interface Problem {
	path: string;
	message: string;
	/** The page whose link led here. */
	from?: string;
}

async function visit(page: Page, url: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	const path = new URL(url).pathname + new URL(url).search;
	const onConsole = (message: { type(): string; text(): string }) => {
		if (message.type() === 'error') problems.push({ path, message: message.text() });
	};
	const onError = (error: Error) => problems.push({ path, message: `script error: ${error.message}` });
	// Names what a "Failed to load resource" message leaves out: which resource.
	const onResponse = (response: { status(): number; url(): string }) => {
		if (response.status() >= 400) problems.push({ path, message: `${response.status()} ${new URL(response.url()).pathname}` });
	};
	page.on('console', onConsole);
	page.on('pageerror', onError);
	page.on('response', onResponse);
	try {
		await page.goto(url, { waitUntil: 'load' });
		// CSP violations also arrive as events (a report may come a moment after load). An
		// evaluation has no time limit of its own: a page that never settles must fail by name.
		const violations = await Promise.race([
			page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []),
			new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the page did not answer within 20 s')), 20_000).unref())
		]);
		for (const v of violations) problems.push({ path, message: `CSP: ${v}` });
	} catch (error) {
		// A page that never loads is a problem with a name, not a test that times out.
		problems.push({ path, message: `did not load: ${(error as Error).message.split('\n')[0]}` });
	} finally {
		page.off('console', onConsole);
		page.off('pageerror', onError);
		page.off('response', onResponse);
	}
	return problems;
}

/** Follows same-origin links from `starts` inside `scope`; returns the pages seen and what went wrong. */
async function crawl(context: BrowserContext, starts: string[], scope: RegExp): Promise<{ pages: string[]; problems: Problem[] }> {
	await context.addInitScript(() => {
		const seen: string[] = [];
		Object.assign(window, { cspViolations: seen });
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
	});
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	const queue = starts.map((s) => new URL(s, base).href);
	const referrer = new Map<string, string>();
	const kinds = new Map<string, number>();
	const seen = new Set<string>();
	const pages: string[] = [];
	const problems: Problem[] = [];
	while (queue.length > 0 && pages.length < LIMIT) {
		const url = new URL(queue.shift()!);
		url.hash = '';
		if (seen.has(url.href)) continue;
		seen.add(url.href);
		const kind = kindOf(url);
		if ((kinds.get(kind) ?? 0) >= PER_KIND) continue;
		kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
		pages.push(url.pathname + url.search);
		problems.push(...(await visit(page, url.href)).map((p) => ({ ...p, from: referrer.get(url.href) })));
		// A link typed as something else (a PDF, FHIR JSON) is a download, not a page.
		const links = await page.$$eval('a[href]:not([download]):not([type]), a[href][type="text/html"]', (anchors) =>
			anchors.map((a) => (a as HTMLAnchorElement).href)
		);
		for (const link of links) {
			const next = new URL(link);
			if (next.origin !== new URL(base).origin || NOT_A_PAGE.test(next.pathname) || !scope.test(next.pathname)) continue;
			next.hash = '';
			if (!referrer.has(next.href)) referrer.set(next.href, url.pathname + url.search);
			queue.push(next.href);
		}
	}
	await page.close();
	return { pages, problems };
}

async function staffContext(email: string): Promise<BrowserContext> {
	const cookie = await staffCookie(base, email, passwords[email]);
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	await context.addCookies([{ name: cookie.slice(0, cookie.indexOf('=')), value: cookie.slice(cookie.indexOf('=') + 1), url: base }]);
	return context;
}

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-crawl-'));
	mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-crawl-mail-'));
	smtp = await startSmtpPeer({ saveTo: mailDir });
	server = await startBuiltServer({ DATA_DIR: dataDir, ADDRESS_HEADER: 'x-forwarded-for', SMTP_URL: smtp.url, RATE_LIMITS: 'off' });
	base = server.baseUrl;
	passwords = demoPasswordsFrom(server.output());
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await smtp?.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('no console error on any page of the demo clinic', () => {
	it('on the public site, in both languages', async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const { pages, problems } = await crawl(
			context,
			['/', '/en', '/book', '/en/book', '/check', '/en/check', '/points', '/staff/login', '/portal/login'],
			/^(?!\/(en\/)?(staff|portal)\/(?!login))/
		);
		expect(pages.length).toBeGreaterThan(15);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('in the console, as a practitioner', { timeout: 180_000 }, async () => {
		const context = await staffContext('practitioner@example.jp');
		const { pages, problems } = await crawl(context, ['/staff', '/en/staff', '/staff/patients'], /^\/(en\/)?staff(\/|$)/);
		expect(
			pages.some((p) => /\/sessions\/[0-9a-f-]{36}/.test(p)),
			'a session record was visited'
		).toBe(true);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('in the console, as reception', { timeout: 180_000 }, async () => {
		const context = await staffContext('reception@example.jp');
		const { pages, problems } = await crawl(context, ['/staff', '/en/staff'], /^\/(en\/)?staff(\/|$)/);
		expect(pages.length).toBeGreaterThan(5);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('in the portal, as the demo patient with a history', { timeout: 180_000 }, async () => {
		const email = 'patient5@example.jp';
		const since = Date.now();
		const asked = await fetch(`${base}/portal/login`, {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email }),
			redirect: 'manual'
		});
		expect(asked.status).toBeLessThan(400);
		const mail = await waitForMail(mailDir, email, (m) => (m.text ?? '').includes('/portal/auth/') && (m.date?.getTime() ?? since) >= since - 1000);
		const link = linkIn(mail, /https?:\/\/[^\s]+\/portal\/auth\/[a-z2-7]+(\?next=[^\s]+)?/);
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(link);
		// The link's page is under /portal too: wait until the sign-in has left it.
		await Promise.all([
			page.waitForURL((u) => /\/portal(\/|$)/.test(u.pathname) && !u.pathname.includes('/auth/')),
			page.locator('main form button[type="submit"]').first().click()
		]);
		await page.close();
		const { pages, problems } = await crawl(context, ['/portal', '/en/portal'], /^\/(en\/)?portal(\/|$)/);
		expect(pages.length).toBeGreaterThan(5);
		expect(problems).toEqual([]);
		await context.close();
	});
});
