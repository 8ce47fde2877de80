import type { RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../db/database';
import { addressKey, createRequestLimits, RATE_POLICIES } from './rate-limit';
import { ROUTE_ACCESS } from './route-access';

const SIGN_IN = '/[[lang=lang]]/staff/login';
const PORTAL_SIGN_IN = '/[[lang=lang]]/portal/login';

interface FakeRequest {
	method?: string;
	ip?: string;
	form?: Record<string, string>;
	json?: unknown;
	sessionEmail?: string;
}

let database: Db;

function fakeEvent(routeId: string, { method = 'POST', ip = '198.51.100.7', form, json, sessionEmail }: FakeRequest = {}) {
	const body = form ? new URLSearchParams(form) : json === undefined ? undefined : JSON.stringify(json);
	const headers: Record<string, string> = json === undefined ? {} : { 'content-type': 'application/json' };
	const request = new Request('http://clinic.test/', { method, headers, body });
	const session = sessionEmail ? { staff: { email: sessionEmail } } : null;
	return { request, route: { id: routeId }, getClientAddress: () => ip, locals: { session, db: database } } as unknown as RequestEvent;
}

/** How many of `count` identical requests go through before the first refusal. */
async function acceptedOf(limits: ReturnType<typeof createRequestLimits>, count: number, request: (i: number) => RequestEvent) {
	let accepted = 0;
	for (let i = 0; i < count; i++) if ((await limits.check(request(i))) === null) accepted++;
	return accepted;
}

describeEachDatabase('request rate limits', (db) => {
	beforeEach(async () => {
		database = db();
		await database.kysely.deleteFrom('rate_limit_entry').execute();
	});

	it('limits booking per address, and another address is still served', async () => {
		const limits = createRequestLimits();
		const { limit } = RATE_POLICIES.bookingPerAddress;
		expect(await acceptedOf(limits, limit + 5, () => fakeEvent('/api/v1/bookings', { json: {} }))).toBe(limit);
		const wait = await limits.check(fakeEvent('/[[lang=lang]]/book', { form: {} }));
		expect(wait).toBeGreaterThan(3590);
		expect(wait).toBeLessThanOrEqual(3600);
		expect(await limits.check(fakeEvent('/api/v1/bookings', { json: {}, ip: '198.51.100.8' }))).toBeNull();
	});

	it('leaves other methods and routes alone', async () => {
		const limits = createRequestLimits();
		expect(await acceptedOf(limits, 200, () => fakeEvent(SIGN_IN, { method: 'GET' }))).toBe(200);
		expect(await acceptedOf(limits, 200, () => fakeEvent('/api/v1/services', { method: 'POST' }))).toBe(200);
	});

	it('locks one staff account after its limit even when every attempt comes from a new address', async () => {
		const limits = createRequestLimits();
		const { limit } = RATE_POLICIES.signInPerAccount;
		const attempt = (i: number, email = 'owner@example.jp') => fakeEvent(SIGN_IN, { ip: `203.0.113.${i}`, form: { email, password: 'guess' } });
		expect(await acceptedOf(limits, limit + 3, attempt)).toBe(limit);
		// The same account spelled differently, by the API, or at the code step counts the same.
		expect(await limits.check(fakeEvent('/api/v1/auth/login', { ip: '192.0.2.1', json: { email: ' OWNER@example.jp ', password: 'x' } }))).not.toBeNull();
		expect(await limits.check(fakeEvent(`${SIGN_IN}/totp`, { ip: '192.0.2.2', form: { code: '123456' }, sessionEmail: 'owner@example.jp' }))).not.toBeNull();
		expect(await limits.check(attempt(99, 'reception@example.jp'))).toBeNull();
	});

	it('lets a shared reception address sign many colleagues in', async () => {
		const limits = createRequestLimits();
		const { limit } = RATE_POLICIES.signInPerAddress;
		const attempt = (i: number) => fakeEvent(SIGN_IN, { form: { email: `staff${i % 30}@example.jp`, password: 'pw' } });
		expect(await acceptedOf(limits, limit, attempt)).toBe(limit);
		expect(await limits.check(attempt(0))).not.toBeNull();
	});

	it('limits sign-in links per e-mail address, however it is typed', async () => {
		const limits = createRequestLimits();
		const { limit } = RATE_POLICIES.magicLinkPerEmail;
		const spellings = ['patient@example.jp', ' Patient@Example.JP ', 'ｐａｔｉｅｎｔ@example.jp', 'patient@example.jp\u200B'];
		const request = (i: number) => fakeEvent(PORTAL_SIGN_IN, { ip: `203.0.113.${i}`, form: { email: spellings[i % spellings.length]! } });
		expect(await acceptedOf(limits, limit + 2, request)).toBe(limit);
	});

	it('leaves the body for the action to read', async () => {
		const limits = createRequestLimits();
		const form = fakeEvent(SIGN_IN, { form: { email: 'owner@example.jp', password: 'secret' } });
		await limits.check(form);
		expect((await form.request.formData()).get('password')).toBe('secret');
		const json = fakeEvent('/api/v1/auth/login', { json: { email: 'owner@example.jp', password: 'secret' } });
		await limits.check(json);
		expect(await json.request.json()).toEqual({ email: 'owner@example.jp', password: 'secret' });
	});

	it('counts a body it cannot read against the address only', async () => {
		const limits = createRequestLimits();
		const broken = () => {
			const event = fakeEvent('/api/v1/auth/login', { json: {} });
			return {
				...event,
				request: new Request('http://clinic.test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' })
			} as RequestEvent;
		};
		expect(await acceptedOf(limits, RATE_POLICIES.signInPerAccount.limit + 5, broken)).toBe(RATE_POLICIES.signInPerAccount.limit + 5);
	});

	it('limits only routes that exist', () => {
		for (const entry of createRequestLimits().routes) expect(Object.keys(ROUTE_ACCESS)).toContain(entry.split(' ')[1]);
	});
});

describe('the count an address goes under', () => {
	it('gives an IPv6 subscriber one count for its /64', () => {
		expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(addressKey('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
	});

	it('counts IPv4 as itself, also when written inside IPv6', () => {
		expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
		expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
	});

	it('keeps odd header values small and shares one count when there is no address', () => {
		expect(addressKey('x'.repeat(10_000))).toHaveLength(64);
		expect(addressKey(null)).toBe('unknown');
	});
});
