import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { AppointmentTable } from '../db/schema';

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
	const row = await db.kysely.selectFrom('practitioner').select('concurrent_patients').where('id', '=', practitionerId).executeTakeFirst();
	return { capacity: row?.concurrent_patients ?? 1, whole };
}

/**
 * Claims the grains; a grain someone else holds makes the whole insert fail (unique key). A
 * practitioner with several places takes, grain by grain, the first place free when read; a
 * concurrent claim of the same place is refused by the key, and the caller retries or reports it.
 */
export async function claimOccupancy(
	db: Db,
	appointmentId: string,
	resources: string[],
	start: number,
	heldUntil: number,
	places: PractitionerPlaces
): Promise<void> {
	const rows = occupancyRows(appointmentId, resources, start, heldUntil);
	if (places.capacity > 1) await spreadOverPlaces(db, rows, places);
	for (let i = 0; i < rows.length; i += 200)
		await db.kysely
			.insertInto('occupancy')
			.values(rows.slice(i, i + 200))
			.execute();
}

type NewAppointment = Insertable<AppointmentTable> & { id: string; practitioner_id: string; bed_id: string | null; held_until: string };

/**
 * Writes a new appointment and claims its grains, as `claimOccupancy` does, in as few statements as
 * the engine allows. On PostgreSQL one statement (the appointment inserted in a data-modifying CTE;
 * the occupancy's foreign key is checked at the end of the statement, when the appointment exists):
 * a practitioner grain someone holds fails the whole statement, and nothing of it is kept.
 *
 * A bed taken meanwhile by a concurrent booking (two practitioners free at one time, both given the
 * first free bed) is not a lost race on PostgreSQL: its grains are claimed with ON CONFLICT DO
 * NOTHING, and when some were taken the next of `spareBeds` (beds free at the time when the slot was
 * read, in the clinic's order) is tried in the same transaction, as a retry from the start would
 * have chosen it. Returns the appointment as written (its bed may differ); throws the unique-key
 * violation when no bed is left.
 */
export async function insertAppointmentClaimingOccupancy<A extends NewAppointment>(
	db: Db,
	appointment: A,
	start: number,
	places: PractitionerPlaces,
	spareBeds: readonly string[] = []
): Promise<A> {
	const heldUntil = Date.parse(appointment.held_until);
	const rows = occupancyRows(appointment.id, resourcesOf(appointment), start, heldUntil);
	if (places.capacity > 1) await spreadOverPlaces(db, rows, places);
	if (db.dialect !== 'postgres' || rows.length > 200) {
		await db.kysely.insertInto('appointment').values(appointment).execute();
		for (let i = 0; i < rows.length; i += 200)
			await db.kysely
				.insertInto('occupancy')
				.values(rows.slice(i, i + 200))
				.execute();
		return appointment;
	}
	const held = rows.filter((r) => !r.resource.startsWith('bed:'));
	const bedRows = rows.filter((r) => r.resource.startsWith('bed:'));
	if (bedRows.length === 0) {
		await db.kysely
			.with('booked', (q) => q.insertInto('appointment').values(appointment))
			.insertInto('occupancy')
			.values(held)
			.execute();
		return appointment;
	}
	const written = await db.kysely
		.with('booked', (q) => q.insertInto('appointment').values(appointment))
		.with('held', (q) => q.insertInto('occupancy').values(held))
		.with('bed', (q) =>
			q
				.insertInto('occupancy')
				.values(bedRows)
				.onConflict((c) => c.doNothing())
				.returning('grain_start')
		)
		.selectFrom('bed')
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.executeTakeFirstOrThrow();
	if (Number(written.n) === bedRows.length) return appointment;
	for (const bedId of spareBeds.filter((id) => id !== appointment.bed_id)) {
		const claimed = await db.kysely
			.with('dropped', (q) => q.deleteFrom('occupancy').where('appointment_id', '=', appointment.id).where('resource', 'like', 'bed:%'))
			.with('moved', (q) => q.updateTable('appointment').set({ bed_id: bedId }).where('id', '=', appointment.id))
			.insertInto('occupancy')
			.values(occupancyRows(appointment.id, [`bed:${bedId}`], start, heldUntil))
			.onConflict((c) => c.doNothing())
			.returning('grain_start')
			.execute();
		if (claimed.length === bedRows.length) return { ...appointment, bed_id: bedId };
	}
	throw Object.assign(new Error('every free bed was taken by a concurrent booking'), { code: '23505' });
}

async function spreadOverPlaces(
	db: Db,
	rows: Array<{ resource: string; grain_start: string; appointment_id: string }>,
	places: PractitionerPlaces
): Promise<void> {
	const practitionerRows = rows.filter((r) => r.resource.startsWith('practitioner:'));
	if (practitionerRows.length === 0) return;
	const keys = placeKeys(practitionerRows[0]!.resource, places.capacity);
	if (places.whole) {
		for (const key of keys.slice(1)) for (const row of practitionerRows) rows.push({ ...row, resource: key });
		return;
	}
	const taken = await db.kysely
		.selectFrom('occupancy')
		.select(['resource', 'grain_start'])
		.where('resource', 'in', keys)
		.where('grain_start', '>=', practitionerRows[0]!.grain_start)
		.where('grain_start', '<=', practitionerRows.at(-1)!.grain_start)
		.execute();
	const takenAt = new Set(taken.map((t) => `${t.grain_start} ${t.resource}`));
	// When every place is taken the first is claimed anyway, and the unique key refuses it.
	for (const row of practitionerRows) row.resource = keys.find((key) => !takenAt.has(`${row.grain_start} ${key}`)) ?? keys[0]!;
}

export async function releaseOccupancy(db: Db, appointmentId: string): Promise<void> {
	await db.kysely.deleteFrom('occupancy').where('appointment_id', '=', appointmentId).execute();
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
