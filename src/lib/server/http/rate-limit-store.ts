import { performance } from 'node:perf_hooks';
import { isSpent, takeFromWindow, type WindowLog, type WindowPolicy } from '../../domain/rate-limit/sliding-window';

export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
	take(key: string, now?: number): RateVerdict;
	/** Keys held now, for tests and for watching memory. */
	readonly size: number;
}

/**
 * One policy's counts, in this process's memory. Nothing is shared between app instances: each
 * instance allows the full limit, which is fine for limits meant to stop floods, not to count
 * exactly (the failure lock of sign-in, in the database, is the one all instances share).
 *
 * Memory stays bounded: a Map keeps keys in the order they were last touched, so the least recently
 * used key is evicted once `maxKeys` are held, and keys whose window has passed are swept as
 * requests arrive. A flood of distinct addresses costs at most `maxKeys` × `limit` numbers; the
 * price is that such a flood may make us forget an older key early, never that we refuse more.
 */
export function createRateLimiter(policy: WindowPolicy, { maxKeys = 10_000 } = {}): RateLimiter {
	if (!Number.isInteger(policy.limit) || policy.limit < 1 || !(policy.windowMs > 0) || maxKeys < 1) {
		throw new RangeError(`invalid rate-limit policy ${JSON.stringify({ ...policy, maxKeys })}`);
	}
	const logs = new Map<string, WindowLog>();

	function sweep(now: number) {
		// Only the front is looked at, so each request costs O(1) amortised.
		for (const [key, log] of logs) {
			if (!isSpent(log, policy, now)) break;
			logs.delete(key);
		}
	}

	return {
		take(key, now = performance.now()) {
			const verdict = takeFromWindow(logs.get(key) ?? [], policy, now);
			logs.delete(key);
			logs.set(key, verdict.log);
			sweep(now);
			while (logs.size > maxKeys) logs.delete(logs.keys().next().value!);
			return verdict.accepted ? { ok: true } : { ok: false, retryAfterMs: verdict.retryAfterMs };
		},
		get size() {
			return logs.size;
		}
	};
}
