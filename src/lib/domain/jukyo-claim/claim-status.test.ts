import { describe, expect, it } from 'vitest';
import {
	ALLOWED_ACTIONS,
	CLAIM_ACTIONS,
	CLAIM_STATUSES,
	claimDestination,
	claimStatusOf,
	claimTransition,
	liveClaimEvents,
	RECORDS_CHANGED,
	reopenWhenChanged,
	type ClaimAction,
	type ClaimActionType,
	type ClaimTransitionContext
} from './claim-status';

const CONTEXT: ClaimTransitionContext = { month: '2026-11', today: '2026-12-20', blockers: 0, changedSinceReady: false, submittedOn: null };
const ACTION: Record<ClaimActionType, ClaimAction> = {
	mark_ready: { type: 'mark_ready' },
	reopen: { type: 'reopen' },
	submit: { type: 'submit', on: '2026-12-05' },
	return: { type: 'return', on: '2026-12-18', reason: '続柄の記載漏れ' },
	pay: { type: 'pay', on: '2026-12-19' },
	reverse_payment: { type: 'reverse_payment', stillPaidJpy: 0 }
};

describe('claimTransition: every status and action', () => {
	const expected: Record<string, string | null> = {
		'draft:mark_ready': 'ready',
		'ready:submit': 'submitted',
		'ready:reopen': 'draft',
		'submitted:return': 'returned',
		'submitted:pay': 'paid',
		'returned:mark_ready': 'ready',
		'paid:reverse_payment': 'submitted'
	};
	for (const status of CLAIM_STATUSES) {
		for (const action of CLAIM_ACTIONS) {
			const to = expected[`${status}:${action}`] ?? null;
			it(`${status} + ${action} → ${to ?? 'refused'}`, () => {
				const result = claimTransition(status, ACTION[action], { ...CONTEXT, submittedOn: '2026-12-05' });
				if (to === null) expect(result).toEqual({ ok: false, code: 'not_allowed' });
				else expect(result).toMatchObject({ ok: true, status: to });
				expect(ALLOWED_ACTIONS[status].includes(action)).toBe(to !== null);
			});
		}
	}

	it('freezes a new version on "mark ready", from a draft and from a returned claim alike', () => {
		expect(claimTransition('draft', ACTION.mark_ready, CONTEXT)).toEqual({ ok: true, status: 'ready', effect: { kind: 'new_version' } });
		expect(claimTransition('returned', ACTION.mark_ready, CONTEXT)).toEqual({ ok: true, status: 'ready', effect: { kind: 'new_version' } });
	});

	it('refuses "mark ready" while the draft has a blocker', () => {
		expect(claimTransition('draft', ACTION.mark_ready, { ...CONTEXT, blockers: 1 })).toEqual({ ok: false, code: 'blocked' });
		expect(claimTransition('returned', ACTION.mark_ready, { ...CONTEXT, blockers: 2 })).toEqual({ ok: false, code: 'blocked' });
	});

	it('submits after the month ends, not in the future, and only what was frozen', () => {
		expect(claimTransition('ready', { type: 'submit', on: '2026-11-30' }, CONTEXT)).toEqual({ ok: false, code: 'too_early' });
		expect(claimTransition('ready', { type: 'submit', on: '2026-12-01' }, CONTEXT)).toEqual({
			ok: true,
			status: 'submitted',
			effect: { kind: 'event', event: 'submitted', on: '2026-12-01', reason: '' }
		});
		expect(claimTransition('ready', { type: 'submit', on: '2026-12-21' }, CONTEXT)).toEqual({ ok: false, code: 'future' });
		expect(claimTransition('ready', ACTION.submit, { ...CONTEXT, changedSinceReady: true })).toEqual({ ok: false, code: 'changed' });
		// February ends on the 28th in 2027.
		expect(claimTransition('ready', { type: 'submit', on: '2027-03-01' }, { ...CONTEXT, month: '2027-02', today: '2027-03-10' })).toMatchObject({ ok: true });
		expect(claimTransition('ready', { type: 'submit', on: '2027-02-28' }, { ...CONTEXT, month: '2027-02', today: '2027-03-10' })).toEqual({
			ok: false,
			code: 'too_early'
		});
	});

	it('returns with a reason, on or after the submission, never in the future', () => {
		const submitted = { ...CONTEXT, submittedOn: '2026-12-05' };
		expect(claimTransition('submitted', { type: 'return', on: '2026-12-18', reason: '  ' }, submitted)).toEqual({ ok: false, code: 'reason_required' });
		expect(claimTransition('submitted', { type: 'return', on: '2026-12-04', reason: 'x' }, submitted)).toEqual({ ok: false, code: 'before_submission' });
		expect(claimTransition('submitted', { type: 'return', on: '2026-12-21', reason: 'x' }, submitted)).toEqual({ ok: false, code: 'future' });
		expect(claimTransition('submitted', { type: 'return', on: '2026-12-05', reason: ' 記号番号誤り ' }, submitted)).toEqual({
			ok: true,
			status: 'returned',
			effect: { kind: 'event', event: 'returned', on: '2026-12-05', reason: '記号番号誤り' }
		});
	});

	it('is paid on or after the submission, never in the future', () => {
		const submitted = { ...CONTEXT, submittedOn: '2026-12-05' };
		expect(claimTransition('submitted', { type: 'pay', on: '2026-12-04' }, submitted)).toEqual({ ok: false, code: 'before_submission' });
		expect(claimTransition('submitted', { type: 'pay', on: '2026-12-21' }, submitted)).toEqual({ ok: false, code: 'future' });
		expect(claimTransition('submitted', { type: 'pay', on: '2026-12-20' }, submitted)).toMatchObject({ ok: true, status: 'paid' });
	});

	it('reopens a ready claim on today', () => {
		expect(claimTransition('ready', ACTION.reopen, CONTEXT)).toEqual({
			ok: true,
			status: 'draft',
			effect: { kind: 'event', event: 'reopened', on: '2026-12-20', reason: '' }
		});
	});
});

