import type { PaymentMethod } from '../billing/payments';
import { isYen } from '../billing/yen';
import { valueOfFirstVisits, valueOfLastVisits, type PackageTerms } from './terms';

/*
 * The ledger of one sold package (issue #18): insert-only entries, from which everything is
 * derived — remaining visits, status, what is still owed, and the liability (前受金: the paid value
 * of visits not yet given). No count is ever stored, so nothing can drift.
 *
 * Order of value: visits are consumed front to back (used, expired and refunded alike), and the
 * value of the first k visits is ⌊k × price ÷ count⌋ (terms.ts). A part payment first covers the
 * visits already given; only money beyond them is owed back to the patient as 前受金.
 */

export type PackageEntry =
	| { kind: 'sale'; at: number }
	/** Money received for the package (part payment allowed). */
	| { kind: 'payment'; at: number; method: PaymentMethod; amountJpy: number }
	/** One visit given; `sequence` is the ordinal of the use (unique per package in the database). */
	| { kind: 'use'; at: number; sequence: number; patientId: string; appointmentId: string | null }
	/** A use given back (the visit's charge was voided). */
	| { kind: 'reinstate'; at: number; sequence: number }
	/** The visits left when the course expired: kept in the ledger, never silently removed. */
	| { kind: 'expiry'; at: number; visits: number }
	/** The course cancelled: the visits left, the fee kept and the money returned. */
	| { kind: 'refund'; at: number; visits: number; feeJpy: number; amountJpy: number; method: PaymentMethod };

export type PackageStatus = 'active' | 'used_up' | 'expired' | 'refunded';

export interface PackageState {
	visitCount: number;
	usedVisits: number;
	expiredVisits: number;
	refundedVisits: number;
	/** Visits neither used, expired nor refunded. */
	remainingVisits: number;
	priceJpy: number;
	paidJpy: number;
	/** Money returned by a refund. */
	returnedJpy: number;
	/** What the patient still owes: the price, or once cancelled the visits given (the fee only ever comes out of money held). */
	balanceDueJpy: number;
	/** 前受金: paid value of the visits not yet given, expired or refunded. */
	liabilityJpy: number;
	/** The sequence the next use takes. */
	nextSequence: number;
	/** Uses not given back, in order, with their visit number (3 of 10). */
	uses: { sequence: number; visitNumber: number; at: number; patientId: string; appointmentId: string | null }[];
	status: PackageStatus;
}

export class LedgerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LedgerError';
	}
}

/**
 * The state of a package from its entries (in the order written). `today` (clinic-local) marks a
 * course past its expiry as expired even before the expiry entry is written; the liability moves
 * only with the entry, since that is when the accounts recognise it. Throws on an impossible
 * ledger: the use cases check every entry with `checkEntry` before writing it.
 */
export function packageState(
	terms: Pick<PackageTerms, 'visitCount' | 'priceJpy'>,
	entries: readonly PackageEntry[],
	today: string | null = null,
	expiresOn: string | null = null
): PackageState {
	let used = 0;
	let expired = 0;
	let refunded = 0;
	let paid = 0;
	let returned = 0;
	let cancelled = false;
	let dueWhenCancelled = 0;
	let sold = false;
	let nextSequence = 1;
	const uses = new Map<number, { sequence: number; at: number; patientId: string; appointmentId: string | null }>();
	for (const entry of entries) {
		const remaining = terms.visitCount - used - expired - refunded;
		if (entry.kind === 'sale') {
			if (sold) throw new LedgerError('sold twice');
			sold = true;
			continue;
		}
		if (!sold) throw new LedgerError('entry before the sale');
		switch (entry.kind) {
			case 'payment':
				if (!isYen(entry.amountJpy) || entry.amountJpy === 0) throw new LedgerError('payment must be positive yen');
				if (cancelled) {
					// After a cancellation only what the visits given still owe may be paid.
					if (entry.amountJpy > dueWhenCancelled) throw new LedgerError('paid more than is owed');
					dueWhenCancelled -= entry.amountJpy;
				} else if (paid + entry.amountJpy > terms.priceJpy) throw new LedgerError('paid more than the price');
				paid += entry.amountJpy;
				break;
			case 'use':
				if (remaining < 1) throw new LedgerError('no visit left to use');
				if (entry.sequence !== nextSequence) throw new LedgerError('use out of sequence');
				nextSequence += 1;
				used += 1;
				uses.set(entry.sequence, entry);
				break;
			case 'reinstate':
				if (!uses.delete(entry.sequence)) throw new LedgerError('reinstating a use that is not there');
				if (cancelled || expired > 0) throw new LedgerError('reinstating into a closed package');
				used -= 1;
				break;
			case 'expiry':
				if (entry.visits < 1 || entry.visits !== remaining) throw new LedgerError('expiry must take the visits left');
				expired += entry.visits;
				break;
			case 'refund': {
				if (entry.visits < 1 || entry.visits !== remaining) throw new LedgerError('refund must take the visits left');
				if (!isYen(entry.feeJpy) || !isYen(entry.amountJpy)) throw new LedgerError('refund amounts must be yen');
				const held = heldFor(terms, paid, used + expired + refunded, remaining);
				if (entry.amountJpy + entry.feeJpy > held) throw new LedgerError('refund returns more than is held');
				// Cancelled: the visits given stay owed; the fee came out of money held.
				dueWhenCancelled = Math.max(0, valueOfFirstVisits(terms, used + expired + refunded) + entry.feeJpy - paid);
				refunded += entry.visits;
				returned += entry.amountJpy;
				cancelled = true;
				break;
			}
		}
	}
	if (!sold) throw new LedgerError('no sale');
	const remainingVisits = terms.visitCount - used - expired - refunded;
	const consumed = terms.visitCount - remainingVisits;
	const liabilityJpy = heldFor(terms, paid - returned, consumed, remainingVisits);
	const balanceDueJpy = cancelled ? dueWhenCancelled : terms.priceJpy - paid;
	const pastExpiry = today !== null && expiresOn !== null && today >= expiresOn;
	const status: PackageStatus = cancelled
		? 'refunded'
		: expired > 0 || (pastExpiry && remainingVisits > 0)
			? 'expired'
			: remainingVisits === 0
				? 'used_up'
				: 'active';
	const ordered = [...uses.values()].sort((a, b) => a.sequence - b.sequence);
	return {
		visitCount: terms.visitCount,
		usedVisits: used,
		expiredVisits: expired,
		refundedVisits: refunded,
		remainingVisits,
		priceJpy: terms.priceJpy,
		paidJpy: paid,
		returnedJpy: returned,
		balanceDueJpy,
		liabilityJpy,
		nextSequence,
		uses: ordered.map((use, index) => ({ ...use, visitNumber: index + 1 })),
		status
	};
}

