/* The writes of the clinic's standing schedule: hours, closures, practitioners, beds and services (docs/architecture.md, "One owner per table"). */
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database';
import type {
	BedTable,
	ClinicClosureTable,
	OpeningHoursTable,
	PractitionerHoursTable,
	PractitionerTable,
	PractitionerTimeOffTable,
	ServiceTable
} from '../db/schema';

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
