import { claimStatusOf, liveClaimEvents, type ClaimEventKind, type ClaimStatus } from './claim-status';

/*
 * A claim version's history as an auditor reads it (docs/jukyo-claim.md §13): every event row in
 * order, the "paid" of a reversed payment included and marked reversed (the day, who and why),
 * followed by the status the reversal left the claim in. This is a view only: what counts toward
 * the status and the paid figures stays liveClaimEvents.
 */

export interface ClaimEventRecord {
	event: ClaimEventKind;
	on: string;
	reason: string;
	/** The insurer payment a "paid" event belongs to; null for every other event. */
	paymentId: string | null;
}

export interface PaymentReversalRecord {
	paymentId: string;
	/** The clinic-local day the reversal was recorded, 'YYYY-MM-DD'. */
	on: string;
	/** Who reversed it (a staff member's name). */
	by: string;
	reason: string;
}

export type ClaimHistoryEntry =
	| {
			kind: 'event';
			event: ClaimEventKind;
			on: string;
			reason: string;
			/** Set on a "paid" event whose payment was reversed: it no longer counts. */
			reversed: { on: string; by: string; reason: string } | null;
	  }
	/** The reversal of the payment on the entry before, and the status it left the claim in (submitted, or paid by another payment). */
	| { kind: 'payment_reversed'; on: string; status: ClaimStatus };

/**
 * The history rows of one claim version from its event rows (in order) and the reversals of its
 * payments. A reversal's row follows the "paid" event it takes back: by the rule a paid claim's only
 * next step is that reversal (claimTransition), so nothing can fall between the two.
 */
export function claimHistory(events: readonly ClaimEventRecord[], reversals: readonly PaymentReversalRecord[]): ClaimHistoryEntry[] {
	const reversalOf = new Map(reversals.map((r) => [r.paymentId, r]));
	const reversedSoFar = new Set<string>();
	const entries: ClaimHistoryEntry[] = [];
	events.forEach((e, i) => {
		const reversal = e.event === 'paid' && e.paymentId !== null ? reversalOf.get(e.paymentId) : undefined;
		entries.push({
			kind: 'event',
			event: e.event,
			on: e.on,
			reason: e.reason,
			reversed: reversal ? { on: reversal.on, by: reversal.by, reason: reversal.reason } : null
		});
		if (!reversal) return;
		reversedSoFar.add(reversal.paymentId);
		const status = claimStatusOf({ events: liveClaimEvents(events.slice(0, i + 1), reversedSoFar).map((live) => live.event) });
		entries.push({ kind: 'payment_reversed', on: reversal.on, status });
	});
	return entries;
}
