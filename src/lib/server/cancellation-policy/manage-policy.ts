import { policyForVisit } from '../../domain/billing/cancellation-fee';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { cancellationDecisionFor } from '../booking/manage-booking';
import { listPolicyVersions, type StoredPolicy } from './policy-repository';

/** What the manage page and the portal show of the policy for one visit (issue #17). */
export interface VisitPolicyView {
	policy: StoredPolicy | null;
	/** The version the patient ticked when booking, when they did. */
	acknowledgedVersion: number | null;
	/** After the free window, while a late cancellation is still possible online with a fee. */
	lateCancel: { feeJpy: number; deadline: number } | null;
	/** The fee this visit created (late cancellation or no-show), when there is one. */
	feeJpy: number | null;
}

export async function visitPolicyView(db: Db, appointment: Appointment, now: number): Promise<VisitPolicyView> {
	const policy = policyForVisit(await listPolicyVersions(db), appointment.policy_version ?? null);
	const { decision } = await cancellationDecisionFor(db, appointment, now);
	const fee = await db.kysely.selectFrom('cancellation_fee').select('amount_jpy').where('appointment_id', '=', appointment.id).executeTakeFirst();
	return {
		policy,
		acknowledgedVersion: appointment.policy_version ?? null,
		lateCancel: decision.kind === 'late_fee' ? { feeJpy: decision.feeJpy, deadline: decision.deadline } : null,
		feeJpy: fee ? Number(fee.amount_jpy) : null
	};
}
