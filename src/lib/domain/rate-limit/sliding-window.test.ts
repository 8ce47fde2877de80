import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpent, liveEntries, takeFromWindow, type WindowLog, type WindowPolicy } from './sliding-window';

const THREE_PER_MINUTE: WindowPolicy = { limit: 3, windowMs: 60_000 };

/** Runs requests at the given times through one log; true for each accepted one. */
function run(times: number[], policy: WindowPolicy): Array<{ at: number; accepted: boolean; retryAfterMs?: number }> {
	let log: WindowLog = [];
	return times.map((at) => {
		const verdict = takeFromWindow(log, policy, at);
		log = verdict.log;
		return verdict.accepted ? { at, accepted: true } : { at, accepted: false, retryAfterMs: verdict.retryAfterMs };
	});
}

describe('sliding-window rate limit', () => {
	it('accepts up to the limit and then refuses, naming the wait until the oldest leaves', () => {
		expect(run([0, 10_000, 20_000, 30_000], THREE_PER_MINUTE)).toEqual([
			{ at: 0, accepted: true },
			{ at: 10_000, accepted: true },
			{ at: 20_000, accepted: true },
			{ at: 30_000, accepted: false, retryAfterMs: 30_000 }
		]);
	});

	it('accepts again exactly when the oldest request is a full window old, not a millisecond before', () => {
		expect(run([0, 1, 2, 59_999, 60_000], THREE_PER_MINUTE).map((r) => r.accepted)).toEqual([true, true, true, false, true]);
	});

	it('slides rather than resetting: a burst at the end of one minute still counts at the start of the next', () => {
		// A fixed window would reset at 60 000 and accept three more at once.
		expect(run([58_000, 59_000, 59_500, 61_000], THREE_PER_MINUTE).map((r) => r.accepted)).toEqual([true, true, true, false]);
	});

	it('does not count refused requests, so hammering does not lengthen the wait', () => {
		const results = run([0, 0, 0, 1_000, 2_000, 30_000, 59_000, 60_000], THREE_PER_MINUTE);
		expect(results.filter((r) => !r.accepted).map((r) => r.retryAfterMs)).toEqual([59_000, 58_000, 30_000, 1_000]);
		expect(results.at(-1)).toEqual({ at: 60_000, accepted: true });
	});

	it('allows a limit of one', () => {
		expect(run([0, 500, 1_000], { limit: 1, windowMs: 1_000 })).toEqual([
			{ at: 0, accepted: true },
			{ at: 500, accepted: false, retryAfterMs: 500 },
			{ at: 1_000, accepted: true }
		]);
	});

	it('never keeps more entries than the limit, and drops those that have left the window', () => {
		let log: WindowLog = [];
		for (let at = 0; at < 100; at++) log = takeFromWindow(log, THREE_PER_MINUTE, at).log;
		expect(log).toEqual([0, 1, 2]);
		expect(liveEntries(log, THREE_PER_MINUTE, 60_001)).toEqual([2]);
		expect(takeFromWindow(log, THREE_PER_MINUTE, 200_000).log).toEqual([200_000]);
	});

	it('knows when a log can be forgotten', () => {
		expect(isSpent([], THREE_PER_MINUTE, 0)).toBe(true);
		expect(isSpent([0, 10], THREE_PER_MINUTE, 60_009)).toBe(false);
		expect(isSpent([0, 10], THREE_PER_MINUTE, 60_010)).toBe(true);
	});

	const policy = fc.record({ limit: fc.integer({ min: 1, max: 6 }), windowMs: fc.integer({ min: 1, max: 1_000 }) });
	/** Non-decreasing request times, with bursts (equal times) and long gaps. */
	const times = fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 60 }).map((gaps) => {
		let at = 0;
		return gaps.map((gap) => (at += gap % 3 === 0 ? 0 : gap));
	});

	it('never accepts more than the limit in any window, wherever it starts (property)', () => {
		fc.assert(
			fc.property(policy, times, (p, ts) => {
				const accepted = run(ts, p)
					.filter((r) => r.accepted)
					.map((r) => r.at);
				// Any window holding limit + 1 accepted requests would hold two that are `limit` apart.
				for (let i = 0; i + p.limit < accepted.length; i++) expect(accepted[i + p.limit]! - accepted[i]!).toBeGreaterThanOrEqual(p.windowMs);
			}),
			{ numRuns: 500 }
		);
	});

	it('refuses only when the window is full: fewer than the limit accepted in the last window means yes (property)', () => {
		fc.assert(
			fc.property(policy, times, (p, ts) => {
				const accepted: number[] = [];
				for (const result of run(ts, p)) {
					const recent = accepted.filter((at) => at > result.at - p.windowMs).length;
					expect(result.accepted).toBe(recent < p.limit);
					if (result.accepted) accepted.push(result.at);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('names as the wait exactly the time until the next request would be accepted (property)', () => {
		fc.assert(
			fc.property(policy, times, fc.integer({ min: 0, max: 400 }), (p, ts, gap) => {
				let log: WindowLog = [];
				for (const at of ts) log = takeFromWindow(log, p, at).log;
				const now = (ts.at(-1) ?? 0) + gap;
				const verdict = takeFromWindow(log, p, now);
				if (verdict.accepted) return;
				expect(verdict.retryAfterMs).toBeGreaterThan(0);
				expect(verdict.retryAfterMs).toBeLessThanOrEqual(p.windowMs);
				expect(takeFromWindow(verdict.log, p, now + verdict.retryAfterMs - 1).accepted).toBe(false);
				expect(takeFromWindow(verdict.log, p, now + verdict.retryAfterMs).accepted).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});
});
