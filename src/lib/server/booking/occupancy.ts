import type { Db } from '../db/database';
import { findPractitionerCapacity } from '../scheduling-settings/settings-repository';

/** Occupancy is written in 5-minute grains; every duration, buffer and slot step is a multiple. */
export const GRAIN_MINUTES = 5;
const GRAIN_MS = GRAIN_MINUTES * 60_000;

export function occupancyRows(appointmentId: string, resources: string[], start: number, heldUntil: number) {
	const first = Math.floor(start / GRAIN_MS) * GRAIN_MS;
	const rows: Array<{ resource: string; grain_start: string; appointment_id: string }> = [];
	for (const resource of resources) {
		for (let grain = first; grain < heldUntil; grain += GRAIN_MS) {
			rows.push({ resource, grain_start: new Date(grain).toISOString(), appointment_id: appointmentId });
		}
	}
	return rows;
}

export function resourcesOf(appointment: { practitioner_id: string; bed_id: string | null }): string[] {
	return [`practitioner:${appointment.practitioner_id}`, ...(appointment.bed_id ? [`bed:${appointment.bed_id}`] : [])];
}

/**
 * How many places the appointment's practitioner has (patients at once, one per bed while needles
 * are retained), and whether the appointment takes all of them (blocked time does).
 */
export interface PractitionerPlaces {
	capacity: number;
	whole?: boolean;
}

export const ONE_PLACE: PractitionerPlaces = { capacity: 1 };

/**
 * The occupancy keys of a practitioner's places: `practitioner:<id>` for the first (as it always
 * was), `practitioner:<id>#<k>` for each further one. Each key is unique per grain, so no grain can
 * hold more patients than the practitioner has places, whatever runs at the same time.
 */
export function placeKeys(practitionerResource: string, capacity: number): string[] {
	return Array.from({ length: Math.max(1, capacity) }, (_, k) => (k === 0 ? practitionerResource : `${practitionerResource}#${k}`));
}

/** The practitioner's places, read inside the caller's transaction. */
export async function practitionerPlaces(db: Db, practitionerId: string, whole = false): Promise<PractitionerPlaces> {
	const row = await findPractitionerCapacity(db, practitionerId);
	return { capacity: row?.concurrent_patients ?? 1, whole };
}

/** Two PostgreSQL transactions waited on each other's claims and one was ended: a race lost, as a unique-key violation is. */
export function isDeadlock(cause: unknown): boolean {
	return (cause as { code?: string } | null)?.code === '40P01';
}

/** SQLite and PostgreSQL each name a unique-key violation their own way. */
export function isUniqueViolation(cause: unknown): boolean {
	const error = cause as { code?: string } | null;
	return error?.code === '23505' || (typeof error?.code === 'string' && error.code.startsWith('SQLITE_CONSTRAINT'));
}
