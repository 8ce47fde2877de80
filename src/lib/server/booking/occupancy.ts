import type { Db } from '../db/database';

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

/** Claims the grains; a grain someone else holds makes the whole insert fail (unique key). */
export async function claimOccupancy(db: Db, appointmentId: string, resources: string[], start: number, heldUntil: number): Promise<void> {
	const rows = occupancyRows(appointmentId, resources, start, heldUntil);
	for (let i = 0; i < rows.length; i += 200) await db.kysely.insertInto('occupancy').values(rows.slice(i, i + 200)).execute();
}

export async function releaseOccupancy(db: Db, appointmentId: string): Promise<void> {
	await db.kysely.deleteFrom('occupancy').where('appointment_id', '=', appointmentId).execute();
}

/** SQLite and PostgreSQL each name a unique-key violation their own way. */
export function isUniqueViolation(cause: unknown): boolean {
	const error = cause as { code?: string } | null;
	return error?.code === '23505' || (typeof error?.code === 'string' && error.code.startsWith('SQLITE_CONSTRAINT'));
}
