import { randomUUID } from 'node:crypto';
import type { PasswordProblem } from '../../domain/auth/password-policy';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { checkPassword, hashPassword } from '../auth/password';
import type { Db } from '../db/database';
import type { Staff, StaffRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { findStaffByEmail, insertStaffRow, normaliseEmail } from './staff-repository';

export interface NewStaffInput {
	email: string;
	displayName: string;
	role: StaffRole;
	password: string;
}

export type CreateStaffResult =
	{ ok: true; staff: Staff } | { ok: false; code: 'weak_password'; problems: PasswordProblem[] } | { ok: false; code: 'email_taken' };

export async function createStaff(db: Db, input: NewStaffInput, actor: AuditActor): Promise<CreateStaffResult> {
	const email = normaliseEmail(input.email);
	const problems = checkPassword(input.password, false, email);
	if (problems.length > 0) return { ok: false, code: 'weak_password', problems };
	const passwordHash = await hashPassword(input.password);
	return withTransaction(db, async (tx) => {
		if (await findStaffByEmail(tx, email)) return { ok: false, code: 'email_taken' } as const;
		const staff = await insertStaff(tx, { email, displayName: input.displayName, role: input.role, passwordHash });
		await recordAudit(tx, actor, {
			action: 'staff.create',
			entityType: 'staff',
			entityId: staff.id,
			detail: { role: staff.role }
		});
		return { ok: true, staff } as const;
	});
}

/** Inserts a new account (no second factor yet); callers validate and audit. */
export async function insertStaff(db: Db, input: { email: string; displayName: string; role: StaffRole; passwordHash: string }): Promise<Staff> {
	const now = db.clock.now().toISOString();
	const staff: Staff = {
		id: randomUUID(),
		email: input.email,
		display_name: input.displayName.trim() || input.email,
		role: input.role,
		password_hash: input.passwordHash,
		totp_secret: null,
		totp_enabled: 0,
		totp_last_counter: null,
		disabled: 0,
		created_at: now,
		password_changed_at: now
	};
	await insertStaffRow(db, staff);
	return staff;
}
