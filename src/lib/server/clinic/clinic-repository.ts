import type { Db } from '../db/database';
import type { Updateable } from 'kysely';
import type { Clinic, ClinicTable } from '../db/schema';

export async function findClinic(db: Db): Promise<Clinic | undefined> {
	return db.kysely.selectFrom('clinic').selectAll().executeTakeFirst();
}

/* The schedule's settings are read from their owner; the clinic's pages find them here too. */
export { listBeds, listOpeningHours, listPractitioners, listServices } from '../scheduling-settings/settings-repository';

/*
 * The clinic table's writes (docs/architecture.md, "One owner per table"). A database holds one
 * clinic row; each settings page changes its own columns through this function.
 */
export async function updateClinic(db: Db, changes: Updateable<ClinicTable>, clinicId?: string): Promise<void> {
	let query = db.kysely.updateTable('clinic').set(changes);
	if (clinicId !== undefined) query = query.where('id', '=', clinicId);
	await query.execute();
}
