import type { Db } from '../db/database';
import type { OutgoingMail } from '../mail/mailer';
import { movedVisitMail } from '../booking/booking-mail';

/** The job that tells a patient the desk moved their visit (issue #22); payload: appointmentId, from (ISO), fromPractitionerId when it changed. */
export const DESK_MOVE_MAIL_JOB = 'mail.desk_move';

/**
 * The desk's move, told by the one moved-visit mail the patient's own move also sends: the old
 * and the new time, what changed. Nothing when the visit was cancelled since, or the patient has
 * no e-mail address (a walk-in, a block).
 */
export function deskMoveMail(db: Db, appointmentId: string, from: string, origin: string, fromPractitionerId?: string): Promise<OutgoingMail | null> {
	return movedVisitMail(db, appointmentId, { from, fromPractitionerId }, origin);
}
