import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { enqueueJobs, MAX_ATTEMPTS, type NewJob } from '../jobs/queue';
import type { Job } from '../jobs/types';
import { SEND_MAIL_JOB } from '../mail/mail-jobs';
import { patientChannels } from '../messaging/patient-channels';
import { pushLineMessages } from './line-client';
import { lineConfig, type LineConfig } from './line-config';
import { lineMessagesFor } from './line-messages';
import { insertDeliveryFailure } from './line-repository';
import { LINE_PUSH_JOB, type LineNotice } from './line-notice';

/**
 * The job that pushes one notice to one patient (issue #20). Its retry key is made once, when the
 * job is queued, and kept in the payload: every attempt sends the same key, so a push whose answer
 * was lost is never delivered twice. `mailFallback` is the mail job to queue instead when LINE
 * cannot deliver for good; `fallbackWhenUnlinked` also when the patient's LINE link is gone by
 * the time it runs (the mail was not sent at queueing because LINE was chosen then).
 */
export interface LinePushPayload {
	patientId: string;
	notice: LineNotice;
	retryKey: string;
	mailFallback?: NewJob;
	fallbackWhenUnlinked?: boolean;
}

export function linePushJob(payload: Omit<LinePushPayload, 'retryKey'>, runAt?: Date): NewJob {
	return { kind: LINE_PUSH_JOB, payload: { ...payload, retryKey: randomUUID() }, runAt };
}

/** A passing failure; `retryAt` is when LINE asked to be tried again (Retry-After), if it said. */
export class LineRetryLater extends Error {
	constructor(
		message: string,
		readonly retryAt?: Date
	) {
		super(message);
	}
}

export async function runLinePush(
	db: Db,
	payload: LinePushPayload,
	origin: string,
	job: Pick<Job, 'attempts'>,
	now: Date,
	config: LineConfig | null = lineConfig()
): Promise<void> {
	const channels = await patientChannels(db, payload.patientId, config);
	if (!channels) return; // the patient's data was deleted since
	if (!config || !channels.line || !channels.lineUserId) {
		// Unlinked, withdrawn, unfollowed or LINE switched off: nothing goes to LINE.
		if (payload.fallbackWhenUnlinked && payload.mailFallback) await enqueueJobs(db, [payload.mailFallback], now);
		return;
	}
	const messages = await lineMessagesFor(db, payload.notice, payload.patientId, channels.locale, origin);
	if (!messages) return;
	const result = await pushLineMessages(config, channels.lineUserId, messages, payload.retryKey, now.getTime());
	if (result.outcome === 'delivered') return;
	if (result.outcome === 'retry' && job.attempts < MAX_ATTEMPTS) {
		throw new LineRetryLater(result.error ?? 'LINE busy', result.retryAfterMs === undefined ? undefined : new Date(now.getTime() + result.retryAfterMs));
	}
	// For good: the patient gets the mail instead, unless it went by mail anyway; the owner sees it.
	const fallBack = Boolean(payload.mailFallback) && !channels.mail;
	if (fallBack) await enqueueJobs(db, [forcedMail(payload.mailFallback!)], now);
	await insertDeliveryFailure(db, {
		id: randomUUID(),
		patient_id: payload.patientId,
		message_kind: payload.notice.kind,
		error: result.error ?? 'failed',
		fell_back_to_mail: fallBack ? 1 : 0,
		failed_at: now.toISOString()
	});
}

/** A booking mail queued as a fallback is sent even though the patient chose LINE alone. */
function forcedMail(job: NewJob): NewJob {
	return job.kind === SEND_MAIL_JOB ? job : { ...job, payload: { ...job.payload, force: '1' } };
}
