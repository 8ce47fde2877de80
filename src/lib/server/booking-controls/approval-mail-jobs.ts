import type { SecretBox } from '../auth/secret-box';
import { manageTokenContext } from '../booking/booking-mail-jobs';
import type { NewJob } from '../jobs/queue';

export const BOOKING_PENDING_MAIL_JOB = 'mail.booking_pending';
export const BOOKING_DECLINED_MAIL_JOB = 'mail.booking_declined';

/** A request awaiting the desk: the patient hears it arrived, with the sealed manage link to withdraw it. */
export function pendingBookingMailJobs(secrets: SecretBox, input: { appointmentId: string; manageToken: string }): NewJob[] {
	return [
		{
			kind: BOOKING_PENDING_MAIL_JOB,
			payload: { appointmentId: input.appointmentId, manageToken: secrets.seal(input.manageToken, manageTokenContext(input.appointmentId)) }
		}
	];
}
