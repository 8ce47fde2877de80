/* The clinic's standing schedule: hours, closures, practitioners, beds and services, read and written here (docs/architecture.md, "One owner per table"). */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/database';
import type {
	BedTable,
	ClinicClosureTable,
	OpeningHoursTable,
	PractitionerHoursTable,
	PractitionerTable,
	PractitionerTimeOffTable,
	Service,
	ServiceTable
} from '../db/schema';

/* What other capabilities read of the standing schedule. */

/** The clinic's weekly opening periods, by weekday and time. */
export async function listOpeningHours(db: Db) {
	return db.kysely.selectFrom('opening_hours').selectAll().orderBy('weekday').orderBy('opens').execute();
}

/** The weekly opening periods as the schedule reads them: weekday, opening and closing time. */
export async function listWeeklyOpeningHours(db: Db): Promise<Array<{ weekday: number; opens: string; closes: string }>> {
	return db.kysely.selectFrom('opening_hours').select(['weekday', 'opens', 'closes']).orderBy('weekday').orderBy('opens').execute();
}

/** Closures and opened holidays from `from` to `to` (clinic-local dates, both included; no end when null), in one read. */
export async function specialDaysBetween(db: Db, from: string, to: string | null): Promise<Array<{ date: string; kind: string }>> {
	const closed = db.kysely
		.selectFrom('clinic_closure')
		.select(['date', sql<string>`'closed'`.as('kind')])
		.where('date', '>=', from);
	const opened = db.kysely
		.selectFrom('holiday_opening')
		.select(['date', sql<string>`'opened'`.as('kind')])
		.where('date', '>=', from);
	if (to === null) return closed.unionAll(opened).execute();
	return closed
		.where('date', '<=', to)
		.unionAll(opened.where('date', '<=', to))
		.execute();
}

/** Active practitioners, by family name. */
export async function listPractitioners(db: Db) {
	return db.kysely.selectFrom('practitioner').selectAll().where('active', '=', 1).orderBy('family_name_en').orderBy('id').execute();
}

/** Every practitioner's weekly hours. */
export async function listPractitionerHours(db: Db) {
	return db.kysely.selectFrom('practitioner_hours').select(['practitioner_id', 'weekday', 'starts', 'ends']).execute();
}

/** The weekly hours of the active practitioners, with how many patients each treats at once: only they can have a slot. */
export async function listActiveWorkingHours(db: Db) {
	return db.kysely
		.selectFrom('practitioner_hours')
		.innerJoin('practitioner', 'practitioner.id', 'practitioner_hours.practitioner_id')
		.select([
			'practitioner_hours.practitioner_id',
			'practitioner_hours.weekday',
			'practitioner_hours.starts',
			'practitioner_hours.ends',
			'practitioner.concurrent_patients'
		])
		.where('practitioner.active', '=', 1)
		.execute();
}

/** Time off overlapping the instants [start, end). */
export async function listTimeOffOverlapping(db: Db, start: string, end: string) {
	return db.kysely.selectFrom('practitioner_time_off').selectAll().where('starts_at', '<', end).where('ends_at', '>', start).execute();
}

/** Time off that ends after the instant `after`. */
export async function listTimeOffEndingAfter(db: Db, after: string) {
	return db.kysely.selectFrom('practitioner_time_off').selectAll().where('ends_at', '>', after).execute();
}

/** Which practitioner gives which service. */
export async function listPractitionerServices(db: Db) {
	return db.kysely.selectFrom('practitioner_service').selectAll().execute();
}

