import type { Db } from '../db/database';
import { dataVersion } from '../db/data-version';
import type { ScheduleConfig } from './schedule-repository';

/**
 * Recent availability answers for callers that only show it (the booking page and
 * `GET /api/v1/availability`, which take the schedule from schedule-config-cache.ts): the month
 * the booking page shows is asked for by every visitor, and computing it costs far more than
 * answering (issue #21). An answer is reused only while it is exactly what computing it again
 * would give:
 *
 * - the same standing schedule read (a new read, after any write in this process or once a second,
 *   drops every answer made with the old one);
 * - nothing committed to the database since the answer's reads began, by any process
 *   (db/data-version.ts): a booking made on another instance shows at once, as before;
 * - `now` within the span over which the rule's result cannot change: from the instant it was
 *   computed for until the first slot falls inside the minimum notice or the clinic's day ends
 *   (which moves the booking horizon and the window check).
 */
export interface AnswerSpan {
	/** The last instant (inclusive) at which the answer still holds. */
	validUntil: number;
}

interface Entry<T> {
	version: string;
	from: number;
	until: number;
	answer: T;
}

const MAX_ANSWERS = 256;
const answersOf = new WeakMap<ScheduleConfig, Map<string, Entry<unknown>>>();

export async function reuseRecentAnswer<T>(
	db: Db,
	config: ScheduleConfig,
	key: string,
	now: number,
	compute: () => Promise<{ answer: T; span: AnswerSpan | null }>
): Promise<T> {
	// Read before the answer's own reads: a write that lands during them changes the token later.
	const version = await dataVersion(db);
	let answers = answersOf.get(config);
	if (!answers) answersOf.set(config, (answers = new Map()));
	const hit = answers.get(key) as Entry<T> | undefined;
	if (hit && hit.version === version && now >= hit.from && now <= hit.until) return hit.answer;
	const { answer, span } = await compute();
	if (span) {
		if (answers.size >= MAX_ANSWERS) answers.clear();
		answers.set(key, { version, from: now, until: span.validUntil, answer });
	}
	return answer;
}
