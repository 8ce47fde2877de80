/*
 * The clinic's cancellation policy (issue #17): cancelling is free until N hours before the visit;
 * after that a patient may still cancel, and a late-cancellation fee is due when the clinic set
 * one. A visit the desk marks as a no-show owes the no-show fee. Without a fee the clinic keeps
 * its cutoff: after it the patient is asked to telephone instead, as before.
 */
import { localDate, toOffsetIso } from '../time';

export interface CancellationPolicy {
	version: number;
	freeUntilHours: number;
	/** 0 when the clinic charges nothing. */
	lateFeeJpy: number;
	noShowFeeJpy: number;
}

export type CancellationDecision =
	/** Free of charge; `deadline` is the last instant (exclusive) of the free window. */
	| { kind: 'free'; deadline: number; deadlineLocal: string }
	/** Still possible online, but the fee becomes due. */
	| { kind: 'late_fee'; feeJpy: number; deadline: number; deadlineLocal: string }
	/** Not online: past the cutoff without a fee, or the visit has begun or been handled. */
	| { kind: 'refused'; reason: 'past_cutoff' | 'already_cancelled' };

export interface VisitToCancel {
	status: string;
	/** Instant (ms) the visit starts. */
	startsAt: number;
}

const HOUR = 3_600_000;

/**
 * What cancelling `visit` at `now` means for the patient. `cutoffHours` is the clinic's cutoff
 * when no policy is set. The deadline is shown in the clinic's time zone.
 */
export function decideCancellation(
	policy: CancellationPolicy | null,
	cutoffHours: number,
	visit: VisitToCancel,
	now: number,
	timeZone: string
): CancellationDecision {
	if (visit.status === 'cancelled') return { kind: 'refused', reason: 'already_cancelled' };
	// Arrived, completed or no-show: the visit has begun or been handled, past any cutoff.
	if (visit.status !== 'booked' || now >= visit.startsAt) return { kind: 'refused', reason: 'past_cutoff' };
	const hours = policy ? policy.freeUntilHours : cutoffHours;
	const deadline = visit.startsAt - hours * HOUR;
	const deadlineLocal = toOffsetIso(deadline, timeZone);
	if (now < deadline) return { kind: 'free', deadline, deadlineLocal };
	if (policy && policy.lateFeeJpy > 0) return { kind: 'late_fee', feeJpy: policy.lateFeeJpy, deadline, deadlineLocal };
	return { kind: 'refused', reason: 'past_cutoff' };
}

/** The fee a no-show owes under `policy`, or null when there is none. */
export function noShowFee(policy: CancellationPolicy | null): number | null {
	return policy && policy.noShowFeeJpy > 0 ? policy.noShowFeeJpy : null;
}

/**
 * The policy a visit is held to: the version the patient ticked when booking, else the newest
 * (a visit booked by telephone is under the policy in force). Null when the clinic has none.
 */
export function policyForVisit<P extends CancellationPolicy>(policies: readonly P[], acknowledgedVersion: number | null): P | null {
	if (acknowledgedVersion !== null) {
		const ticked = policies.find((p) => p.version === acknowledgedVersion);
		if (ticked) return ticked;
	}
	return policies.reduce<P | null>((newest, p) => (newest === null || p.version > newest.version ? p : newest), null);
}

/** Whether the patient must tick the policy to book: only when it costs them something. */
export function policyNeedsAcknowledgement(policy: CancellationPolicy | null): boolean {
	return policy !== null && (policy.lateFeeJpy > 0 || policy.noShowFeeJpy > 0);
}

/** The clinic-local day a fee is dated on: the day of the missed visit. */
export function feeServiceDate(startsAt: number, timeZone: string): string {
	return localDate(startsAt, timeZone);
}
