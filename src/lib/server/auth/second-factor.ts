import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Staff } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { logger } from '../log';
import { findStaffForUpdate, listStaffTotpSecrets, sealStaffTotpSecret, setStaffTotpCounter } from '../staff/staff-repository';
import { verifyPassword } from './password';
import { isSealed, type SecretBox } from './secret-box';
import { deleteSessionById, rotateSession } from './session';
import { clearSecondFactorFailures, judgeSecondFactor, noteSecondFactorFailure } from './throttle-store';
import { hashRecoveryCode, matchTotpCode, newRecoveryCodes, normaliseRecoveryCode } from './totp';

/**
 * The staff member's TOTP secret, or null when this server's key cannot open it (a database restored
 * without its key): recovery codes still work, and enrolling again makes a new secret.
 */
export function openTotpSecret(secrets: SecretBox, staffId: string, stored: string): string | null {
	try {
		return secrets.open(stored, staffId);
	} catch {
		logger.warn({ staffId }, 'a TOTP secret cannot be opened with this server key');
		return null;
	}
}

/** The counter `code` belongs to under the stored secret, or null (also when it cannot be opened). */
export function matchStoredTotp(secrets: SecretBox, staffId: string, stored: string, code: string, now: Date): number | null {
	const secret = openTotpSecret(secrets, staffId, stored);
	return secret === null ? null : matchTotpCode(secret, code, now);
}

/**
 * The staff row, locked on PostgreSQL until the transaction ends: two instances checking codes
 * of one account take turns, so neither reuses a TOTP counter or loses a failure count.
 */
export async function lockStaffRow(tx: Db, staffId: string): Promise<Staff | undefined> {
	return findStaffForUpdate(tx, staffId);
}

/** Spends a fresh TOTP code of an enrolled account: true once per counter. */
async function useTotpCode(tx: Db, secrets: SecretBox, staff: Staff, code: string, now: Date): Promise<boolean> {
	if (!staff.totp_enabled || !staff.totp_secret) return false;
	const counter = matchStoredTotp(secrets, staff.id, staff.totp_secret, code, now);
	if (counter === null || counter <= Number(staff.totp_last_counter ?? -1)) return false;
	await setStaffTotpCounter(tx, staff.id, counter);
	return true;
}

export interface RotatedSession {
	token: string;
	sessionId: string;
	expiresAt: Date;
}

export type SecondFactorResult =
	| { ok: true; usedRecoveryCode: boolean; session: RotatedSession }
	| { ok: false; code: 'invalid_code' }
	| { ok: false; code: 'locked'; retryAfterSeconds: number };

/**
 * Second sign-in step: a fresh TOTP code (each counter works once) or an unused recovery code.
 * Wrong codes are counted per account in the database (throttle-store.ts); the fifth locks the
 * account's second step for 15 minutes and ends the pending session, so the guesser must pass the
 * password step again, after the lock. Success replaces the session token (session.ts).
 */
