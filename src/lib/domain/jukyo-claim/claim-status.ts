import { insurerKindOf, submissionDeadline, type SubmissionTarget } from '../jukyo/registration';
import { lastDayOfMonth } from './wareki';
import { submissionTargetOf } from './summary-sheets';

/*
 * The life of a monthly 申請書 after its draft (docs/jukyo-claim.md §12), one pure rule used by the
 * claims page and every use case that moves a claim:
 *
 *   draft ──mark ready──▶ ready ──submit──▶ submitted ──pay──▶ paid
 *     ▲                    │                   │
 *     └──────reopen────────┘                 return (返戻, with the reason)
 *                                              ▼
 *                          ready ◀──mark ready (a NEW version)── returned
 *
 * "mark ready" needs a draft without blockers and freezes the form as a new version; nothing is
 * ever edited in place, so a returned claim is corrected as the next version, linked to the one
 * before. A ready claim whose records changed since goes back to draft by itself the next time
 * the desk looks at it or submits (reopenWhenChanged, the event's reason RECORDS_CHANGED) and is
 * marked ready again before it is submitted.
 *
 * A paid claim goes back to submitted when the insurer payment that paid it is reversed (a typo in
 * the amount): the reversal is its own row, and a "paid" event counts only while its payment stands
 * (liveClaimEvents), so the claim can then be paid again correctly.
 */

