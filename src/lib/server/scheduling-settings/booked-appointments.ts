import type { Db } from '../db/database';

/**
 * Booked patients inside [from, to) (ISO instants), for one practitioner or the whole clinic.
 * A settings change never moves or cancels them; the owner is told how many to look after.
 */
export async function countBookedAppointments(db: Db, range: { from: string; to: string; practitionerId?: string }): Promise<number> {
	let query = db.kysely
		.selectFrom('appointment')
		.select((eb) => eb.fn.countAll<number | string>().as('count'))
		.where('status', '=', 'booked')
		.where('starts_at', '<', range.to)
		.where('ends_at', '>', range.from);
	if (range.practitionerId) query = query.where('practitioner_id', '=', range.practitionerId);
	const row = await query.executeTakeFirstOrThrow();
	return Number(row.count);
}