/**
 * Money held for the visits still to come: what was paid beyond the value of the visits consumed,
 * never more than those visits are worth (never negative).
 */
function heldFor(terms: Pick<PackageTerms, 'visitCount' | 'priceJpy'>, paidNet: number, consumed: number, remaining: number): number {
	const beyondConsumed = paidNet - valueOfFirstVisits(terms, consumed);
	return Math.max(0, Math.min(beyondConsumed, valueOfLastVisits(terms, remaining)));
}

export type UseRefusal = 'not_active' | 'none_left' | 'expired' | 'service_not_covered' | 'not_allowed_user' | 'insured_visit';

export interface UseRequest {
	patientId: string;
	serviceId: string;
	/** The clinic-local day of the visit. */
	visitDate: string;
	/** An insured (療養費) visit never uses a package for its insured part. */
	insured: boolean;
}

export interface PackageHolder {
	holderPatientId: string;
	/** Family members named on the sale (only when the terms allow sharing). */
	familyPatientIds: readonly string[];
	expiresOn: string;
	/** The first day it may be used, when not the day of sale: a monthly plan's period starts on its renewal day (monthly.ts). */
	validFrom?: string;
	terms: Pick<PackageTerms, 'visitCount' | 'priceJpy' | 'serviceIds' | 'familyShareable'>;
}

/**
 * Whether a visit may use this package: the one rule called at the desk's marking, on completion
 * and from the API. Used on completion (or a charged no-show), never at booking.
 */
export function checkUse(
	pkg: PackageHolder,
	entries: readonly PackageEntry[],
	request: UseRequest
): { ok: true; state: PackageState } | { ok: false; code: UseRefusal } {
	const state = packageState(pkg.terms, entries, request.visitDate, pkg.expiresOn);
	if (request.insured) return { ok: false, code: 'insured_visit' };
	if (request.visitDate >= pkg.expiresOn) return { ok: false, code: 'expired' };
	if (pkg.validFrom !== undefined && request.visitDate < pkg.validFrom) return { ok: false, code: 'not_active' };
	if (state.status === 'used_up') return { ok: false, code: 'none_left' };
	if (state.status !== 'active') return { ok: false, code: 'not_active' };
	if (!pkg.terms.serviceIds.includes(request.serviceId)) return { ok: false, code: 'service_not_covered' };
	const allowed = request.patientId === pkg.holderPatientId || (pkg.terms.familyShareable && pkg.familyPatientIds.includes(request.patientId));
	if (!allowed) return { ok: false, code: 'not_allowed_user' };
	return { ok: true, state };
}

/** A payment toward a package: part payments allowed, never beyond the price, never after a refund. */
export function checkPackagePayment(
	terms: Pick<PackageTerms, 'visitCount' | 'priceJpy'>,
	entries: readonly PackageEntry[],
	amountJpy: number
): { ok: true } | { ok: false; code: 'invalid_amount' | 'nothing_due' | 'exceeds_balance' } {
	if (!isYen(amountJpy) || amountJpy === 0) return { ok: false, code: 'invalid_amount' };
	const state = packageState(terms, entries);
	if (state.balanceDueJpy === 0) return { ok: false, code: 'nothing_due' };
	if (amountJpy > state.balanceDueJpy) return { ok: false, code: 'exceeds_balance' };
	return { ok: true };
}
