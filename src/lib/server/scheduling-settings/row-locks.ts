import type { Db } from '../db/database';

/*
 * Settings that replace a set of rows (a week of hours, a practitioner's services) must not
 * interleave: two saves at once would leave both sets. Writers take the owning row first. On
 * PostgreSQL that is a row lock; SQLite runs one write transaction at a time anyway.
 */

/** The clinic row, locked through its owner (clinic/clinic-repository.ts). */
export { lockClinic } from '../clinic/clinic-repository';

export async function lockPractitioner(tx: Db, practitionerId: string): Promise<{ id: string; kyu_licence: string | null } | undefined> {
	const query = tx.kysely.selectFrom('practitioner').select(['id', 'kyu_licence']).where('id', '=', practitionerId);
	return (tx.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}
