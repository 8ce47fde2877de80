import type { Db } from '../db/database';
import { enqueueJobs } from '../jobs/queue';
import { linePushJob } from '../line/line-push-job';
import { lineConfig, type LineConfig } from '../line/line-config';
import type { LineNotice } from '../line/line-notice';
import { mailJobPayload, SEND_MAIL_JOB } from '../mail/mail-jobs';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import { patientChannels } from './patient-channels';

export interface PatientMessage {
	/** The mail, as the caller would have sent it (no attachments). */
	mail?: OutgoingMail;
	/** The same message for LINE: a title and a link, never health information (line-notice.ts). */
	line?: LineNotice;
}

export interface NotifyOutcome {
	mail: boolean;
	line: boolean;
}

/**
 * Sends a message to a patient by the channels they chose (issue #20): mail, LINE or both. The ONE
 * place a message kind is wired to the channels; a new kind (a waiting-list offer, a recall
 * invitation) calls it in place of `mailer.send(db, mail)`:
 *
 *     await notifyPatient(tx, patientId, { mail, line: { kind: 'link', titleKey: 'waitlist.lineOffer', path: offerPath } });
 *
 * Everything is queued in the caller's transaction. A LINE push that fails for good, or finds the
 * link gone, sends the mail instead. `mailer`: the caller's queuing mailer, when it has one.
 */
export async function notifyPatient(
	db: Db,
	patientId: string,
	message: PatientMessage,
	mailer?: Mailer,
	now = db.clock.now(),
	config: LineConfig | null = lineConfig()
): Promise<NotifyOutcome> {
	const channels = await patientChannels(db, patientId, config);
	if (!channels) return { mail: false, line: false };
	const line = Boolean(message.line) && channels.line;
	const mail = Boolean(message.mail) && (channels.mail || (!line && message.mail!.to.trim() !== ''));
	if (mail && message.mail) {
		if (mailer) await mailer.send(db, message.mail);
		else await enqueueJobs(db, [{ kind: SEND_MAIL_JOB, payload: mailJobPayload(db, message.mail) }], now);
	}
	if (line && message.line) {
		const mailFallback = message.mail && !mail ? { kind: SEND_MAIL_JOB, payload: mailJobPayload(db, message.mail) } : undefined;
		await enqueueJobs(db, [linePushJob({ patientId, notice: message.line, mailFallback, fallbackWhenUnlinked: mailFallback !== undefined })], now);
	}
	return { mail, line };
}