export const CLAIM_STATUSES = ['draft', 'ready', 'submitted', 'returned', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_EVENTS = ['submitted', 'returned', 'reopened', 'paid'] as const;
export type ClaimEventKind = (typeof CLAIM_EVENTS)[number];

const AFTER_EVENT: Record<ClaimEventKind, ClaimStatus> = { submitted: 'submitted', returned: 'returned', reopened: 'draft', paid: 'paid' };

/** The status of a patient-month 申請書 from the events of its newest version, in order (no version: a draft). */
export function claimStatusOf(latest: { events: readonly ClaimEventKind[] } | null): ClaimStatus {
	if (latest === null) return 'draft';
	return latest.events.reduce<ClaimStatus>((_, e) => AFTER_EVENT[e], 'ready');
}

/** A "paid" event counts only while its payment stands: one reversed drops out of the history that sets the status. */
export function liveClaimEvents<E extends { event: ClaimEventKind; paymentId: string | null }>(
	events: readonly E[],
	reversedPayments: ReadonlySet<string>
): E[] {
	return events.filter((e) => !(e.event === 'paid' && e.paymentId !== null && reversedPayments.has(e.paymentId)));
}

/** The reason written on the "reopened" event when the records changed under a ready claim (the page words it). */
export const RECORDS_CHANGED = 'records_changed';

export type ClaimAction =
	| { type: 'mark_ready' }
	| { type: 'reopen'; reason?: typeof RECORDS_CHANGED }
	| { type: 'submit'; on: string }
	| { type: 'return'; on: string; reason: string }
	| { type: 'pay'; on: string }
	/** The payment that paid the claim is reversed; `stillPaidJpy` is what other standing payments still pay on it. */
	| { type: 'reverse_payment'; stillPaidJpy: number };
export type ClaimActionType = ClaimAction['type'];
export const CLAIM_ACTIONS: readonly ClaimActionType[] = ['mark_ready', 'reopen', 'submit', 'return', 'pay', 'reverse_payment'];

export interface ClaimTransitionContext {
	/** The claim month, 'YYYY-MM'. */
	month: string;
	/** The clinic's today, 'YYYY-MM-DD'. */
	today: string;
	/** How many blockers the current draft has. */
	blockers: number;
	/** The records give a different form than the one frozen at "ready". */
	changedSinceReady: boolean;
	/** The day the newest version was submitted, if it was. */
	submittedOn: string | null;
}

export type ClaimTransitionRefusal = 'not_allowed' | 'blocked' | 'changed' | 'too_early' | 'future' | 'before_submission' | 'reason_required';

export type ClaimTransition =
	| {
			ok: true;
			status: ClaimStatus;
			effect: { kind: 'new_version' } | { kind: 'event'; event: ClaimEventKind; on: string; reason: string } | { kind: 'payment_reversed' };
	  }
	| { ok: false; code: ClaimTransitionRefusal };

/** Which actions a status allows at all (the page offers these). */
export const ALLOWED_ACTIONS: Record<ClaimStatus, readonly ClaimActionType[]> = {
	draft: ['mark_ready'],
	ready: ['submit', 'reopen'],
	submitted: ['return', 'pay'],
	returned: ['mark_ready'],
	paid: ['reverse_payment']
};

const monthEnd = (month: string) => `${month}-${String(lastDayOfMonth(month)).padStart(2, '0')}`;

/** The one rule for moving a 申請書: the next status and what to write, or why not. */
export function claimTransition(status: ClaimStatus, action: ClaimAction, context: ClaimTransitionContext): ClaimTransition {
	if (!ALLOWED_ACTIONS[status].includes(action.type)) return { ok: false, code: 'not_allowed' };
	switch (action.type) {
		case 'mark_ready':
			if (context.blockers > 0) return { ok: false, code: 'blocked' };
			return { ok: true, status: 'ready', effect: { kind: 'new_version' } };
		case 'reopen':
			return { ok: true, status: 'draft', effect: { kind: 'event', event: 'reopened', on: context.today, reason: action.reason ?? '' } };
		case 'submit':
			if (context.changedSinceReady) return { ok: false, code: 'changed' };
			// A month is claimed after it ends (docs/jukyo-inin.md §5).
			if (action.on <= monthEnd(context.month)) return { ok: false, code: 'too_early' };
			if (action.on > context.today) return { ok: false, code: 'future' };
			return { ok: true, status: 'submitted', effect: { kind: 'event', event: 'submitted', on: action.on, reason: '' } };
		case 'return': {
			const reason = action.reason.trim();
			if (reason === '') return { ok: false, code: 'reason_required' };
			if (action.on > context.today) return { ok: false, code: 'future' };
			if (context.submittedOn !== null && action.on < context.submittedOn) return { ok: false, code: 'before_submission' };
			return { ok: true, status: 'returned', effect: { kind: 'event', event: 'returned', on: action.on, reason } };
		}
		case 'pay':
			if (action.on > context.today) return { ok: false, code: 'future' };
			if (context.submittedOn !== null && action.on < context.submittedOn) return { ok: false, code: 'before_submission' };
			return { ok: true, status: 'paid', effect: { kind: 'event', event: 'paid', on: action.on, reason: '' } };
		case 'reverse_payment':
			// Still paid while another standing payment pays on it; otherwise back to submitted, to be paid again.
			return { ok: true, status: action.stillPaidJpy > 0 ? 'paid' : 'submitted', effect: { kind: 'payment_reversed' } };
	}
}

/**
 * A ready claim whose frozen form no longer matches the month's records (a visit, charge or
 * signature changed) goes back to draft on its own, by the same "reopen" step with the reason
 * RECORDS_CHANGED; null when nothing is to be done (not ready, or nothing changed).
 */
export function reopenWhenChanged(status: ClaimStatus, context: ClaimTransitionContext): Extract<ClaimTransition, { ok: true }> | null {
	if (status !== 'ready' || !context.changedSinceReady) return null;
	const transition = claimTransition(status, { type: 'reopen', reason: RECORDS_CHANGED }, context);
	return transition.ok ? transition : null;
}

/** Where a 申請書 goes and by when: the clinic's 提出先 for the insurer's kind, else the default routing (docs/jukyo-claim.md §7). */
export interface ClaimDestination {
	/** 'kind:<InsurerKind>' for a 提出先 the clinic set; 'kokuhoren' / 'insurer:<number>' by default; 'unknown' without an insurer number. */
	key: string;
	/** The 提出先's name as the clinic wrote it; null for a default route. */
	name: string | null;
	/** The day the claim must arrive, 'YYYY-MM-DD'; null when no 提出先 is set. */
	deadline: string | null;
}

export function claimDestination(insurerNumber: string | null, submissions: readonly SubmissionTarget[], month: string): ClaimDestination {
	if (insurerNumber === null || insurerNumber.trim() === '') return { key: 'unknown', name: null, deadline: null };
	const kind = insurerKindOf(insurerNumber);
	const target = kind === null ? undefined : submissions.find((s) => s.insurerKind === kind);
	if (target) return { key: `kind:${target.insurerKind}`, name: target.destination, deadline: submissionDeadline(target, month) };
	return { key: submissionTargetOf(insurerNumber), name: null, deadline: null };
}
