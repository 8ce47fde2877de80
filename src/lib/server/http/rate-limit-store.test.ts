import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit-store';

const TWO_PER_SECOND = { limit: 2, windowMs: 1_000 };

describe('in-memory rate limiter', () => {
	it('counts each key on its own', () => {
		const limiter = createRateLimiter(TWO_PER_SECOND);
		expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2)]).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfterMs: 998 }]);
		expect(limiter.take('b', 3)).toEqual({ ok: true });
	});

	it('holds no more than maxKeys keys however many distinct addresses arrive', () => {
		const limiter = createRateLimiter(TWO_PER_SECOND, { maxKeys: 100 });
		for (let i = 0; i < 10_000; i++) limiter.take(`203.0.113.${i}`, 0);
		expect(limiter.size).toBe(100);
	});

	it('evicts the key used least recently, keeping one still in use', () => {
		const limiter = createRateLimiter(TWO_PER_SECOND, { maxKeys: 3 });
		limiter.take('busy', 0);
		limiter.take('busy', 1);
		for (const key of ['x', 'y']) limiter.take(key, 2);
		limiter.take('busy', 3); // refused, and touched: now the most recent
		limiter.take('z', 4); // pushes out 'x', the least recent
		expect(limiter.take('busy', 5).ok).toBe(false);
		expect(limiter.size).toBe(3);
	});

	it('forgets keys whose window has passed as new requests arrive', () => {
		const limiter = createRateLimiter(TWO_PER_SECOND);
		for (let i = 0; i < 50; i++) limiter.take(`old-${i}`, i);
		expect(limiter.size).toBe(50);
		limiter.take('new', 5_000);
		expect(limiter.size).toBe(1);
	});

	it('refuses a policy that could never accept anything', () => {
		expect(() => createRateLimiter({ limit: 0, windowMs: 1_000 })).toThrow(RangeError);
		expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
	});
});
