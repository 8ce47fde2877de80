import { versionOn } from '../billing/dated-config';
import { CONSUMER_RULES, type ConsumerRulesVersion, type FeeLimitSource } from './consumer-rules';
import { packageState, type PackageEntry } from './ledger';
import { valueOfFirstVisits, valueOfLastVisits, type PackageTerms } from './terms';

/*
 * What cancelling a course returns (issue #18): the visits left at the per-visit price actually
 * paid (the discounted price, terms.ts for the rounding), minus the clinic's cancellation fee. The
 * fee is capped three ways, lowest wins: the average damage the clinic documented (消費者契約法
 * 第9条, consumer-rules.ts), shinkyu's guide ceiling, and the money actually held for the visits
 * left — a fee never creates a new debt. All in integer yen; the percent cap is rounded down.
 */

export interface ClinicRefundPolicy {
	/** The fee the clinic asks for a cancellation, in yen (0: none). */
	cancellationFeeJpy: number;
	/** The average damage of one cancellation the clinic documented (平均的な損害); null when not documented. */
	documentedAverageDamageJpy: number | null;
}

export type FeeCap = 'requested' | 'average_damage' | 'guide_ceiling_yen' | 'guide_ceiling_percent' | 'money_held';

export interface RefundComputation {
	unusedVisits: number;
	/** ⌊price ÷ visits⌋ for display; the exact value of the visits left is `unusedValueJpy`. */
	perVisitJpy: number;
	unusedValueJpy: number;
	paidJpy: number;
	/** The value of the visits already given (or expired). */
	consumedValueJpy: number;
	/** Paid money held for the visits left (前受金). */
	heldJpy: number;
	requestedFeeJpy: number;
	feeJpy: number;
	/** Which limit set the fee. */
	feeCappedBy: FeeCap;
	refundJpy: number;
	/** What the patient still owes for the visits given when they paid less than that. */
	stillOwedJpy: number;
	law: FeeLimitSource;
	lawSource: string;
	rulesFrom: string;
}

export type RefundQuote = { ok: true; computation: RefundComputation } | { ok: false; code: 'nothing_to_refund' | 'no_rules' };

export function computeRefund(
	terms: Pick<PackageTerms, 'visitCount' | 'priceJpy'>,
	entries: readonly PackageEntry[],
	policy: ClinicRefundPolicy,
	onDate: string,
	rules: readonly ConsumerRulesVersion[] = CONSUMER_RULES
): RefundQuote {
	const version = versionOn(rules, onDate);
	if (!version) return { ok: false, code: 'no_rules' };
	const state = packageState(terms, entries);
	if (state.status === 'refunded' || state.expiredVisits > 0 || state.remainingVisits === 0) return { ok: false, code: 'nothing_to_refund' };
	const unusedVisits = state.remainingVisits;
	const unusedValueJpy = valueOfLastVisits(terms, unusedVisits);
	const consumedValueJpy = valueOfFirstVisits(terms, terms.visitCount - unusedVisits);
	const heldJpy = Math.max(0, Math.min(state.paidJpy - consumedValueJpy, unusedValueJpy));
	const caps: [FeeCap, number][] = [
		['requested', Math.max(0, policy.cancellationFeeJpy)],
		['average_damage', policy.documentedAverageDamageJpy ?? 0],
		['guide_ceiling_yen', version.guideCeiling.maxJpy],
		['guide_ceiling_percent', Math.floor((unusedValueJpy * version.guideCeiling.maxPercentOfUnused) / 100)],
		['money_held', heldJpy]
	];
	// The first lowest cap names the limit; a clinic asking no fee is simply 'requested'.
	const [feeCappedBy, feeJpy] = caps.reduce((low, cap) => (cap[1] < low[1] ? cap : low));
	return {
		ok: true,
		computation: {
			unusedVisits,
			perVisitJpy: Math.floor(terms.priceJpy / terms.visitCount),
			unusedValueJpy,
			paidJpy: state.paidJpy,
			consumedValueJpy,
			heldJpy,
			requestedFeeJpy: policy.cancellationFeeJpy,
			feeJpy,
			feeCappedBy,
			refundJpy: heldJpy - feeJpy,
			stillOwedJpy: Math.max(0, consumedValueJpy - state.paidJpy),
			law: version.appliesToAcupuncture,
			lawSource: version.source,
			rulesFrom: version.effectiveFrom
		}
	};
}

/** The ledger entry that carries out a computed refund. */
export function refundEntry(computation: RefundComputation, at: number, method: Extract<PackageEntry, { kind: 'refund' }>['method']): PackageEntry {
	return { kind: 'refund', at, visits: computation.unusedVisits, feeJpy: computation.feeJpy, amountJpy: computation.refundJpy, method };
}
