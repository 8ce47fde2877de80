import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCodeAt, totpCounterAt } from '../../src/lib/server/auth/totp';
import { browserFormPost } from './form-post';

/*
 * Every staff role needs a second factor (issue #16), so signing a demo account in means: the
 * password, then a TOTP code. The first sign-in of an account on a server enrols it the way a
 * person would (the password again, then a code from the new secret); the secret, the last TOTP
 * counter used and the live session are kept in a file per server and account, because each test
 * file runs in its own worker and a counter works only once. A kept session that still opens the
 * console is reused, so the suite does not wait for new 30-second codes.
 */

interface AccountState {
	secret: string | null;
	lastCounter: number;
	cookie: string | null;
}

const STATE_DIR = path.join(os.tmpdir(), 'shinkyu-e2e-staff');

function stateFile(base: string, email: string, password: string): string {
	// The demo passwords are new on every seeded server, so a reused port never finds old state.
	const key = createHash('sha256').update(`${base}\n${email}\n${password}`).digest('hex').slice(0, 32);
	return path.join(STATE_DIR, `${key}.json`);
}

function loadState(file: string): AccountState {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as AccountState;
	} catch {
		return { secret: null, lastCounter: -1, cookie: null };
	}
}

function saveState(file: string, state: AccountState): void {
	fs.mkdirSync(STATE_DIR, { recursive: true });
	fs.writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TOTP code no one has used yet for this account, waiting for the next 30-second step if need be. */
async function freshCode(state: AccountState): Promise<string> {
	const current = totpCounterAt(new Date());
	// Not the step before: it may expire between here and the request. The server accepts one step
	// ahead; beyond that, wait for the clock.
	const counter = Math.max(state.lastCounter + 1, current);
	if (counter > current + 1) await sleep((counter - 1) * 30_000 - Date.now() + 200);
	state.lastCounter = counter;
	return totpCodeAt(state.secret!, new Date(counter * 30_000));
}

function sessionCookieFrom(response: Response): string | undefined {
	return response.headers
		.getSetCookie()
		.find((c) => /^(__Host-)?shinkyu_staff=[^;]/.test(c))
		?.split(';')[0];
}

async function stillSignedIn(base: string, cookie: string): Promise<boolean> {
	const response = await fetch(`${base}/staff/account`, { headers: { cookie }, redirect: 'manual' });
	return response.status === 200;
}

/** Enrols the pending session's account: the password again, then a code from the secret it shows. */
async function enrol(base: string, cookie: string, password: string, state: AccountState): Promise<string> {
	const revealed = await browserFormPost(base, '/staff/account/totp?/reveal', { password }, cookie);
	const secret = /data-testid="totp-secret"[^>]*>([^<]+)</.exec(await revealed.text())?.[1]?.replace(/\s/g, '');
	if (!secret) throw new Error(`no TOTP secret shown (${revealed.status})`);
	state.secret = secret;
	state.lastCounter = -1;
	const confirmed = await browserFormPost(base, '/staff/account/totp?/confirm', { code: await freshCode(state) }, cookie);
	const rotated = sessionCookieFrom(confirmed);
	if (confirmed.status !== 200 || !rotated) throw new Error(`TOTP enrolment failed: ${confirmed.status}`);
	return rotated;
}

const queues = new Map<string, Promise<unknown>>();

/** One sign-in at a time per account in this worker: TOTP counters must be spent in order. */
function inTurn<T>(file: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(file) ?? Promise.resolve();
	const next = previous.catch(() => undefined).then(work);
	queues.set(file, next);
	return next;
}

async function signInFresh(base: string, email: string, password: string, state: AccountState): Promise<string> {
	const code = state.secret ? await freshCode(state) : undefined;
	const response = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password, ...(code ? { code } : {}) })
	});
	if (response.status !== 200) throw new Error(`${email} could not sign in: ${response.status} ${await response.text()}`);
	const body = await response.json();
	const cookie = sessionCookieFrom(response);
	if (!cookie) throw new Error('no session cookie');
	if (body.next === 'done') return cookie;
	if (body.next === 'enrol') return enrol(base, cookie, password, state);
	throw new Error(`${email} needs a TOTP code, but its secret was set up outside this helper`);
}

/**
 * Signs a demo staff member in (password and second factor) and returns the `name=value` session
 * cookie. `fresh` asks for a session of its own instead of the one kept from an earlier sign-in.
 */
export async function staffCookie(base: string, email: string, password: string | undefined, options: { fresh?: boolean } = {}): Promise<string> {
	if (!password) throw new Error(`no password for ${email}`);
	const file = stateFile(base, email, password);
	return inTurn(file, async () => {
		const state = loadState(file);
		if (!options.fresh && state.cookie && (await stillSignedIn(base, state.cookie))) return state.cookie;
		const cookie = await signInFresh(base, email, password, state);
		if (!options.fresh) state.cookie = cookie;
		saveState(file, state);
		return cookie;
	});
}

/**
 * A fresh TOTP code for a demo account, enrolling it first if needed, for tests that sign in in a
 * browser (the code goes into the second-step form).
 */
export async function staffTotpCode(base: string, email: string, password: string | undefined): Promise<string> {
	if (!password) throw new Error(`no password for ${email}`);
	await staffCookie(base, email, password);
	const file = stateFile(base, email, password);
	return inTurn(file, async () => {
		const state = loadState(file);
		const code = await freshCode(state);
		saveState(file, state);
		return code;
	});
}

/** A browser page signed in with a staff member's session cookie. */
export async function staffPage(
	browser: Browser,
	base: string,
	cookie: string,
	options: { locale?: string; javaScriptEnabled?: boolean } = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ locale: options.locale, javaScriptEnabled: options.javaScriptEnabled ?? true });
	const split = cookie.indexOf('=');
	await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
	return { context, page: await context.newPage() };
}
