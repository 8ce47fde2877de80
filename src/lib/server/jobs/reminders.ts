import type { Db } from '../db/database';

const DAY = 24 * 3_600_000;

/**
 * After a move, the pending reminder follows the appointment: it is sent 24 hours before the new
 * start, or not at all when that moment has already passed.
 */
export async function rescheduleReminders(db: Db, appointmentId: string, newStart: number, now = db.clock.now().getTime()): Promise<void> {
	const dueAt = newStart - DAY;
	await db.kysely
		.updateTable('job')
		.set(dueAt > now ? { run_at: new Date(dueAt).toISOString() } : { done_at: new Date(now).toISOString() })
		.where('kind', '=', 'mail.booking_reminder')
		.where('done_at', 'is', null)
		.where('payload', 'like', `%"appointmentId":"${appointmentId}"%`)
		.execute();
}
