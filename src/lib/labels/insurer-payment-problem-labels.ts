import type { MessageKey } from '$lib/i18n/translate';
import type { PaymentProblem } from '$lib/domain/jukyo-claim/insurer-payment';

/** What does not add up in an insurer's payment. */

export const INSURER_PAYMENT_PROBLEM_LABELS: Record<PaymentProblem['code'], MessageKey> = {
	no_claims: 'claimStatus.payment.problem.no_claims',
	sum_mismatch: 'claimStatus.payment.problem.sum_mismatch',
	other_destination: 'claimStatus.payment.problem.other_destination',
	over_claim: 'claimStatus.payment.problem.over_claim',
	duplicate_claim: 'claimStatus.payment.problem.duplicate_claim'
};
