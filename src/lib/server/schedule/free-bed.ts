import type { Db } from '../db/database';
import { bedsHeldBetween } from '../booking/appointment-repository';
import { listBedIds } from '../scheduling-settings/settings-repository';

/**
 * The first bed (in the clinic's order) that holds no grain of [start, heldUntil), or null. Only a
 * suggestion: the occupancy claim that follows is what settles a race for the same bed.
 */
export async function pickFreeBed(db: Db, start: number, heldUntil: number, excludeAppointmentId?: string): Promise<string | null> {
	const [beds, takenIds] = await Promise.all([listBedIds(db), bedsHeldBetween(db, start, heldUntil, excludeAppointmentId)]);
	return beds.find((b) => !takenIds.has(b.id))?.id ?? null;
}
