import type { NewJob } from '../jobs/queue';

const REMINDER_BEFORE_MS = 24 * 3_600_000;

/**
 * The mail a booked (or moved) visit sends: the confirmation now and, unless the visit is less than
 * a day away, the reminder a day before it. Without a manage token (a move made in the portal) the
 * mail links to the portal instead.
 */
export function bookingMailJobs(payload: { appointmentId: string; manageToken?: string }, start: number, now: number): NewJob[] {
	const reminderAt = start - REMINDER_BEFORE_MS;
	return [
		{ kind: 'mail.booking_confirmation', payload },
		...(reminderAt > now ? [{ kind: 'mail.booking_reminder', payload, runAt: new Date(reminderAt) }] : [])
	];
}
