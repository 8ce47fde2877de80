import type { Db } from '../db/database';
import { listBedIds } from '../scheduling-settings/settings-repository';
import { GRAIN_MINUTES } from '../booking/occupancy';

const GRAIN_MS = GRAIN_MINUTES * 60_000;

/**
 * The first bed (in the clinic's order) that holds no grain of [start, heldUntil), or null. Only a
 * suggestion: the occupancy claim that follows is what settles a race for the same bed.
 */
export async function pickFreeBed(db: Db, start: number, heldUntil: number, excludeAppointmentId?: string): Promise<string | null> {
	let busy = db.kysely
		.selectFrom('occupancy')
		.select('resource')
		.distinct()
		.where('resource', 'like', 'bed:%')
		.where('grain_start', '>=', new Date(Math.floor(start / GRAIN_MS) * GRAIN_MS).toISOString())
		.where('grain_start', '<', new Date(heldUntil).toISOString());
	if (excludeAppointmentId) busy = busy.where('appointment_id', '!=', excludeAppointmentId);
	const [beds, taken] = await Promise.all([listBedIds(db), busy.execute()]);
	const takenIds = new Set(taken.map((t) => t.resource.slice('bed:'.length)));
	return beds.find((b) => !takenIds.has(b.id))?.id ?? null;
}
