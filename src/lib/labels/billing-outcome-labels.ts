import type { NeedleProblem } from '$lib/domain/clinical/needle-account';
import type { ArtsLicenceProblem } from '$lib/domain/billing/arts-licences';
import type { MessageKey } from '$lib/i18n/translate';
import type { IssueReceiptResult } from '$lib/server/billing/issue-receipt';
import type { RecordPaymentResult } from '$lib/server/billing/record-payment';
import type { VoidChargeResult } from '$lib/server/billing/void-charge';

/** Why the desk cannot charge a visit, or take money, void or issue a receipt for a charge (docs/clinical-rules.md §3). */

/** A treatment session whose needles are not accounted for: the visit cannot be charged or completed. */
export const NEEDLE_PROBLEM_LABELS: Record<NeedleProblem, MessageKey> = {
	needles_in_body: 'billing.outcome.needles_in_body',
	count_missing: 'billing.outcome.count_missing'
};

/** An insured charge for both arts needs a practitioner licensed for both. */
export const ARTS_LICENCE_LABELS: Record<ArtsLicenceProblem, MessageKey> = {
	needs_hari_and_kyu: 'billing.outcome.needs_hari_and_kyu'
};

/** Every code a payment, refund, void or receipt on a charge can refuse with, beyond a bad form, a missing charge or a forbidden hand. */
export type ChargeRefusal = Exclude<
	Extract<VoidChargeResult | RecordPaymentResult | IssueReceiptResult, { ok: false }>['code'],
	'invalid' | 'not_found' | 'forbidden'
>;

export const CHARGE_REFUSAL_LABELS: Record<ChargeRefusal, MessageKey> = {
	already_voided: 'billing.outcome.already_voided',
	nothing_due: 'billing.outcome.nothing_due',
	exceeds_balance: 'billing.outcome.exceeds_balance',
	refund_exceeds_paid: 'billing.outcome.refund_exceeds_paid',
	nothing_received: 'billing.outcome.nothing_received',
	already_issued: 'billing.outcome.already_issued'
};