/** Whether the practitioner gives the service (a licence question, docs/clinical-rules.md §6). */
export async function offersService(db: Db, practitionerId: string, serviceId: string): Promise<boolean> {
	const row = await db.kysely
		.selectFrom('practitioner_service')
		.select('service_id')
		.where('practitioner_id', '=', practitionerId)
		.where('service_id', '=', serviceId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Whether the practitioner is active and gives the service. */
export async function activePractitionerOffers(db: Db, practitionerId: string, serviceId: string): Promise<boolean> {
	const row = await db.kysely
		.selectFrom('practitioner_service')
		.innerJoin('practitioner', 'practitioner.id', 'practitioner_service.practitioner_id')
		.select('practitioner_service.service_id')
		.where('practitioner_service.practitioner_id', '=', practitionerId)
		.where('practitioner_service.service_id', '=', serviceId)
		.where('practitioner.active', '=', 1)
		.executeTakeFirst();
	return row !== undefined;
}

/** The beds in the clinic's order. */
export async function listBeds(db: Db) {
	return db.kysely.selectFrom('bed').selectAll().orderBy('sort_order').orderBy('id').execute();
}

/** The beds' ids in the clinic's order. */
export async function listBedIds(db: Db): Promise<Array<{ id: string }>> {
	return db.kysely.selectFrom('bed').select('id').orderBy('sort_order').orderBy('id').execute();
}

export async function bedExists(db: Db, bedId: string): Promise<boolean> {
	return (await db.kysely.selectFrom('bed').select('id').where('id', '=', bedId).executeTakeFirst()) !== undefined;
}

/** Services in the clinic's order; only those bookable online when asked. */
export async function listServices(db: Db, options: { onlineOnly?: boolean } = {}) {
	let query = db.kysely.selectFrom('service').selectAll();
	if (options.onlineOnly) query = query.where('bookable_online', '=', 1);
	return query.orderBy('sort_order').orderBy('id').execute();
}

/** The main services (treatments, not add-ons) in the clinic's order, equal places by `tieBreak`; only those bookable online when asked. */
export async function listMainServices(db: Db, options: { onlineOnly?: boolean; tieBreak?: 'id' | 'code' } = {}): Promise<Service[]> {
	let query = db.kysely.selectFrom('service').selectAll().where('is_add_on', '=', 0);
	if (options.onlineOnly) query = query.where('bookable_online', '=', 1);
	return query
		.orderBy('sort_order')
		.orderBy(options.tieBreak ?? 'id')
		.execute();
}

/** The add-ons in the clinic's order. */
export async function listAddOnServices(db: Db): Promise<Service[]> {
	return db.kysely.selectFrom('service').selectAll().where('is_add_on', '=', 1).orderBy('sort_order').orderBy('code').execute();
}

/** Those of the services that are add-ons. */
export async function findAddOnServices(db: Db, serviceIds: readonly string[]): Promise<Service[]> {
	if (serviceIds.length === 0) return [];
	return db.kysely.selectFrom('service').selectAll().where('id', 'in', serviceIds).where('is_add_on', '=', 1).execute();
}

/** Those of the services that are main services (not add-ons), as ids. */
export async function findMainServiceIds(db: Db, serviceIds: readonly string[]): Promise<string[]> {
	const rows = await db.kysely.selectFrom('service').select('id').where('id', 'in', serviceIds).where('is_add_on', '=', 0).execute();
	return rows.map((r) => r.id);
}

/** The services' names. */
export async function listServiceNames(db: Db, serviceIds: readonly string[]) {
	return db.kysely.selectFrom('service').select(['id', 'name_ja', 'name_en']).where('id', 'in', serviceIds).execute();
}

export async function findService(db: Db, serviceId: string): Promise<Service | undefined> {
	return db.kysely.selectFrom('service').selectAll().where('id', '=', serviceId).executeTakeFirst();
}

/** The service, which must exist (a visit's own service). */
export async function getService(db: Db, serviceId: string): Promise<Service> {
	return db.kysely.selectFrom('service').selectAll().where('id', '=', serviceId).executeTakeFirstOrThrow();
}

/** The service when it is a main service (a treatment, not an add-on). */
export async function findMainService(db: Db, serviceId: string): Promise<Service | undefined> {
	return db.kysely.selectFrom('service').selectAll().where('id', '=', serviceId).where('is_add_on', '=', 0).executeTakeFirst();
}

/* The standing schedule's writes. */

/** The clinic's weekly opening hours, replaced as a whole. */
export async function replaceOpeningHours(db: Db, clinicId: string, periods: Insertable<OpeningHoursTable>[]): Promise<void> {
	await db.kysely.deleteFrom('opening_hours').where('clinic_id', '=', clinicId).execute();
	if (periods.length > 0) await db.kysely.insertInto('opening_hours').values(periods).execute();
}

export async function insertClosure(db: Db, closure: Insertable<ClinicClosureTable>): Promise<void> {
	await db.kysely.insertInto('clinic_closure').values(closure).execute();
}

/** False when the day was not closed. */
export async function deleteClosure(db: Db, date: string): Promise<boolean> {
	const removed = await db.kysely.deleteFrom('clinic_closure').where('date', '=', date).executeTakeFirst();
	return Number(removed.numDeletedRows) !== 0;
}

/** Opens a public holiday (idempotent) or closes it again. */
export async function setHolidayOpen(db: Db, date: string, open: boolean): Promise<void> {
	if (open)
		await db.kysely
			.insertInto('holiday_opening')
			.values({ date })
			.onConflict((oc) => oc.column('date').doNothing())
			.execute();
	else await db.kysely.deleteFrom('holiday_opening').where('date', '=', date).execute();
}

/** False when there is no such practitioner. */
export async function updatePractitioner(db: Db, practitionerId: string, changes: Updateable<PractitionerTable>): Promise<boolean> {
	const updated = await db.kysely.updateTable('practitioner').set(changes).where('id', '=', practitionerId).executeTakeFirst();
	return Number(updated.numUpdatedRows) !== 0;
}

/** A practitioner's weekly hours, replaced as a whole. */
export async function replacePractitionerHours(db: Db, practitionerId: string, periods: Insertable<PractitionerHoursTable>[]): Promise<void> {
	await db.kysely.deleteFrom('practitioner_hours').where('practitioner_id', '=', practitionerId).execute();
	if (periods.length > 0) await db.kysely.insertInto('practitioner_hours').values(periods).execute();
}

export async function insertTimeOff(db: Db, timeOff: Insertable<PractitionerTimeOffTable>): Promise<void> {
	await db.kysely.insertInto('practitioner_time_off').values(timeOff).execute();
}

/** False when the practitioner has no such time off. */
export async function deleteTimeOff(db: Db, practitionerId: string, timeOffId: string): Promise<boolean> {
	const removed = await db.kysely
		.deleteFrom('practitioner_time_off')
		.where('id', '=', timeOffId)
		.where('practitioner_id', '=', practitionerId)
		.executeTakeFirst();
	return Number(removed.numDeletedRows) !== 0;
}

/** The services a practitioner offers, replaced as a whole. */
export async function replacePractitionerServices(db: Db, practitionerId: string, serviceIds: string[]): Promise<void> {
	await db.kysely.deleteFrom('practitioner_service').where('practitioner_id', '=', practitionerId).execute();
	if (serviceIds.length > 0)
		await db.kysely
			.insertInto('practitioner_service')
			.values(serviceIds.map((id) => ({ practitioner_id: practitionerId, service_id: id })))
			.execute();
}

export async function insertBed(db: Db, bed: Insertable<BedTable>): Promise<void> {
	await db.kysely.insertInto('bed').values(bed).execute();
}

/** False when there is no such bed. */
export async function updateBed(db: Db, bedId: string, changes: Updateable<BedTable>): Promise<boolean> {
	const updated = await db.kysely.updateTable('bed').set(changes).where('id', '=', bedId).executeTakeFirst();
	return Number(updated.numUpdatedRows) !== 0;
}

export async function deleteBed(db: Db, bedId: string): Promise<void> {
	await db.kysely.deleteFrom('bed').where('id', '=', bedId).execute();
}

export async function insertService(db: Db, service: Insertable<ServiceTable>): Promise<void> {
	await db.kysely.insertInto('service').values(service).execute();
}

/** False when there is no such service. */
export async function updateServiceRow(db: Db, serviceId: string, changes: Updateable<ServiceTable>): Promise<boolean> {
	const updated = await db.kysely.updateTable('service').set(changes).where('id', '=', serviceId).executeTakeFirst();
	return Number(updated.numUpdatedRows) !== 0;
}

/* Reads of the practitioner table for other capabilities (docs/architecture.md, "One owner per table"). */

/** The practitioner's id if they exist and are active. */
export async function findActivePractitionerId(db: Db, practitionerId: string): Promise<{ id: string } | undefined> {
	return db.kysely.selectFrom('practitioner').select('id').where('id', '=', practitionerId).where('active', '=', 1).executeTakeFirst();
}

/** How many patients the practitioner sees at once (booking/occupancy.ts). */
export async function findPractitionerCapacity(db: Db, practitionerId: string): Promise<{ concurrent_patients: number } | undefined> {
	return db.kysely.selectFrom('practitioner').select('concurrent_patients').where('id', '=', practitionerId).executeTakeFirst();
}

export async function findPractitionerLicences(db: Db, practitionerId: string) {
	return db.kysely.selectFrom('practitioner').select(['hari_licence', 'kyu_licence']).where('id', '=', practitionerId).executeTakeFirst();
}

/** The licences of the staff member's active practitioner row, if any. */
export async function findActiveStaffPractitionerLicences(db: Db, staffId: string) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['hari_licence', 'kyu_licence'])
		.where('staff_id', '=', staffId)
		.where('active', '=', 1)
		.executeTakeFirst();
}

