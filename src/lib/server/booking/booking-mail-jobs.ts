import { randomUUID } from 'node:crypto';
import { reminderInstants } from '../../domain/scheduling/reminder-timing';
import type { SecretBox } from '../auth/secret-box';
import type { NewJob } from '../jobs/queue';
import { LINE_PUSH_JOB } from '../line/line-notice';

/** Reminder timing per channel, hours before the visit (a clinic setting, issue #17). */
export interface ReminderTiming {
	mail: readonly number[];
	line: readonly number[];
	/** LINE is set up on this server: only then are LINE jobs queued at all (issue #20). */
	lineEnabled?: boolean;
}

export const DEFAULT_REMINDER_TIMING: ReminderTiming = { mail: [24], line: [24], lineEnabled: false };

/** What a sealed manage token is bound to: it opens only for its own appointment's mail. */
export function manageTokenContext(appointmentId: string): string {
	return `manage-token:${appointmentId}`;
}

export const REMINDER_JOB_KINDS = ['mail.booking_reminder', LINE_PUSH_JOB] as const;

/**
 * The messages a booked (or moved) visit sends: the confirmation now and the reminders at the
 * clinic's times before it, by mail and by LINE. Each job decides when it runs whether its channel
 * is the patient's choice (messaging/patient-channels.ts), so a patient who connects LINE after
 * booking gets the reminder there. Without a manage token (a move made in the portal) the mail
 * links to the portal instead. The token is a working key to the booking, so the job keeps it
 * sealed under the server key (issue 16): a copy of the database does not open the booking.
 */
export function bookingMailJobs(
	secrets: SecretBox,
	/** `movedFrom`: the start before a move, so the mail says what moved (issue #22). */
	input: { appointmentId: string; manageToken?: string; patientId?: string | null; movedFrom?: string },
	start: number,
	now: number,
	timing: ReminderTiming = DEFAULT_REMINDER_TIMING
): NewJob[] {
	return visitMessageJobs(secrets, input, start, now, timing, true);
}

/**
 * Only the reminders of a visit, for visits whose confirmation goes out another way (a series
 * is confirmed in one mail listing every visit).
 */
export function visitReminderJobs(
	secrets: SecretBox,
	input: { appointmentId: string; manageToken?: string; patientId?: string | null },
	start: number,
	now: number,
	timing: ReminderTiming = DEFAULT_REMINDER_TIMING
): NewJob[] {
	return visitMessageJobs(secrets, input, start, now, timing, false);
}

function visitMessageJobs(
	secrets: SecretBox,
	input: { appointmentId: string; manageToken?: string; patientId?: string | null; movedFrom?: string },
	start: number,
	now: number,
	timing: ReminderTiming,
	confirm: boolean
): NewJob[] {
	const payload: Record<string, string> = { appointmentId: input.appointmentId };
	if (input.manageToken) payload.manageToken = secrets.seal(input.manageToken, manageTokenContext(input.appointmentId));
	const confirmation = input.movedFrom ? { ...payload, movedFrom: input.movedFrom } : payload;
	const jobs: NewJob[] = confirm ? [{ kind: 'mail.booking_confirmation', payload: confirmation }] : [];
	for (const reminder of reminderInstants(start, timing.mail, now)) {
		jobs.push({ kind: 'mail.booking_reminder', payload: { ...payload, hoursBefore: String(reminder.hoursBefore) }, runAt: new Date(reminder.at) });
	}
	if (input.patientId && timing.lineEnabled) {
		const line = (kind: 'booking_confirmation' | 'booking_reminder', runAt?: Date, hoursBefore?: number): NewJob => ({
			kind: LINE_PUSH_JOB,
			payload: {
				patientId: input.patientId,
				appointmentId: input.appointmentId,
				notice: { kind, appointmentId: input.appointmentId, ...(payload.manageToken ? { manageToken: payload.manageToken } : {}) },
				retryKey: randomUUID(),
				mailFallback: { kind: `mail.${kind}`, payload },
				...(hoursBefore ? { hoursBefore } : {})
			},
			runAt
		});
		if (confirm) jobs.push(line('booking_confirmation'));
		for (const reminder of reminderInstants(start, timing.line, now)) jobs.push(line('booking_reminder', new Date(reminder.at), reminder.hoursBefore));
	}
	return jobs;
}
