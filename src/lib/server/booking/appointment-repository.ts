import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database';
import type { Appointment, AppointmentStatus, AppointmentTable } from '../db/schema';
import { GRAIN_MINUTES, occupancyRows, placeKeys, resourcesOf, type PractitionerPlaces } from './occupancy';

/*
 * The repository of the visits (`appointment`) and the grains they hold (`occupancy`): the only
 * place that writes either table (docs/architecture.md, "One owner per table"). The two are one
 * owner because a booking writes them together: on PostgreSQL the appointment and its grains go in
 * one statement, and the occupancy's unique key is what refuses a double booking on both engines.
 * Every function takes the caller's transaction (`tx`) as `db`; the use cases keep their
 * transactions, their order of statements and their retries.
 */

const GRAIN_MS = GRAIN_MINUTES * 60_000;

/**
 * A new appointment (a visit, blocked time or a waiting-list hold) without its grains: the caller
 * claims them next in the same transaction (`claimOccupancy`), and a grain someone holds rolls both back.
 */
export async function insertAppointment(db: Db, appointment: Insertable<AppointmentTable>): Promise<void> {
	await db.kysely.insertInto('appointment').values(appointment).execute();
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

/** Frees the grains of a no-show from `fromIso` on; the visit keeps the grains before it. */
export async function releaseOccupancyFrom(db: Db, appointmentId: string, fromIso: string): Promise<void> {
	await db.kysely.deleteFrom('occupancy').where('appointment_id', '=', appointmentId).where('grain_start', '>=', fromIso).execute();
}

/**
 * Cancels the visit while it still has `fromStatus`; false when it changed meanwhile (of two
 * cancels at once, the second finds nothing to do). The caller releases its grains.
 */
export async function markAppointmentCancelled(db: Db, appointmentId: string, fromStatus: AppointmentStatus, at: string): Promise<boolean> {
	const updated = await db.kysely
		.updateTable('appointment')
		.set({ status: 'cancelled', cancelled_at: at })
		.where('id', '=', appointmentId)
		.where('status', '=', fromStatus)
		.executeTakeFirst();
	return Number(updated.numUpdatedRows) === 1;
}

/** The desk's answer to a booking waiting for approval: approved, or cancelled; false when it no longer waits. */
export async function decideAppointmentApproval(db: Db, appointmentId: string, decision: 'approve' | 'decline', at: string): Promise<boolean> {
	const updated = await db.kysely
		.updateTable('appointment')
		.set(decision === 'approve' ? { approval: 'approved' } : { status: 'cancelled', cancelled_at: at })
		.where('id', '=', appointmentId)
		.where('status', '=', 'booked')
		.where('approval', '=', 'pending')
		.executeTakeFirst();
	return Number(updated.numUpdatedRows) === 1;
}

/** Sets the visit's status (arrived, completed, no-show …) while it still has `fromStatus`; false when it changed meanwhile. */
export async function setAppointmentStatus(
	db: Db,
	appointmentId: string,
	fromStatus: AppointmentStatus,
	status: AppointmentStatus,
	releasedFrom: string | null
): Promise<boolean> {
	const updated = await db.kysely
		.updateTable('appointment')
		.set({ status, released_from: releasedFrom })
		.where('id', '=', appointmentId)
		.where('status', '=', fromStatus)
		.executeTakeFirst();
	return Number(updated.numUpdatedRows) === 1;
}

/** What a move or resize changes: the times, and maybe the practitioner, the bed and the reminder answer. */
export type AppointmentMove = Pick<
	Updateable<AppointmentTable>,
	'starts_at' | 'ends_at' | 'held_until' | 'practitioner_id' | 'bed_id' | 'confirmed_at' | 'change_requested_at' | 'answered_via'
>;

/**
 * Moves the visit to new times (its grains are released before and claimed after by the caller);
 * with `whileStatus`, only while it still has that status. False when nothing was moved.
 */
export async function moveAppointmentTo(db: Db, appointmentId: string, changes: AppointmentMove, whileStatus?: AppointmentStatus): Promise<boolean> {
	let query = db.kysely.updateTable('appointment').set(changes).where('id', '=', appointmentId);
	if (whileStatus !== undefined) query = query.where('status', '=', whileStatus);
	const updated = await query.executeTakeFirst();
	return Number(updated.numUpdatedRows) === 1;
}

/** The patient's answer to a reminder (issue #17): coming, or asking to change. */
export async function recordReminderAnswer(
	db: Db,
	appointmentId: string,
	answer: { confirmed_at: string | null; change_requested_at: string | null; answered_via: 'mail' | 'line' | 'desk' }
): Promise<void> {
	await db.kysely.updateTable('appointment').set(answer).where('id', '=', appointmentId).execute();
}

/** Raises the visit's red-flag level from an intake; the visit keeps the worst level: an urgent never hides an emergency. */
export async function raiseRedFlagLevel(db: Db, appointmentId: string, level: string): Promise<void> {
	await db.kysely
		.updateTable('appointment')
		.set({ red_flag_level: level })
		.where('id', '=', appointmentId)
		.where((eb) => eb.or([eb('red_flag_level', 'is', null), eb('red_flag_level', '!=', 'emergency')]))
		.execute();
}

/** Turns a waiting-list hold into the patient's booking, while it is still held; false when the desk lifted it meanwhile. */
export async function bookHeldAppointment(
	db: Db,
	appointmentId: string,
	booking: { patient_id: string; manage_token_hash: string; locale: 'ja' | 'en'; created_at: string }
): Promise<boolean> {
	const updated = await db.kysely
		.updateTable('appointment')
		.set({
			status: 'booked',
			source: 'online',
			patient_id: booking.patient_id,
			manage_token_hash: booking.manage_token_hash,
			locale: booking.locale,
			note: '',
			created_at: booking.created_at
		})
		.where('id', '=', appointmentId)
		.where('status', '=', 'blocked')
		.executeTakeFirst();
	return Number(updated.numUpdatedRows) === 1;
}

/** Takes a removed bed off past visits: the visits lose the bed, and the bed's grains go. */
export async function releaseBedFromAppointments(db: Db, bedId: string, appointmentIds: readonly string[]): Promise<void> {
	await db.kysely.updateTable('appointment').set({ bed_id: null }).where('id', 'in', appointmentIds).execute();
	await db.kysely.deleteFrom('occupancy').where('resource', '=', `bed:${bedId}`).where('appointment_id', 'in', appointmentIds).execute();
}

/** The grain held first among `resources` (a practitioner's further places included) in [start, heldUntil), with the visit and patient that hold it. */
export async function firstHeldGrain(db: Db, resources: readonly string[], start: number, heldUntil: number, excludeAppointmentId?: string) {
	const firstGrain = new Date(Math.floor(start / GRAIN_MS) * GRAIN_MS).toISOString();
	let query = db.kysely
		.selectFrom('occupancy')
		.innerJoin('appointment', 'appointment.id', 'occupancy.appointment_id')
		.leftJoin('patient', 'patient.id', 'appointment.patient_id')
		.select(['appointment.id', 'appointment.starts_at', 'appointment.ends_at', 'occupancy.resource', 'patient.family_name', 'patient.given_name'])
		// A practitioner's further places are `practitioner:<id>#<k>` (placeKeys).
		.where((eb) =>
			eb.or([
				eb('occupancy.resource', 'in', [...resources]),
				...resources.filter((r) => r.startsWith('practitioner:')).map((r) => eb('occupancy.resource', 'like', `${r}#%`))
			])
		)
		.where('occupancy.grain_start', '>=', firstGrain)
		.where('occupancy.grain_start', '<', new Date(heldUntil).toISOString());
	if (excludeAppointmentId) query = query.where('occupancy.appointment_id', '!=', excludeAppointmentId);
	return query.orderBy('occupancy.grain_start').orderBy('occupancy.resource', 'desc').limit(1).executeTakeFirst();
}

/** The ids of the beds holding any grain of [start, heldUntil), leaving out one appointment's. */
export async function bedsHeldBetween(db: Db, start: number, heldUntil: number, excludeAppointmentId?: string): Promise<Set<string>> {
	let busy = db.kysely
		.selectFrom('occupancy')
		.select('resource')
		.distinct()
		.where('resource', 'like', 'bed:%')
		.where('grain_start', '>=', new Date(Math.floor(start / GRAIN_MS) * GRAIN_MS).toISOString())
		.where('grain_start', '<', new Date(heldUntil).toISOString());
	if (excludeAppointmentId) busy = busy.where('appointment_id', '!=', excludeAppointmentId);
	const taken = await busy.execute();
	return new Set(taken.map((t) => t.resource.slice('bed:'.length)));
}

/** How many of the practitioner's places grains from `fromIso` on still hold (at least 1). */
export async function placesHeldFrom(db: Db, practitionerId: string, fromIso: string): Promise<number> {
	const held = await db.kysely
		.selectFrom('occupancy')
		.select('resource')
		.distinct()
		.where('resource', 'like', `practitioner:${practitionerId}#%`)
		.where('grain_start', '>=', fromIso)
		.execute();
	return Math.max(1, ...held.map((h) => Number(h.resource.slice(h.resource.lastIndexOf('#') + 1)) + 1));
}

/* The reads other capabilities make of the visits: they ask here rather than query the table. */

/**
 * The named columns of one visit (or blocked time, or hold), or undefined. With `forUpdate` the row
 * is locked on PostgreSQL until the caller's transaction ends (two desks acting on one visit queue).
 */
export async function findAppointment<C extends keyof AppointmentTable & string>(
	db: Db,
	appointmentId: string,
	columns: readonly C[],
	options: { forUpdate?: boolean } = {}
) {
	let query = db.kysely.selectFrom('appointment').select(columns).where('id', '=', appointmentId);
	if (options.forUpdate && db.dialect === 'postgres') query = query.forUpdate();
	return query.executeTakeFirst();
}

/**
 * A visit as a course, a plan or a charge weighs it: whose it is, the service booked, when, and its
 * status; undefined for an unknown id (an empty or overlong one, as from a form, without a query).
 */
export async function findVisitFacts(db: Db, appointmentId: string) {
	if (!appointmentId || appointmentId.length > 64) return undefined;
	return findAppointment(db, appointmentId, ['id', 'patient_id', 'service_id', 'starts_at', 'status']);
}

/** One visit with every column, or undefined. */
export async function findWholeAppointment(db: Db, appointmentId: string): Promise<Appointment | undefined> {
	return db.kysely.selectFrom('appointment').selectAll().where('id', '=', appointmentId).executeTakeFirst();
}

/** Whether the visit is the patient's. */
export async function appointmentBelongsTo(db: Db, appointmentId: string, patientId: string): Promise<boolean> {
	const row = await db.kysely.selectFrom('appointment').select('id').where('id', '=', appointmentId).where('patient_id', '=', patientId).executeTakeFirst();
	return row !== undefined;
}

/** The patient's visit in one of `statuses`, with its bed, or undefined. */
export async function findPatientVisitBed(db: Db, appointmentId: string, patientId: string, statuses: readonly AppointmentStatus[]) {
	return db.kysely
		.selectFrom('appointment')
		.select(['id', 'bed_id'])
		.where('id', '=', appointmentId)
		.where('patient_id', '=', patientId)
		.where('status', 'in', statuses)
		.executeTakeFirst();
}

/** The patient's next visit that is still to come and not cancelled. */
export async function nextAppointmentId(db: Db, patientId: string, now: Date): Promise<string | null> {
	const row = await db.kysely
		.selectFrom('appointment')
		.select('id')
		.where('patient_id', '=', patientId)
		.where('status', 'in', ['booked', 'arrived'])
		.where('starts_at', '>=', now.toISOString())
		.orderBy('starts_at', 'asc')
		.limit(1)
		.executeTakeFirst();
	return row?.id ?? null;
}

/** How many visits the patient has booked after `afterIso`, and whether they ever came (arrived or completed). */
export async function patientVisitStanding(db: Db, patientId: string, afterIso: string): Promise<{ upcoming: number; seenBefore: boolean }> {
	const [upcoming, seen] = await Promise.all([
		db.kysely
			.selectFrom('appointment')
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.where('patient_id', '=', patientId)
			.where('status', '=', 'booked')
			.where('starts_at', '>', afterIso)
			.executeTakeFirstOrThrow(),
		db.kysely
			.selectFrom('appointment')
			.select('id')
			.where('patient_id', '=', patientId)
			.where('status', 'in', ['arrived', 'completed'])
			.limit(1)
			.executeTakeFirst()
	]);
	return { upcoming: Number(upcoming.n), seenBefore: seen !== undefined };
}

/** The series' visits still booked from `fromIso` on, in time order. */
export async function bookedSeriesVisitsFrom(db: Db, seriesId: string, fromIso: string): Promise<Appointment[]> {
	return db.kysely
		.selectFrom('appointment')
		.selectAll()
		.where('series_id', '=', seriesId)
		.where('status', '=', 'booked')
		.where('starts_at', '>=', fromIso)
		.orderBy('starts_at')
		.execute();
}

/** Whether the visit belongs to the series. */
export async function appointmentInSeries(db: Db, appointmentId: string, seriesId: string): Promise<boolean> {
	const row = await db.kysely.selectFrom('appointment').select('id').where('id', '=', appointmentId).where('series_id', '=', seriesId).executeTakeFirst();
	return row !== undefined;
}

/** Booked visits inside [from, to) (ISO instants), for one practitioner or the whole clinic. */
export async function countBookedBetween(db: Db, range: { from: string; to: string; practitionerId?: string }): Promise<number> {
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

/** How many visits not cancelled still hold the bed after `nowIso`. */
export async function countVisitsHoldingBed(db: Db, bedId: string, nowIso: string): Promise<number> {
	const future = await db.kysely
		.selectFrom('appointment')
		.select((eb) => eb.fn.countAll<number | string>().as('count'))
		.where('bed_id', '=', bedId)
		.where('status', '!=', 'cancelled')
		.where('held_until', '>', nowIso)
		.executeTakeFirstOrThrow();
	return Number(future.count);
}

/** The visits on the bed that are cancelled or over by `nowIso`. */
export async function visitIdsDoneWithBed(db: Db, bedId: string, nowIso: string): Promise<string[]> {
	const past = await db.kysely
		.selectFrom('appointment')
		.select('id')
		.where('bed_id', '=', bedId)
		.where((eb) => eb.or([eb('status', '=', 'cancelled'), eb('held_until', '<=', nowIso)]))
		.execute();
	return past.map((a) => a.id);
}

/** The visits' answers to their reminders. */
export async function reminderAnswersOf(db: Db, appointmentIds: readonly string[]) {
	return db.kysely.selectFrom('appointment').select(['id', 'confirmed_at', 'change_requested_at']).where('id', 'in', appointmentIds).execute();
}

/** The start of each visit the patient has booked after `afterIso`, in time order. */
export async function bookedVisitStartsAfter(db: Db, patientId: string, afterIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.select(['starts_at'])
		.where('patient_id', '=', patientId)
		.where('status', '=', 'booked')
		.where('starts_at', '>', afterIso)
		.orderBy('starts_at')
		.execute();
}

/** The start of each visit the patient came to (arrived or completed), oldest first. */
export async function attendedVisitStarts(db: Db, patientId: string) {
	return db.kysely
		.selectFrom('appointment')
		.select('starts_at')
		.where('patient_id', '=', patientId)
		.where('status', 'in', ['arrived', 'completed'])
		.orderBy('starts_at')
		.execute();
}

/** The patient's visits in one of `statuses` that started by `untilIso`, oldest first. */
export async function patientVisitsUntil(db: Db, patientId: string, statuses: readonly AppointmentStatus[], untilIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.select(['id', 'starts_at'])
		.where('patient_id', '=', patientId)
		.where('status', 'in', statuses)
		.where('starts_at', '<=', untilIso)
		.orderBy('starts_at')
		.execute();
}

/** How many visits the patient came to (arrived or completed) from `sinceIso` on. */
export async function countAttendedSince(db: Db, patientId: string, sinceIso: string): Promise<number> {
	const given = await db.kysely
		.selectFrom('appointment')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('patient_id', '=', patientId)
		.where('status', 'in', ['arrived', 'completed'])
		.where('starts_at', '>=', sinceIso)
		.executeTakeFirstOrThrow();
	return Number(given.n);
}

/** The visits of the series that are not cancelled, in time order. */
export async function seriesVisitsNotCancelled(db: Db, seriesIds: readonly string[]) {
	return db.kysely
		.selectFrom('appointment')
		.select(['id', 'series_id', 'starts_at', 'status'])
		.where('series_id', 'in', seriesIds)
		.where('status', '!=', 'cancelled')
		.orderBy('starts_at')
		.execute();
}

/** A visit as the desk changes its status, with the patient's name (null for blocked time). */
export async function findVisitWithPatientName(db: Db, appointmentId: string) {
	return db.kysely
		.selectFrom('appointment')
		.leftJoin('patient', 'patient.id', 'appointment.patient_id')
		.select([
			'appointment.id',
			'appointment.status',
			'appointment.patient_id',
			'appointment.practitioner_id',
			'appointment.bed_id',
			'appointment.starts_at',
			'appointment.held_until',
			'appointment.released_from',
			'appointment.policy_version',
			'patient.family_name',
			'patient.given_name'
		])
		.where('appointment.id', '=', appointmentId)
		.executeTakeFirst();
}