/** The staff member's practitioner id, active or not. */
export async function findPractitionerIdOfStaff(db: Db, staffId: string): Promise<{ id: string } | undefined> {
	return db.kysely.selectFrom('practitioner').select('id').where('staff_id', '=', staffId).executeTakeFirst();
}

/** The ids of the staff member's practitioner rows, as a subquery for a statement of the caller's. */
export function practitionerIdsOfStaffQuery(db: Db, staffId: string) {
	return db.kysely.selectFrom('practitioner').select('id').where('staff_id', '=', staffId);
}

export async function findPractitionerNames(db: Db, practitionerId: string) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en'])
		.where('id', '=', practitionerId)
		.executeTakeFirst();
}

export async function getPractitionerNames(db: Db, practitionerId: string) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en'])
		.where('id', '=', practitionerId)
		.executeTakeFirstOrThrow();
}

export async function getPractitioner(db: Db, practitionerId: string) {
	return db.kysely.selectFrom('practitioner').selectAll().where('id', '=', practitionerId).executeTakeFirstOrThrow();
}

/** Every practitioner's id, active or not. */
export async function listPractitionerIds(db: Db): Promise<Array<{ id: string }>> {
	return db.kysely.selectFrom('practitioner').select('id').execute();
}

/** Names of the given practitioners, in no set order. */
export async function findPractitionerNamesByIds(db: Db, ids: readonly string[]) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['id', 'family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en'])
		.where('id', 'in', ids)
		.execute();
}

