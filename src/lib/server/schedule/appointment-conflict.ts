import type { Db } from '../db/database';
import { claimOccupancy, GRAIN_MINUTES, isUniqueViolation, ONE_PLACE, practitionerPlaces } from '../booking/occupancy';

const GRAIN_MS = GRAIN_MINUTES * 60_000;

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
	const firstGrain = new Date(Math.floor(start / GRAIN_MS) * GRAIN_MS).toISOString();
	let query = db.kysely
		.selectFrom('occupancy')
		.innerJoin('appointment', 'appointment.id', 'occupancy.appointment_id')
		.leftJoin('patient', 'patient.id', 'appointment.patient_id')
		.select(['appointment.id', 'appointment.starts_at', 'appointment.ends_at', 'occupancy.resource', 'patient.family_name', 'patient.given_name'])
		// A practitioner's further places are `practitioner:<id>#<k>` (booking/occupancy.ts placeKeys).
		.where((eb) =>
			eb.or([
				eb('occupancy.resource', 'in', [...resources]),
				...resources.filter((r) => r.startsWith('practitioner:')).map((r) => eb('occupancy.resource', 'like', `${r}#%`))
			])
		)
		.where('occupancy.grain_start', '>=', firstGrain)
		.where('occupancy.grain_start', '<', new Date(heldUntil).toISOString());
	if (excludeAppointmentId) query = query.where('occupancy.appointment_id', '!=', excludeAppointmentId);
	const row = await query.orderBy('occupancy.grain_start').orderBy('occupancy.resource', 'desc').limit(1).executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		start: row.starts_at,
		end: row.ends_at,
		patientName: row.family_name !== null && row.given_name !== null ? { familyName: row.family_name, givenName: row.given_name } : null,
		resource: row.resource.startsWith('bed:') ? 'bed' : 'practitioner'
	};
}
