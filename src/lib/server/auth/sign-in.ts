import { setTimeout as sleep } from 'node:timers/promises';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Staff } from '../db/schema';
import { findStaffByEmail, isTotpRequired, normaliseEmail } from '../staff/staff-repository';
import { verifyAgainstNothing, verifyPassword } from './password';
import { createSession } from './session';
import { clearSignInFailures, judgeSignIn, noteSignInFailure } from './throttle-store';

export type SignInResult =
	| { ok: true; staff: Staff; token: string; sessionId: string; expiresAt: Date; next: 'done' | 'totp' | 'enrol' }
	| { ok: false; code: 'invalid_credentials' }
	| { ok: false; code: 'locked'; retryAfterSeconds: number };

/**
 * Password step of staff sign-in. The failure answer is the same for a wrong password, an
 * unknown e-mail and a disabled account, so the form never reveals who works here.
 */
export async function signIn(db: Db, input: { email: string; password: string }, actor: AuditActor): Promise<SignInResult> {
	const email = normaliseEmail(input.email);
	const verdict = await judgeSignIn(db, email, actor.ip);
	if (verdict.locked) return { ok: false, code: 'locked', retryAfterSeconds: verdict.retryAfterSeconds };
	if (verdict.delayMs > 0) await sleep(verdict.delayMs);

	const staff = await findStaffByEmail(db, email);
	const passwordMatches = staff ? await verifyPassword(staff.password_hash, input.password) : await verifyAgainstNothing(input.password);
	if (!staff || !passwordMatches || staff.disabled) {
		await noteSignInFailure(db, email, actor.ip);
		await recordAudit(db, actor, {
			action: 'auth.sign_in_failed',
			entityType: 'staff',
			entityId: staff?.id
		});
		return { ok: false, code: 'invalid_credentials' };
	}

	await clearSignInFailures(db, email);
	const next = staff.totp_enabled ? 'totp' : (await isTotpRequired(db, staff)) ? 'enrol' : 'done';
	const session = await createSession(db, staff.id, next === 'done');
	await recordAudit(
		db,
		{ ...actor, type: 'staff', id: staff.id },
		{
			action: next === 'done' ? 'auth.sign_in' : 'auth.password_ok',
			entityType: 'staff',
			entityId: staff.id
		}
	);
	return { ok: true, staff, ...session, next };
}