export async function verifySecondFactor(
	db: Db,
	secrets: SecretBox,
	staff: Pick<Staff, 'id'>,
	sessionId: string,
	code: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<SecondFactorResult> {
	return withTransaction(db, async (tx) => {
		const fresh = await lockStaffRow(tx, staff.id);
		const lock = await judgeSecondFactor(tx, staff.id, now);
		if (lock.locked) {
			await deleteSessionById(tx, sessionId);
			return { ok: false, code: 'locked', retryAfterSeconds: lock.retryAfterSeconds } as const;
		}
		let usedRecoveryCode = false;
		if (fresh && (await useTotpCode(tx, secrets, fresh, code, now))) {
			// a fresh TOTP code
		} else if (fresh?.totp_enabled && normaliseRecoveryCode(code).length === 12 && (await useRecoveryCode(tx, staff.id, code, now))) {
			usedRecoveryCode = true;
		} else {
			const verdict = await noteSecondFactorFailure(tx, staff.id, now);
			await recordAudit(tx, actor, {
				action: verdict.locked ? 'auth.second_factor_locked' : 'auth.second_factor_failed',
				entityType: 'staff',
				entityId: staff.id
			});
			if (!verdict.locked) return { ok: false, code: 'invalid_code' } as const;
			await deleteSessionById(tx, sessionId);
			return { ok: false, code: 'locked', retryAfterSeconds: verdict.retryAfterSeconds } as const;
		}
		await clearSecondFactorFailures(tx, staff.id);
		const session = await rotateSession(tx, sessionId, now);
		await recordAudit(tx, actor, {
			action: 'auth.sign_in',
			entityType: 'staff',
			entityId: staff.id,
			detail: { secondFactor: usedRecoveryCode ? 'recovery_code' : 'totp' }
		});
		return { ok: true, usedRecoveryCode, session } as const;
	});
}

async function useRecoveryCode(db: Db, staffId: string, code: string, now: Date): Promise<boolean> {
	const result = await db.kysely
		.updateTable('staff_recovery_code')
		.set({ used_at: now.toISOString() })
		.where('staff_id', '=', staffId)
		.where('code_hash', '=', hashRecoveryCode(code))
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Secrets kept in the clear by versions before sealing (secret-box.ts) are sealed at start. */
export async function sealPlainTotpSecrets(db: Db, secrets: SecretBox): Promise<number> {
	const rows = await listStaffTotpSecrets(db);
	const plain = rows.filter((row) => !isSealed(row.totp_secret!));
	for (const row of plain) {
		// Only if still unchanged: another instance may be sealing it at the same moment.
		await sealStaffTotpSecret(db, row.id, row.totp_secret!, secrets.seal(row.totp_secret!, row.id));
	}
	return plain.length;
}

export type RegenerateRecoveryCodesResult =
	{ ok: true; recoveryCodes: string[] } | { ok: false; code: 'not_enrolled' | 'invalid_proof' } | { ok: false; code: 'locked'; retryAfterSeconds: number };

/**
 * New recovery codes only for someone who proves to be the account holder again, by the password
 * or a current TOTP code (issue #16): a session left open on a shared desk cannot mint codes that
 * pass the second factor later. Wrong proofs count towards the second-factor lock.
 */
export async function regenerateRecoveryCodes(
	db: Db,
	secrets: SecretBox,
	staffId: string,
	proof: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<RegenerateRecoveryCodesResult> {
	return withTransaction(db, async (tx) => {
		const staff = await lockStaffRow(tx, staffId);
		if (!staff?.totp_enabled) return { ok: false, code: 'not_enrolled' } as const;
		const lock = await judgeSecondFactor(tx, staffId, now);
		if (lock.locked) return { ok: false, code: 'locked', retryAfterSeconds: lock.retryAfterSeconds } as const;
		const proven = (await useTotpCode(tx, secrets, staff, proof, now)) || (await verifyPassword(staff.password_hash, proof));
		if (!proven) {
			const verdict = await noteSecondFactorFailure(tx, staffId, now);
			await recordAudit(tx, actor, { action: 'auth.recovery_codes_refused', entityType: 'staff', entityId: staffId });
			return verdict.locked
				? ({ ok: false, code: 'locked', retryAfterSeconds: verdict.retryAfterSeconds } as const)
				: ({ ok: false, code: 'invalid_proof' } as const);
		}
		const recoveryCodes = await replaceRecoveryCodes(tx, staffId);
		await recordAudit(tx, actor, { action: 'auth.recovery_codes_replaced', entityType: 'staff', entityId: staffId });
		return { ok: true, recoveryCodes } as const;
	});
}

export async function replaceRecoveryCodes(db: Db, staffId: string): Promise<string[]> {
	const codes = newRecoveryCodes();
	await db.kysely.deleteFrom('staff_recovery_code').where('staff_id', '=', staffId).execute();
	await db.kysely
		.insertInto('staff_recovery_code')
		.values(codes.map((code) => ({ id: crypto.randomUUID(), staff_id: staffId, code_hash: hashRecoveryCode(code), used_at: null })))
		.execute();
	return codes;
}

export async function countUnusedRecoveryCodes(db: Db, staffId: string): Promise<number> {
	const row = await db.kysely
		.selectFrom('staff_recovery_code')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('staff_id', '=', staffId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
