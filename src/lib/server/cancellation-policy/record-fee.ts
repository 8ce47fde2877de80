import { randomUUID } from 'node:crypto';
import { noShowFee, policyForVisit } from '../../domain/billing/cancellation-fee';
import type { CancellationFeeKind } from '../db/schema-cancellation-recall';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { insertCancellationFee, insertFeeSettlement, listPolicyVersions } from './policy-repository';
import { getClinic } from '../clinic/clinic-repository';

/* Writing a fee, inside the transaction of the cancellation or the desk's no-show (issue #17). */

export interface VisitOwingFee {
	id: string;
	patient_id: string | null;
	policy_version: number | null;
}

/** Records a fee for the visit unless one is already on record. Returns its amount, or null when nothing was written. */
export async function recordCancellationFee(
	tx: Db,
	visit: VisitOwingFee,
	kind: CancellationFeeKind,
	amountJpy: number,
	policyVersion: number,
	actor: AuditActor,
	now: number
): Promise<number | null> {
	if (!visit.patient_id || amountJpy <= 0) return null;
	const existing = await tx.kysely.selectFrom('cancellation_fee').select('id').where('appointment_id', '=', visit.id).executeTakeFirst();
	if (existing) return null;
	const clinic = await getClinic(tx);
	const id = randomUUID();
	await insertCancellationFee(tx, {
		id,
		clinic_id: clinic.id,
		patient_id: visit.patient_id,
		appointment_id: visit.id,
		kind,
		amount_jpy: amountJpy,
		policy_version: policyVersion,
		created_at: new Date(now).toISOString(),
		created_by_staff_id: actor.type === 'staff' ? actor.id : null
	});
	await recordAudit(tx, actor, {
		action: 'cancellation_fee.create',
		entityType: 'cancellation_fee',
		entityId: id,
		patientId: visit.patient_id,
		detail: { appointmentId: visit.id, kind, amountJpy, policyVersion }
	});
	return amountJpy;
}

/** The desk marked a no-show: the fee of the policy the visit is held to, when it has one. */
export async function recordNoShowFee(tx: Db, visit: VisitOwingFee, actor: AuditActor, now: number): Promise<number | null> {
	const policy = policyForVisit(await listPolicyVersions(tx), visit.policy_version);
	const fee = noShowFee(policy);
	if (!policy || fee === null) return null;
	return recordCancellationFee(tx, visit, 'no_show', fee, policy.version, actor, now);
}

/**
 * A no-show marked by mistake and corrected: an unsettled no-show fee is waived, with the
 * correction as its reason, so the patient never owes for a visit they came to.
 */
export async function waiveNoShowFeeOnCorrection(tx: Db, appointmentId: string, actor: AuditActor, now: number): Promise<void> {
	if (actor.type !== 'staff' || !actor.id) return;
	const fee = await tx.kysely
		.selectFrom('cancellation_fee')
		.leftJoin('cancellation_fee_settlement', 'cancellation_fee_settlement.fee_id', 'cancellation_fee.id')
		.select(['cancellation_fee.id', 'cancellation_fee.patient_id', 'cancellation_fee_settlement.outcome'])
		.where('cancellation_fee.appointment_id', '=', appointmentId)
		.where('cancellation_fee.kind', '=', 'no_show')
		.executeTakeFirst();
	if (!fee || fee.outcome) return;
	await insertFeeSettlement(tx, {
		fee_id: fee.id,
		outcome: 'waived',
		charge_id: null,
		reason: 'status_corrected',
		settled_at: new Date(now).toISOString(),
		settled_by: actor.id
	});
	await recordAudit(tx, actor, {
		action: 'cancellation_fee.waive',
		entityType: 'cancellation_fee',
		entityId: fee.id,
		patientId: fee.patient_id,
		detail: { reason: 'status_corrected' }
	});
}
