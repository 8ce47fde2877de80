import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { enableStaffTotp, findStaffById, setPendingTotpSecret } from '../staff/staff-repository';
import { verifyPassword } from './password';
import { lockStaffRow, matchStoredTotp, replaceRecoveryCodes, type RotatedSession } from './second-factor';
import type { SecretBox } from './secret-box';
import { isFreshSession, rotateSession, type StaffSession } from './session';
import { judgeSignIn, noteSignInFailure } from './throttle-store';
import { newTotpSecret } from './totp';

export type BeginEnrolmentResult = { ok: true; secret: string } | { ok: false; code: 'already_enrolled' | 'stale_session' | 'wrong_password' | 'locked' };

/**
 * Shows a new TOTP secret (issue #16) only to a session whose password step was passed within the
 * last 10 minutes, and only after the password is typed again: a session taken over later, or a
 * cookie copied from a pending sign-in, cannot bind the thief's authenticator to the account.
 * Each call makes a new secret, kept sealed and inactive until a code from it is confirmed.
 */
export async function beginTotpEnrolment(
	db: Db,
	secrets: SecretBox,
	session: Pick<StaffSession, 'createdAt'> & { staffId: string },
	password: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<BeginEnrolmentResult> {
	const staff = await findStaffById(db, session.staffId);
	if (!staff || staff.totp_enabled) return { ok: false, code: 'already_enrolled' };
	if (!isFreshSession(session, now)) return { ok: false, code: 'stale_session' };
	if ((await judgeSignIn(db, staff.email, actor.ip, now)).locked) return { ok: false, code: 'locked' };
	if (!(await verifyPassword(staff.password_hash, password))) {
		await noteSignInFailure(db, staff.email, actor.ip, now);
		await recordAudit(db, actor, { action: 'auth.reauth_failed', entityType: 'staff', entityId: staff.id });
		return { ok: false, code: 'wrong_password' };
	}
	const secret = newTotpSecret();
	await withTransaction(db, async (tx) => {
		await setPendingTotpSecret(tx, staff.id, secrets.seal(secret, staff.id));
		await recordAudit(tx, actor, { action: 'auth.totp_secret_shown', entityType: 'staff', entityId: staff.id });
	});
	return { ok: true, secret };
}

export type ConfirmEnrolmentResult = { ok: true; recoveryCodes: string[]; session: RotatedSession } | { ok: false; code: 'invalid_code' };

/** A code from the new secret turns TOTP on, completes the second factor and replaces the session token. */
export async function confirmTotpEnrolment(
	db: Db,
	secrets: SecretBox,
	staffId: string,
	sessionId: string,
	code: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<ConfirmEnrolmentResult> {
	return withTransaction(db, async (tx) => {
		const staff = await lockStaffRow(tx, staffId);
		if (!staff?.totp_secret || staff.totp_enabled) return { ok: false, code: 'invalid_code' } as const;
		const counter = matchStoredTotp(secrets, staffId, staff.totp_secret, code, now);
		if (counter === null) return { ok: false, code: 'invalid_code' } as const;
		await enableStaffTotp(tx, staffId, counter);
		const recoveryCodes = await replaceRecoveryCodes(tx, staffId);
		const session = await rotateSession(tx, sessionId, now);
		await recordAudit(tx, actor, { action: 'auth.totp_enabled', entityType: 'staff', entityId: staffId });
		return { ok: true, recoveryCodes, session } as const;
	});
}
