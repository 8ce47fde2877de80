import { z } from 'zod';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { enqueueJobs, type NewJob } from '../jobs/queue';
import type { LineEventPayload } from './line-events';
import { LINE_EVENT_JOB } from './line-notice';
import { insertWebhookEventOnce } from './line-repository';

/* Only the parts of LINE's webhook events that shinkyu acts on; anything else passes untouched. */
const ZLineWebhookEventSchema = z.object({
	type: z.string(),
	webhookEventId: z.string().min(1).max(100),
	replyToken: z.string().max(200).optional(),
	source: z.object({ type: z.string(), userId: z.string().max(100).optional() }).optional(),
	postback: z.object({ data: z.string().max(300) }).optional()
});

export const ZLineWebhookBodySchema = z.object({ destination: z.string().optional(), events: z.array(z.unknown()).max(100) });

const HANDLED = new Set(['follow', 'unfollow', 'postback', 'message']);

/**
 * Queues the events of a verified webhook call, each once (issue #20): LINE redelivers an event it
 * thinks was missed with the same `webhookEventId`, which the table's key turns away. The caller
 * answers 200 at once; the events are handled by the job worker.
 */
export async function acceptLineWebhook(db: Db, events: readonly unknown[], now = db.clock.now()): Promise<number> {
	return withTransaction(db, async (tx) => {
		const jobs: NewJob[] = [];
		for (const raw of events) {
			const parsed = ZLineWebhookEventSchema.safeParse(raw);
			if (!parsed.success) continue;
			const event = parsed.data;
			const userId = event.source?.type === 'user' ? event.source.userId : undefined;
			if (!(await insertWebhookEventOnce(tx, event.webhookEventId, now.toISOString()))) continue;
			if (!userId || !HANDLED.has(event.type)) continue;
			const payload: LineEventPayload = { type: event.type as LineEventPayload['type'], userId };
			if (event.replyToken) payload.replyToken = event.replyToken;
			if (event.type === 'postback' && event.postback) payload.postbackData = event.postback.data;
			jobs.push({ kind: LINE_EVENT_JOB, payload: { ...payload } });
		}
		await enqueueJobs(tx, jobs, now);
		return jobs.length;
	});
}
