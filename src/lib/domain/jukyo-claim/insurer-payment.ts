import type { ClaimStatus } from './claim-status';

/*
 * A payment received from an insurer (or 国保連) for claims sent to one 提出先 (docs/jukyo-claim.md
 * §10). The desk types the amount received and, for each claim it covers, the part of it for that
 * claim (by default the amount claimed); the parts must add up to the amount, in whole yen. That
 * each claim may be paid at all (submitted, not before its submission) is claimTransition's rule.
 */

export interface PaymentClaimFacts {
	id: string;
	destination: string;
	claimJpy: number;
	status: ClaimStatus;
}

export type PaymentProblem =
	| { code: 'no_claims' }
	| { code: 'sum_mismatch'; sumJpy: number }
	| { code: 'other_destination'; claimId: string }
	| { code: 'over_claim'; claimId: string }
	| { code: 'duplicate_claim'; claimId: string };

export function paymentProblems(
	payment: { amountJpy: number; destination: string },
	parts: ReadonlyArray<{ claim: PaymentClaimFacts; amountJpy: number }>
): PaymentProblem[] {
	if (parts.length === 0) return [{ code: 'no_claims' }];
	const problems: PaymentProblem[] = [];
	const seen = new Set<string>();
	for (const part of parts) {
		if (seen.has(part.claim.id)) problems.push({ code: 'duplicate_claim', claimId: part.claim.id });
		seen.add(part.claim.id);
		if (part.claim.destination !== payment.destination) problems.push({ code: 'other_destination', claimId: part.claim.id });
		if (part.amountJpy > part.claim.claimJpy) problems.push({ code: 'over_claim', claimId: part.claim.id });
	}
	const sumJpy = parts.reduce((sum, p) => sum + p.amountJpy, 0);
	if (sumJpy !== payment.amountJpy) problems.push({ code: 'sum_mismatch', sumJpy });
	return problems;
}

/** What is still owed on a claim (negative never: a part over the claim is refused). */
export function claimDifference(claimJpy: number, paidJpy: number): number {
	return claimJpy - paidJpy;
}
