import type { Db } from '../db/database';
import type { Updateable } from 'kysely';
import type { Clinic, ClinicTable } from '../db/schema';

export async function findClinic(db: Db): Promise<Clinic | undefined> {
	return db.kysely.selectFrom('clinic').selectAll().executeTakeFirst();
}

export async function listOpeningHours(db: Db) {
	return db.kysely.selectFrom('opening_hours').selectAll().orderBy('weekday').orderBy('opens').execute();
}

export async function listServices(db: Db, options: { onlineOnly?: boolean } = {}) {
	let query = db.kysely.selectFrom('service').selectAll();
	if (options.onlineOnly) query = query.where('bookable_online', '=', 1);
	return query.orderBy('sort_order').execute();
}

export async function listPractitioners(db: Db) {
	return db.kysely.selectFrom('practitioner').selectAll().where('active', '=', 1).orderBy('family_name_en').execute();
}

export async function listBeds(db: Db) {
	return db.kysely.selectFrom('bed').selectAll().orderBy('sort_order').execute();
}

/*
 * The clinic table's writes (docs/architecture.md, "One owner per table"). A database holds one
 * clinic row; each settings page changes its own columns through this function.
 */
export async function updateClinic(db: Db, changes: Updateable<ClinicTable>, clinicId?: string): Promise<void> {
	let query = db.kysely.updateTable('clinic').set(changes);
	if (clinicId !== undefined) query = query.where('id', '=', clinicId);
	await query.execute();
}