describe('reversing the payment that paid a claim', () => {
	it('takes a paid claim back to submitted when nothing else pays on it', () => {
		expect(claimTransition('paid', { type: 'reverse_payment', stillPaidJpy: 0 }, CONTEXT)).toEqual({
			ok: true,
			status: 'submitted',
			effect: { kind: 'payment_reversed' }
		});
	});
	it('leaves it paid while another standing payment still pays on it', () => {
		expect(claimTransition('paid', { type: 'reverse_payment', stillPaidJpy: 1 }, CONTEXT)).toEqual({
			ok: true,
			status: 'paid',
			effect: { kind: 'payment_reversed' }
		});
	});
	it('is refused for a claim that is not paid', () => {
		for (const status of ['draft', 'ready', 'submitted', 'returned'] as const)
			expect(claimTransition(status, { type: 'reverse_payment', stillPaidJpy: 0 }, CONTEXT)).toEqual({ ok: false, code: 'not_allowed' });
	});
	it('drops the reversed payment’s "paid" event only, so the claim can be paid again', () => {
		const events = [
			{ event: 'submitted' as const, paymentId: null },
			{ event: 'paid' as const, paymentId: 'p1' }
		];
		expect(liveClaimEvents(events, new Set())).toEqual(events);
		const live = liveClaimEvents(events, new Set(['p1']));
		expect(live).toEqual([{ event: 'submitted', paymentId: null }]);
		expect(claimStatusOf({ events: live.map((e) => e.event) })).toBe('submitted');
		const again = liveClaimEvents([...events, { event: 'paid' as const, paymentId: 'p2' }], new Set(['p1']));
		expect(claimStatusOf({ events: again.map((e) => e.event) })).toBe('paid');
		// Another payment's reversal changes nothing.
		expect(liveClaimEvents(events, new Set(['p9']))).toEqual(events);
	});
});

describe('reopenWhenChanged: a ready claim whose records changed reopens by itself', () => {
	it('reopens a ready claim whose form changed, on today, with the reason', () => {
		expect(reopenWhenChanged('ready', { ...CONTEXT, changedSinceReady: true })).toEqual({
			ok: true,
			status: 'draft',
			effect: { kind: 'event', event: 'reopened', on: '2026-12-20', reason: RECORDS_CHANGED }
		});
	});
	it('does nothing for a ready claim whose records did not change', () => {
		expect(reopenWhenChanged('ready', CONTEXT)).toBeNull();
	});
	it('does nothing for any other status, changed or not', () => {
		for (const status of ['draft', 'submitted', 'returned', 'paid'] as const) {
			expect(reopenWhenChanged(status, { ...CONTEXT, changedSinceReady: true })).toBeNull();
			expect(reopenWhenChanged(status, CONTEXT)).toBeNull();
		}
	});
	it('is the reopen step: a manual reopen carries no reason', () => {
		expect(claimTransition('ready', { type: 'reopen' }, CONTEXT)).toMatchObject({ effect: { reason: '' } });
	});
});

describe('claimStatusOf', () => {
	it('folds the newest version’s events', () => {
		expect(claimStatusOf(null)).toBe('draft');
		expect(claimStatusOf({ events: [] })).toBe('ready');
		expect(claimStatusOf({ events: ['submitted'] })).toBe('submitted');
		expect(claimStatusOf({ events: ['submitted', 'returned'] })).toBe('returned');
		expect(claimStatusOf({ events: ['submitted', 'paid'] })).toBe('paid');
		expect(claimStatusOf({ events: ['reopened'] })).toBe('draft');
	});
});

describe('claimDestination', () => {
	const submissions = [
		{ insurerKind: 'kokuho' as const, destination: '東京都国民健康保険団体連合会', deadlineDay: 10 },
		{ insurerKind: 'kyokai' as const, destination: '全国健康保険協会 東京支部', deadlineDay: 31 }
	];
	it('uses the clinic’s 提出先 and its deadline in the next month, a short month ending early', () => {
		expect(claimDestination('138057', submissions, '2026-11')).toEqual({ key: 'kind:kokuho', name: '東京都国民健康保険団体連合会', deadline: '2026-12-10' });
		expect(claimDestination('01130012', submissions, '2027-01')).toEqual({ key: 'kind:kyokai', name: '全国健康保険協会 東京支部', deadline: '2027-02-28' });
	});
	it('falls back to the default routing without a deadline, and to unknown without a number', () => {
		expect(claimDestination('39131015', submissions, '2026-11')).toEqual({ key: 'kokuhoren', name: null, deadline: null });
		expect(claimDestination('06130012', [], '2026-11')).toEqual({ key: 'insurer:06130012', name: null, deadline: null });
		expect(claimDestination(null, submissions, '2026-11')).toEqual({ key: 'unknown', name: null, deadline: null });
	});
});
