import type { Db } from '../db/database';
import type { Staff, StaffRole } from '../db/schema';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findStaffByEmail(db: Db, email: string): Promise<Staff | undefined> {
	return db.kysely.selectFrom('staff').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findStaffById(db: Db, id: string): Promise<Staff | undefined> {
	return db.kysely.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStaff(db: Db): Promise<Staff[]> {
	return db.kysely.selectFrom('staff').selectAll().orderBy('role').orderBy('display_name').execute();
}

export async function countActiveOwners(db: Db): Promise<number> {
	const row = await db.kysely
		.selectFrom('staff')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('role', '=', 'owner')
		.where('disabled', '=', 0)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * A second factor is required of every staff role (issue #16): a stolen password alone opens
 * nothing. The owner may relax it for reception only, whose pages hold no clinical notes unless the
 * owner allows them; the owner and practitioners always need one (MHLW guideline).
 */
export async function isTotpRequired(db: Db, staff: Pick<Staff, 'role'>): Promise<boolean> {
	if (staff.role !== 'reception') return true;
	const clinic = await db.kysely.selectFrom('clinic').select('reception_totp_optional').executeTakeFirst();
	return clinic?.reception_totp_optional !== 1;
}

export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'practitioner', 'reception'];
