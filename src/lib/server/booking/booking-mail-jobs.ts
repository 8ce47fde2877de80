import type { SecretBox } from '../auth/secret-box';
import type { NewJob } from '../jobs/queue';

const REMINDER_BEFORE_MS = 24 * 3_600_000;

/** What a sealed manage token is bound to: it opens only for its own appointment's mail. */
export function manageTokenContext(appointmentId: string): string {
	return `manage-token:${appointmentId}`;
}

/**
 * The mail a booked (or moved) visit sends: the confirmation now and, unless the visit is less than
 * a day away, the reminder a day before it. Without a manage token (a move made in the portal) the
 * mail links to the portal instead. The token is a working key to the booking, so the job keeps it
 * sealed under the server key (issue 16): a copy of the database does not open the booking.
 */
export function bookingMailJobs(
	secrets: SecretBox,
	/** `movedFrom`: the start before a move, so the mail says what moved (issue #22). */
	input: { appointmentId: string; manageToken?: string; movedFrom?: string },
	start: number,
	now: number
): NewJob[] {
	const payload: Record<string, string> = { appointmentId: input.appointmentId };
	if (input.manageToken) payload.manageToken = secrets.seal(input.manageToken, manageTokenContext(input.appointmentId));
	const reminderAt = start - REMINDER_BEFORE_MS;
	return [
		{ kind: 'mail.booking_confirmation', payload: input.movedFrom ? { ...payload, movedFrom: input.movedFrom } : payload },
		...(reminderAt > now ? [{ kind: 'mail.booking_reminder', payload, runAt: new Date(reminderAt) }] : [])
	];
}