/** Names and licences of the given practitioners, by Japanese family name. */
export async function findPractitionerLicencesByIds(db: Db, ids: readonly string[]) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['id', 'family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en', 'hari_licence', 'kyu_licence'])
		.where('id', 'in', ids)
		.orderBy('family_name_ja')
		.execute();
}

/** Every practitioner's names, active or not, in no set order. */
export async function listAllPractitionerNames(db: Db) {
	return db.kysely.selectFrom('practitioner').select(['id', 'family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en']).execute();
}

/** Every practitioner's names, active or not, by English family name. */
export async function listAllPractitionerNamesByName(db: Db) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['id', 'family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en'])
		.orderBy('family_name_en')
		.orderBy('id')
		.execute();
}

/** One practitioner's names (`only`), or every active one's, by English family name. */
export async function listReportPractitionerNames(db: Db, only: string | null) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['id', 'family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en'])
		.$if(only !== null, (q) => q.where('id', '=', only!))
		.$if(only === null, (q) => q.where('active', '=', 1))
		.orderBy('family_name_en')
		.orderBy('id')
		.execute();
}

/** Active practitioners' names, by id. */
export async function listActivePractitionerNames(db: Db) {
	return db.kysely
		.selectFrom('practitioner')
		.select(['id', 'family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en'])
		.where('active', '=', 1)
		.orderBy('id')
		.execute();
}

/** Active practitioners who offer the service, with their profile and photo version, by English family name. */
export async function listPractitionerProfilesFor(db: Db, serviceId: string) {
	return db.kysely
		.selectFrom('practitioner')
		.innerJoin('practitioner_service', 'practitioner_service.practitioner_id', 'practitioner.id')
		.leftJoin('practitioner_photo', 'practitioner_photo.practitioner_id', 'practitioner.id')
		.select([
			'practitioner.id',
			'family_name_ja',
			'given_name_ja',
			'family_name_en',
			'given_name_en',
			'bio_ja',
			'bio_en',
			'languages',
			'practitioner_photo.version as photo_version'
		])
		.where('practitioner_service.service_id', '=', serviceId)
		.where('practitioner.active', '=', 1)
		.orderBy('family_name_en')
		.execute();
}
