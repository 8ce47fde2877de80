import type { Db } from '../db/database';
import { claimOccupancy, firstHeldGrain } from '../booking/appointment-repository';
import { isUniqueViolation, ONE_PLACE, practitionerPlaces } from '../booking/occupancy';

/** The appointment (or blocked time) that holds a grain someone tried to claim. */
export interface ConflictingAppointment {
	id: string;
	/** ISO 8601 in UTC. */
	start: string;
	end: string;
	/** `null` for blocked time, which has no patient. */
	patientName: { familyName: string; givenName: string } | null;
	resource: 'practitioner' | 'bed';
}

/** Raised inside a transaction when the occupancy unique key refuses a grain; rolls it back. */
export class OccupancyConflict extends Error {
	constructor() {
		super('occupancy conflict');
		this.name = 'OccupancyConflict';
	}
}

/** Claims the grains; a unique-key refusal becomes `OccupancyConflict` so the transaction rolls back. */
export async function claimOrThrow(tx: Db, appointmentId: string, resources: string[], start: number, heldUntil: number, whole = false): Promise<void> {
	const practitioner = resources.find((r) => r.startsWith('practitioner:'));
	const places = practitioner ? await practitionerPlaces(tx, practitioner.slice('practitioner:'.length), whole) : ONE_PLACE;
	try {
		await claimOccupancy(tx, appointmentId, resources, start, heldUntil, places);
	} catch (cause) {
		if (isUniqueViolation(cause)) throw new OccupancyConflict();
		throw cause;
	}
}

/**
 * Names the appointment in the way, read after the failed transaction has rolled back (on
 * PostgreSQL the failed statement aborts the transaction, so nothing more can be read inside it).
 */
export async function findConflict(
	db: Db,
	resources: readonly string[],
	start: number,
	heldUntil: number,
	excludeAppointmentId?: string
): Promise<ConflictingAppointment | null> {
	const row = await firstHeldGrain(db, resources, start, heldUntil, excludeAppointmentId);
	if (!row) return null;
	return {
		id: row.id,
		start: row.starts_at,
		end: row.ends_at,
		patientName: row.family_name !== null && row.given_name !== null ? { familyName: row.family_name, givenName: row.given_name } : null,
		resource: row.resource.startsWith('bed:') ? 'bed' : 'practitioner'
	};
}
