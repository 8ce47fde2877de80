import { describe, expect, it } from 'vitest';
import { EMAIL_POLICY, judgeAttempt, recordFailure, SECOND_FACTOR_POLICY, type ThrottleState } from './login-throttle';

const start = new Date('2026-11-25T01:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function fail(times: number, at = start): ThrottleState | null {
	let state: ThrottleState | null = null;
	for (let i = 0; i < times; i++) state = recordFailure(state, EMAIL_POLICY, at);
	return state;
}

describe('login throttle', () => {
	it('lets the first attempts through at once', () => {
		expect(judgeAttempt(null, EMAIL_POLICY, start)).toEqual({ locked: false, delayMs: 0 });
		expect(judgeAttempt(fail(2), EMAIL_POLICY, start)).toEqual({ locked: false, delayMs: 0 });
	});

	it('slows attempts after three failures, more with each one, up to a ceiling', () => {
		const delays = [3, 4, 5, 9].map((n) => {
			const verdict = judgeAttempt(fail(n), EMAIL_POLICY, start);
			return verdict.locked ? -1 : verdict.delayMs;
		});
		expect(delays[0]).toBeGreaterThan(0);
		expect(delays[1]).toBeGreaterThan(delays[0]!);
		expect(delays[2]).toBeGreaterThan(delays[1]!);
		expect(delays[3]).toBeLessThanOrEqual(EMAIL_POLICY.maxDelayMs);
	});

	it('locks after ten failures for fifteen minutes', () => {
		const state = fail(10);
		expect(judgeAttempt(state, EMAIL_POLICY, minutes(1))).toEqual({ locked: true, retryAfterSeconds: 14 * 60 });
		expect(judgeAttempt(state, EMAIL_POLICY, minutes(16))).toEqual({ locked: false, delayMs: 0 });
	});

	it('forgets failures after an hour of quiet', () => {
		const state = fail(8);
		expect(judgeAttempt(state, EMAIL_POLICY, minutes(61))).toEqual({ locked: false, delayMs: 0 });
		expect(recordFailure(state, EMAIL_POLICY, minutes(61)).failures).toBe(1);
	});
});

describe('second-factor throttle (issue #16)', () => {
	const now = new Date('2026-11-25T09:00:00Z');

	it('answers the first four wrong codes at once and locks for 15 minutes at the fifth', () => {
		let state: ThrottleState | null = null;
		for (let i = 0; i < 4; i++) {
			state = recordFailure(state, SECOND_FACTOR_POLICY, now);
			expect(judgeAttempt(state, SECOND_FACTOR_POLICY, now)).toEqual({ locked: false, delayMs: 0 });
		}
		state = recordFailure(state, SECOND_FACTOR_POLICY, now);
		expect(judgeAttempt(state, SECOND_FACTOR_POLICY, now)).toEqual({ locked: true, retryAfterSeconds: 900 });
		expect(judgeAttempt(state, SECOND_FACTOR_POLICY, new Date(now.getTime() + 15 * 60_000 + 1))).toEqual({ locked: false, delayMs: 0 });
	});
});
