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

export async function isTotpRequired(db: Db, staff: Pick<Staff, 'role'>): Promise<boolean> {
	// The owner holds every key, so the owner always uses a second factor (MHLW guideline).
	if (staff.role === 'owner') return true;
	const clinic = await db.kysely.selectFrom('clinic').select('require_totp_for_all').executeTakeFirst();
	return clinic?.require_totp_for_all === 1;
}

export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'practitioner', 'reception'];
