import { describe, expect, it } from 'vitest';
import { classifyPushStatus, MAX_RETRY_AFTER_MS, retryAfterMs } from './line-delivery';

describe('classifyPushStatus', () => {
	it('counts success and an already accepted retry key as delivered', () => {
		expect(classifyPushStatus(200)).toBe('delivered');
		expect(classifyPushStatus(409)).toBe('delivered');
	});
	it('retries on too many requests and server errors', () => {
		for (const status of [429, 500, 502, 503]) expect(classifyPushStatus(status)).toBe('retry');
	});
	it('gives up on a refusal that trying again will not change', () => {
		for (const status of [400, 401, 403, 404]) expect(classifyPushStatus(status)).toBe('permanent');
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2030-06-04T01:00:00Z');
	it('reads a number of seconds or an HTTP date, from now', () => {
		expect(retryAfterMs('120', now)).toBe(120_000);
		expect(retryAfterMs(' 0 ', now)).toBe(0);
		expect(retryAfterMs('Tue, 04 Jun 2030 01:05:00 GMT', now)).toBe(5 * 60_000);
		// A date already past: try again at once.
		expect(retryAfterMs('Tue, 04 Jun 2030 00:59:00 GMT', now)).toBe(0);
	});
	it('ignores a missing, unreadable, negative or over-long wait, so the backoff applies', () => {
		for (const value of [null, undefined, '', 'soon', '-5', '1.5']) expect(retryAfterMs(value, now)).toBeNull();
		expect(retryAfterMs(String(MAX_RETRY_AFTER_MS / 1000), now)).toBe(MAX_RETRY_AFTER_MS);
		expect(retryAfterMs(String(MAX_RETRY_AFTER_MS / 1000 + 1), now)).toBeNull();
	});
});
