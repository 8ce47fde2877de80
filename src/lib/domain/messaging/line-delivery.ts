/**
 * What a LINE push's HTTP status means (issue #20). A retried push carries the same
 * X-Line-Retry-Key, and LINE answers 409 to a key it has already accepted: the message was
 * delivered before, so it counts as delivered and is not sent twice. 429 (rate or quota) and 5xx
 * are passing: the job backs off and retries. Anything else (a blocked or unknown user, a bad
 * request) will not change by trying again: the message falls back to mail.
 */
export type PushOutcome = 'delivered' | 'retry' | 'permanent';

export function classifyPushStatus(status: number): PushOutcome {
	if (status >= 200 && status < 300) return 'delivered';
	if (status === 409) return 'delivered';
	if (status === 429 || status >= 500) return 'retry';
	return 'permanent';
}

/** The longest wait a Retry-After may ask for; beyond it the job's own backoff is kept. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * How long LINE asks us to wait before trying again (RFC 9110 §10.2.3 Retry-After: a number of
 * seconds, or an HTTP date), from `now`; null when the header is absent, unreadable or asks for
 * more than a day, so the job's own backoff applies.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
	const value = header?.trim();
	if (!value) return null;
	let wait: number;
	if (/^\d+$/.test(value)) wait = Number(value) * 1000;
	else {
		// An HTTP date is written as IMF-fixdate, e.g. "Tue, 04 Jun 2030 01:05:00 GMT".
		if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return null;
		const at = Date.parse(value);
		if (Number.isNaN(at)) return null;
		wait = Math.max(0, at - now);
	}
	return wait <= MAX_RETRY_AFTER_MS ? wait : null;
}
