import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { updateClinic } from './clinic-repository';

/**
 * Whether reception may sign in without a second factor (issue #16). Off by default; only
 * reception can be relaxed. Turning it back off sends reception without TOTP to enrol at their next
 * request (session.ts).
 */
export async function setReceptionTotpOptional(db: Db, optional: boolean, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		await updateClinic(tx, { reception_totp_optional: optional ? 1 : 0 });
		await recordAudit(tx, actor, { action: 'clinic.reception_totp_optional_changed', entityType: 'clinic', detail: { optional } });
	});
}

/** Whether reception may read clinical content (intake answers, notes, side effects). Off by default. */
export async function setReceptionReadsClinical(db: Db, allowed: boolean, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		await updateClinic(tx, { reception_reads_clinical: allowed ? 1 : 0 });
		await recordAudit(tx, actor, { action: 'clinic.reception_clinical_access_changed', entityType: 'clinic', detail: { allowed } });
	});
}

/** Practitioners and the owner always read clinical content; reception only when the owner allows it. */
export async function mayReadClinical(db: Db, role: StaffRole): Promise<boolean> {
	if (role !== 'reception') return true;
	const clinic = await db.kysely.selectFrom('clinic').select('reception_reads_clinical').executeTakeFirst();
	return clinic?.reception_reads_clinical === 1;
}
