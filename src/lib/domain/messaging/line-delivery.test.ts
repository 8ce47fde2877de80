import { describe, expect, it } from 'vitest';
import { classifyPushStatus } from './line-delivery';

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
