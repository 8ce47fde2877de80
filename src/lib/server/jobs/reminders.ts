import type { Db } from '../db/database';
import { rescheduleJob, retireJobs } from './queue';

const HOUR = 3_600_000;

/** The pending reminders of one appointment, by mail and by LINE. */
function pendingReminders(db: Db, appointmentId: string) {
	return db.kysely
		.selectFrom('job')
		.select(['id', 'payload'])
		.where('done_at', 'is', null)
		.where('payload', 'like', `%"appointmentId":"${appointmentId}"%`)
		.where((eb) =>
			eb.or([eb('kind', '=', 'mail.booking_reminder'), eb.and([eb('kind', '=', 'line.push'), eb('payload', 'like', '%"kind":"booking_reminder"%')])])
		);
}

/**
 * After a move, the pending reminders follow the appointment: each is sent its own hours before
 * the new start (a day for one queued before timing was a setting), or not at all when that
 * moment has already passed.
 */
export async function rescheduleReminders(db: Db, appointmentId: string, newStart: number, now = db.clock.now().getTime()): Promise<void> {
	for (const job of await pendingReminders(db, appointmentId).execute()) {
		const hours = Number((JSON.parse(job.payload) as { hoursBefore?: string | number }).hoursBefore ?? 24) || 24;
		const dueAt = newStart - hours * HOUR;
		if (dueAt > now) await rescheduleJob(db, job.id, new Date(dueAt));
		else await retireJobs(db, [job.id], new Date(now));
	}
}

/** A reminder queued for the old time would arrive on the wrong day; the move queues new ones. */
export async function retireReminders(db: Db, appointmentId: string, now: number): Promise<void> {
	const ids = (await pendingReminders(db, appointmentId).execute()).map((job) => job.id);
	await retireJobs(db, ids, new Date(now));
}
