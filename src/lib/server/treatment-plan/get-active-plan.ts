import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findActivePlan, type TreatmentPlan } from './plan-repository';

/** The patient's active plan with its acknowledged conflicts; null when there is none. Audited when found. */
export async function getActivePlan(db: Db, patientId: string, actor: AuditActor): Promise<TreatmentPlan | null> {
	const plan = await findActivePlan(db, patientId);
	if (plan) await recordAudit(db, actor, { action: 'plan.read', entityType: 'treatment_plan', entityId: plan.id, patientId });
	return plan;
}
