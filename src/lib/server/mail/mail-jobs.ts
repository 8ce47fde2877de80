import type { Db } from '../db/database';
import { enqueueJob } from '../jobs/queue';
import type { Mailer, OutgoingMail } from './mailer';

/*
 * Every mail goes through the durable job queue (issue 16): a red flag, a serious adverse event or
 * a sign-in link that meets a mail server down is retried with backoff like booking mail, and one
 * that gives up is shown to the owner (failed-mail.ts), instead of being written once to the outbox
 * and forgotten. The job keeps the mail sealed under the server key: it may hold a sign-in or
 * invitation link, which must not lie in the database readable.
 */

export const SEND_MAIL_JOB = 'mail.send';
const SEAL_CONTEXT = SEND_MAIL_JOB;

interface QueuedMail {
	to: string;
	subject: string;
	text: string;
	kind: string;
}

/**
 * The mailer use cases are given: `send` queues the mail as a job, in the caller's transaction
 * when there is one, so mail goes out only for work that committed. `delivery` sends it later,
 * from the worker. `onQueued` wakes the worker.
 */
export function queuedMailer(delivery: Pick<Mailer, 'canDeliver'>, onQueued: () => void = () => {}): Mailer {
	return {
		canDeliver: delivery.canDeliver,
		async send(db, mail) {
			const id = await enqueueMail(db, mail);
			onQueued();
			return { id, delivered: false };
		}
	};
}

export async function enqueueMail(db: Db, mail: OutgoingMail, now = db.clock.now()): Promise<string> {
	return enqueueJob(db, SEND_MAIL_JOB, mailJobPayload(db, mail), undefined, now);
}

/** The sealed payload of a `mail.send` job: also kept by a LINE push as its fallback (issue #20). */
export function mailJobPayload(db: Pick<Db, 'secrets'>, mail: OutgoingMail): Record<string, string> {
	if (mail.attachments) throw new Error('mail with attachments has a job kind of its own (see booking-mail-jobs.ts)');
	const queued: QueuedMail = { to: mail.to, subject: mail.subject, text: mail.text, kind: mail.kind };
	// `kind` stays readable: the owner's list of failed mail names what failed, never to whom.
	return { kind: mail.kind, mail: db.secrets.seal(JSON.stringify(queued), SEAL_CONTEXT) };
}

/** The job: opens the mail and hands it to the delivering mailer; a failed delivery is retried. */
export async function sendQueuedMail(db: Db, delivery: Mailer, payload: Record<string, string>): Promise<void> {
	const mail = JSON.parse(db.secrets.open(payload.mail!, SEAL_CONTEXT)) as QueuedMail;
	const result = await delivery.send(db, mail);
	if (delivery.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
}
