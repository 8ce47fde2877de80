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
