import { ledgerOf } from '../../domain/billing/payments';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { reinstatePackageUseOfCharge } from '../packages/visit-cover';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { findChargeState, insertChargeVoid } from './billing-repository';
import type { BillingClock } from './doctor-consent';
import { fieldCodesFrom, type BillingFieldCodes } from './field-codes';
import { ZVoidChargeSchema } from './schemas';

export type VoidChargeResult =
	| { ok: true; balanceJpy: number }
	| { ok: false; code: 'invalid'; fields: BillingFieldCodes }
	| { ok: false; code: 'not_found' | 'forbidden' | 'already_voided' };

/**
 * Cancels a charge without deleting it (a charge row never changes): the patient then owes nothing
 * for it, and anything already paid shows as a negative balance to refund. The visit can be charged
 * again, e.g. self-pay instead of insurance.
 */
export async function voidCharge(
	db: Db,
	chargeId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: BillingClock = {}
): Promise<VoidChargeResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZVoidChargeSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<VoidChargeResult> => {
		const state = await findChargeState(tx, chargeId, { lock: true });
		if (!state) return { ok: false, code: 'not_found' };
		if (state.voided) return { ok: false, code: 'already_voided' };
		await insertChargeVoid(tx, { charge_id: chargeId, reason: parsed.data.reason, voided_at: now.toISOString(), voided_by: staffId });
		const after = ledgerOf(0, state.entries);
		// A visit a prepaid course paid for is given back to the course (issue #18).
		await reinstatePackageUseOfCharge(tx, chargeId, actor, now);
		await recordAudit(tx, actor, {
			action: 'charge.void',
			entityType: 'charge',
			entityId: chargeId,
			patientId: state.charge.patient_id,
			detail: { dueJpy: state.charge.due_jpy, balanceJpy: after.balanceJpy }
		});
		return { ok: true, balanceJpy: after.balanceJpy };
	});
}
