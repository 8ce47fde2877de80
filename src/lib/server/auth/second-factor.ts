import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Staff } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { logger } from '../log';
import { findStaffById } from '../staff/staff-repository';
import { isSealed, type SecretBox } from './secret-box';
import { completeSecondFactor } from './session';
import { hashRecoveryCode, matchTotpCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from './totp';

/**
 * The staff member's TOTP secret, or null when this server's key cannot open it (a database restored
 * without its key): recovery codes still work, and enrolling again makes a new secret.
 */
function openTotpSecret(secrets: SecretBox, staffId: string, stored: string): string | null {
	try {
		return secrets.open(stored, staffId);
	} catch {
		logger.warn({ staffId }, 'a TOTP secret cannot be opened with this server key');
		return null;
	}
}

/** The counter `code` belongs to under the stored secret, or null (also when it cannot be opened). */
function matchStoredTotp(secrets: SecretBox, staffId: string, stored: string, code: string, now: Date): number | null {
	const secret = openTotpSecret(secrets, staffId, stored);
	return secret === null ? null : matchTotpCode(secret, code, now);
}

export type SecondFactorResult = { ok: true; usedRecoveryCode: boolean } | { ok: false; code: 'invalid_code' };

/** Second sign-in step: a fresh TOTP code (each counter works once) or an unused recovery code. */
export async function verifySecondFactor(
	db: Db,
	secrets: SecretBox,
	staff: Staff,
	sessionId: string,
	code: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<SecondFactorResult> {
	return withTransaction(db, async (tx) => {
		const fresh = await findStaffById(tx, staff.id);
		if (!fresh?.totp_enabled || !fresh.totp_secret) return { ok: false, code: 'invalid_code' } as const;
		const counter = matchStoredTotp(secrets, fresh.id, fresh.totp_secret, code, now);
		let usedRecoveryCode = false;
		if (counter !== null && counter > Number(fresh.totp_last_counter ?? -1)) {
			await tx.kysely.updateTable('staff').set({ totp_last_counter: counter }).where('id', '=', staff.id).execute();
		} else if (normaliseRecoveryCode(code).length === 12 && (await useRecoveryCode(tx, staff.id, code, now))) {
			usedRecoveryCode = true;
		} else {
			await recordAudit(tx, actor, { action: 'auth.second_factor_failed', entityType: 'staff', entityId: staff.id });
			return { ok: false, code: 'invalid_code' } as const;
		}
		await completeSecondFactor(tx, sessionId);
		await recordAudit(tx, actor, {
			action: 'auth.sign_in',
			entityType: 'staff',
			entityId: staff.id,
			detail: { secondFactor: usedRecoveryCode ? 'recovery_code' : 'totp' }
		});
		return { ok: true, usedRecoveryCode } as const;
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

/**
 * Starts enrolment: a secret is kept, not yet active, until a code from it is confirmed. A
 * reload shows the same secret, so a code scanned a moment ago still works.
 */
export async function beginTotpEnrolment(db: Db, secrets: SecretBox, staffId: string): Promise<string | null> {
	const staff = await findStaffById(db, staffId);
	if (!staff || staff.totp_enabled) return null;
	const kept = staff.totp_secret ? openTotpSecret(secrets, staffId, staff.totp_secret) : null;
	if (kept !== null) return kept;
	const secret = newTotpSecret();
	await db.kysely.updateTable('staff').set({ totp_secret: secrets.seal(secret, staffId) }).where('id', '=', staffId).execute();
	return secret;
}

/** Secrets kept in the clear by versions before sealing (secret-box.ts) are sealed at start. */
export async function sealPlainTotpSecrets(db: Db, secrets: SecretBox): Promise<number> {
	const rows = await db.kysely.selectFrom('staff').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute();
	const plain = rows.filter((row) => !isSealed(row.totp_secret!));
	for (const row of plain) {
		// Only if still unchanged: another instance may be sealing it at the same moment.
		await db.kysely.updateTable('staff').set({ totp_secret: secrets.seal(row.totp_secret!, row.id) }).where('id', '=', row.id).where('totp_secret', '=', row.totp_secret).execute();
	}
	return plain.length;
}

export type ConfirmEnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; code: 'invalid_code' };

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
		const staff = await findStaffById(tx, staffId);
		if (!staff?.totp_secret || staff.totp_enabled) return { ok: false, code: 'invalid_code' } as const;
		const counter = matchStoredTotp(secrets, staffId, staff.totp_secret, code, now);
		if (counter === null) return { ok: false, code: 'invalid_code' } as const;
		await tx.kysely
			.updateTable('staff')
			.set({ totp_enabled: 1, totp_last_counter: counter })
			.where('id', '=', staffId)
			.execute();
		const recoveryCodes = await replaceRecoveryCodes(tx, staffId);
		await completeSecondFactor(tx, sessionId);
		await recordAudit(tx, actor, { action: 'auth.totp_enabled', entityType: 'staff', entityId: staffId });
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
