import type { PasswordProblem } from '../../domain/auth/password-policy';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Staff } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { setStaffPassword } from '../staff/staff-repository';
import { checkPassword, hashPassword, verifyPassword } from './password';
import { deleteStaffSessions } from './session';

export type ChangePasswordResult =
	{ ok: true } | { ok: false; code: 'wrong_current_password' } | { ok: false; code: 'weak_password'; problems: PasswordProblem[] };

/** Changes the password and signs out every other session of the account. */
export async function changePassword(
	db: Db,
	staff: Staff,
	sessionId: string,
	input: { currentPassword: string; newPassword: string },
	actor: AuditActor
): Promise<ChangePasswordResult> {
	if (!(await verifyPassword(staff.password_hash, input.currentPassword))) {
		return { ok: false, code: 'wrong_current_password' };
	}
	const problems = checkPassword(input.newPassword, staff.totp_enabled === 1, staff.email);
	if (problems.length > 0) return { ok: false, code: 'weak_password', problems };
	const passwordHash = await hashPassword(input.newPassword);
	await withTransaction(db, async (tx) => {
		await setStaffPassword(tx, staff.id, passwordHash, tx.clock.now().toISOString());
		await deleteStaffSessions(tx, staff.id, sessionId);
		await recordAudit(tx, actor, { action: 'auth.password_changed', entityType: 'staff', entityId: staff.id });
	});
	return { ok: true };
}
