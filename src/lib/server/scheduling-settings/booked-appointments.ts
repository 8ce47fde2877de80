import { countBookedBetween } from '../booking/appointment-repository';
import type { Db } from '../db/database';

/**
 * Booked patients inside [from, to) (ISO instants), for one practitioner or the whole clinic.
 * A settings change never moves or cancels them; the owner is told how many to look after.
 */
export async function countBookedAppointments(db: Db, range: { from: string; to: string; practitionerId?: string }): Promise<number> {
	return countBookedBetween(db, range);
}
