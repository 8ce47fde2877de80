/*
 * Slows and then locks repeated failed sign-ins (issue #3). Keyed by e-mail and by IP address,
 * so the answer is the same whether or not an account exists.
 */

export interface ThrottleState {
	failures: number;
	lockedUntil: Date | null;
	lastFailureAt: Date;
}

export interface ThrottlePolicy {
	/** Failures allowed before each further attempt is slowed. */
	freeFailures: number;
	/** Failures that lock the key. */
	lockAfter: number;
	lockMinutes: number;
	/** Failures older than this are forgotten. */
	forgetAfterMinutes: number;
	maxDelayMs: number;
}

export const EMAIL_POLICY: ThrottlePolicy = {
	freeFailures: 3,
	lockAfter: 10,
	lockMinutes: 15,
	forgetAfterMinutes: 60,
	maxDelayMs: 4000
};

export const IP_POLICY: ThrottlePolicy = {
	freeFailures: 20,
	lockAfter: 50,
	lockMinutes: 15,
	forgetAfterMinutes: 60,
	maxDelayMs: 4000
};

/**
 * The second step of sign-in (issue #16), keyed by account: a six-digit code can be guessed, so
 * five wrong codes lock the account's second step for as long as the password lock lasts.
 */
export const SECOND_FACTOR_POLICY: ThrottlePolicy = {
	freeFailures: 5,
	lockAfter: 5,
	lockMinutes: 15,
	forgetAfterMinutes: 60,
	maxDelayMs: 0
};

export type ThrottleVerdict = { locked: true; retryAfterSeconds: number } | { locked: false; delayMs: number };

/** What to do with the next attempt under this key. */
export function judgeAttempt(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleVerdict {
	if (!state) return { locked: false, delayMs: 0 };
	if (state.lockedUntil && state.lockedUntil > now) {
		return { locked: true, retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000) };
	}
	const failures = currentFailures(state, policy, now);
	const over = failures - policy.freeFailures;
	if (over < 0) return { locked: false, delayMs: 0 };
	return { locked: false, delayMs: Math.min(policy.maxDelayMs, 250 * 2 ** over) };
}

/** The state after one more failure. */
export function recordFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
	const failures = (state ? currentFailures(state, policy, now) : 0) + 1;
	const lockedUntil = failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
	// A lock starts the count afresh once it has passed.
	return { failures: lockedUntil ? 0 : failures, lockedUntil, lastFailureAt: now };
}

function currentFailures(state: ThrottleState, policy: ThrottlePolicy, now: Date): number {
	const age = now.getTime() - state.lastFailureAt.getTime();
	return age > policy.forgetAfterMinutes * 60_000 ? 0 : state.failures;
}
