import type { Db } from '../db/database';
import type { Updateable } from 'kysely';
import type { Clinic, ClinicTable } from '../db/schema';

/*
 * The clinic table's reads (docs/architecture.md, "One owner per table"). A database holds one
 * clinic row. Every read here is fresh and runs on the `db` given, so a use case passes its
 * transaction and sees its own change; pages that only show the row use `recentClinic`
 * (clinic-settings.ts), which caches it.
 */

/** The clinic row, or undefined before the install's setup has written one. */
export async function findClinic(db: Db): Promise<Clinic | undefined> {
	return db.kysely.selectFrom('clinic').selectAll().orderBy('id').executeTakeFirst();
}

/** The clinic row, for callers that cannot go on without it: throws Kysely's NoResultError when there is none. */
export async function getClinic(db: Db): Promise<Clinic> {
	return db.kysely.selectFrom('clinic').selectAll().orderBy('id').executeTakeFirstOrThrow();
}

/**
 * The clinic row, locked for the rest of the transaction: settings that replace a set of rows
 * (scheduling-settings/row-locks.ts) take it first so two saves cannot interleave. On PostgreSQL
 * that is a row lock (`for update`); SQLite runs one write transaction at a time anyway. Throws
 * like `getClinic` when there is no clinic.
 */
export async function lockClinic(tx: Db): Promise<Clinic> {
	const query = tx.kysely.selectFrom('clinic').selectAll();
	return (tx.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

/**
 * The clinic's waitlist hold (minutes) as a sub-query, for a query that reads it per row in the
 * same statement (waitlist/offer-freed-slot.ts); null when there is no clinic.
 */
export function waitlistHoldMinutesQuery(db: Db) {
	return db.kysely.selectFrom('clinic').select('waitlist_hold_minutes').limit(1);
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
