import type { Db } from '../db/database';
import type { Insertable } from 'kysely';
import type { NewStaff, Staff, StaffInvitationTable, StaffRole } from '../db/schema';
import { findClinic } from '../clinic/clinic-repository';

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
	const clinic = await findClinic(db);
	return clinic?.reception_totp_optional !== 1;
}

export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'practitioner', 'reception'];

/* The staff and staff_invitation tables' writes (docs/architecture.md, "One owner per table"). */

export async function insertStaffRow(db: Db, staff: NewStaff): Promise<void> {
	await db.kysely.insertInto('staff').values(staff).execute();
}

export async function setStaffPassword(db: Db, staffId: string, passwordHash: string, changedAt: string): Promise<void> {
	await db.kysely.updateTable('staff').set({ password_hash: passwordHash, password_changed_at: changedAt }).where('id', '=', staffId).execute();
}

/** The last TOTP step used, so a code is never accepted twice. */
export async function setStaffTotpCounter(db: Db, staffId: string, counter: number): Promise<void> {
	await db.kysely.updateTable('staff').set({ totp_last_counter: counter }).where('id', '=', staffId).execute();
}

/** Replaces a plain TOTP secret by its sealed form, only if it is still unchanged. */
export async function sealStaffTotpSecret(db: Db, staffId: string, plain: string, sealed: string): Promise<void> {
	await db.kysely.updateTable('staff').set({ totp_secret: sealed }).where('id', '=', staffId).where('totp_secret', '=', plain).execute();
}

/** A new secret shown during enrolment; TOTP stays off until a code from it is confirmed. */
export async function setPendingTotpSecret(db: Db, staffId: string, sealed: string): Promise<void> {
	await db.kysely.updateTable('staff').set({ totp_secret: sealed }).where('id', '=', staffId).where('totp_enabled', '=', 0).execute();
}

export async function enableStaffTotp(db: Db, staffId: string, counter: number): Promise<void> {
	await db.kysely.updateTable('staff').set({ totp_enabled: 1, totp_last_counter: counter }).where('id', '=', staffId).execute();
}

export async function updateStaffAccess(db: Db, staffId: string, change: { role?: StaffRole; disabled?: number }): Promise<void> {
	await db.kysely.updateTable('staff').set(change).where('id', '=', staffId).execute();
}

export async function insertStaffInvitation(db: Db, invitation: Insertable<StaffInvitationTable>): Promise<void> {
	await db.kysely.insertInto('staff_invitation').values(invitation).execute();
}

/** Marks an open invitation revoked or accepted; false when it was no longer open. */
export async function closeStaffInvitation(db: Db, invitationId: string, change: { revoked_at: string } | { accepted_at: string }): Promise<boolean> {
	const result = await db.kysely
		.updateTable('staff_invitation')
		.set(change)
		.where('id', '=', invitationId)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/* Reads for other capabilities (docs/architecture.md, "One owner per table"). */

export async function findStaffRole(db: Db, staffId: string): Promise<{ role: StaffRole } | undefined> {
	return db.kysely.selectFrom('staff').select('role').where('id', '=', staffId).executeTakeFirst();
}

export async function findStaffDisplayName(db: Db, staffId: string): Promise<{ display_name: string } | undefined> {
	return db.kysely.selectFrom('staff').select('display_name').where('id', '=', staffId).executeTakeFirst();
}

/** Every staff member's name by id, disabled ones too (old records name them). */
export async function listStaffNames(db: Db): Promise<Array<{ id: string; display_name: string }>> {
	return db.kysely.selectFrom('staff').select(['id', 'display_name']).execute();
}

/** The e-mail of an enabled staff member. */
export async function findActiveStaffEmail(db: Db, staffId: string) {
	return db.kysely.selectFrom('staff').select('email').where('id', '=', staffId).where('disabled', '=', 0).executeTakeFirst();
}

/** Every enabled owner's e-mail, by address. */
export async function listActiveOwnerEmails(db: Db) {
	return db.kysely.selectFrom('staff').select('email').where('role', '=', 'owner').where('disabled', '=', 0).orderBy('email').execute();
}

/** The staff row, locked on PostgreSQL until the transaction ends. */
export async function findStaffForUpdate(tx: Db, staffId: string): Promise<Staff | undefined> {
	const query = tx.kysely.selectFrom('staff').selectAll().where('id', '=', staffId);
	return (tx.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/** Accounts with a TOTP secret, sealed or (from old versions) plain. */
export async function listStaffTotpSecrets(db: Db) {
	return db.kysely.selectFrom('staff').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute();
}

/** The columns that name a signer and their licences (documents/practitioner-credentials.ts). */
export const CREDENTIAL_SELECTION = [
	'staff.display_name',
	'practitioner.family_name_ja',
	'practitioner.given_name_ja',
	'practitioner.family_name_en',
	'practitioner.given_name_en',
	'practitioner.hari_licence',
	'practitioner.kyu_licence'
] as const;

/** A signer's name with their active practitioner's names and licences, if any (documents/practitioner-credentials.ts). */
export async function findStaffCredentials(db: Db, staffId: string) {
	return db.kysely
		.selectFrom('staff')
		.leftJoin('practitioner', (join) => join.onRef('practitioner.staff_id', '=', 'staff.id').on('practitioner.active', '=', 1))
		.select(CREDENTIAL_SELECTION)
		.where('staff.id', '=', staffId)
		.executeTakeFirst();
}
