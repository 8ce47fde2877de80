/*
 * A sliding-window log (issue #9): the times of the requests accepted in the last `windowMs` are
 * kept, and a request is accepted while fewer than `limit` of them remain. Unlike a fixed window
 * or a token bucket this is exact: no window of that length, wherever it starts, ever holds more
 * than `limit` accepted requests, and the wait it names is the true wait. The log is at most
 * `limit` long, which is small for every policy we use.
 */

export interface WindowPolicy {
	/** Requests accepted within any one window. */
	limit: number;
	windowMs: number;
}

/** Times (ms, ascending) of the accepted requests that may still count. */
export type WindowLog = readonly number[];

export type WindowVerdict =
	| { accepted: true; log: WindowLog }
	/** A refused request is not logged: waiting `retryAfterMs` is always enough. */
	| { accepted: false; log: WindowLog; retryAfterMs: number };

/**
 * Decides one request at `now` and returns the log to keep. `now` must never go back between
 * calls on one log (the server passes a monotonic clock).
 */
export function takeFromWindow(log: WindowLog, policy: WindowPolicy, now: number): WindowVerdict {
	const live = liveEntries(log, policy, now);
	if (live.length < policy.limit) return { accepted: true, log: [...live, now] };
	// The request is accepted once all but `limit - 1` of the live entries have left the window.
	const leaving = live[live.length - policy.limit]!;
	return { accepted: false, log: live, retryAfterMs: leaving + policy.windowMs - now };
}

/** The entries still inside the window at `now`: an entry counts for exactly `windowMs`. */
export function liveEntries(log: WindowLog, policy: WindowPolicy, now: number): WindowLog {
	const since = now - policy.windowMs;
	let first = 0;
	while (first < log.length && log[first]! <= since) first++;
	return first === 0 ? log : log.slice(first);
}

/** Whether a log holds nothing that could refuse a request at `now` (so it can be forgotten). */
export function isSpent(log: WindowLog, policy: WindowPolicy, now: number): boolean {
	return log.length === 0 || log[log.length - 1]! <= now - policy.windowMs;
}
