import { describe, expect, it } from 'vitest';
import { claimHistory, type ClaimEventRecord } from './claim-history';

const SUBMITTED: ClaimEventRecord = { event: 'submitted', on: '2027-10-05', reason: '', paymentId: null };
const paid = (paymentId: string, on = '2027-10-19'): ClaimEventRecord => ({ event: 'paid', on, reason: '', paymentId });
const REVERSAL = { paymentId: 'p1', on: '2027-10-20', by: '受付 花子', reason: '金額の入力誤り' };

describe('claimHistory', () => {
	it('lists every event as it stands when no payment was reversed', () => {
		expect(claimHistory([SUBMITTED, paid('p1')], [])).toEqual([
			{ kind: 'event', event: 'submitted', on: '2027-10-05', reason: '', reversed: null },
			{ kind: 'event', event: 'paid', on: '2027-10-19', reason: '', reversed: null }
		]);
	});

	it('keeps a reversed payment’s paid entry, marked with the day, who and why, then the claim back to submitted, then the payment made again', () => {
		expect(claimHistory([SUBMITTED, paid('p1'), paid('p2', '2027-10-21')], [REVERSAL])).toEqual([
			{ kind: 'event', event: 'submitted', on: '2027-10-05', reason: '', reversed: null },
			{ kind: 'event', event: 'paid', on: '2027-10-19', reason: '', reversed: { on: '2027-10-20', by: '受付 花子', reason: '金額の入力誤り' } },
			{ kind: 'payment_reversed', on: '2027-10-20', status: 'submitted' },
			{ kind: 'event', event: 'paid', on: '2027-10-21', reason: '', reversed: null }
		]);
	});

	it('marks each of two reversed payments, each followed by the claim back to submitted', () => {
		const second = { paymentId: 'p2', on: '2027-10-22', by: '院長', reason: '二重入力' };
		const history = claimHistory([SUBMITTED, paid('p1'), paid('p2', '2027-10-21')], [second, REVERSAL]);
		expect(history.map((h) => (h.kind === 'event' ? `${h.event}${h.reversed ? ` reversed ${h.reversed.on}` : ''}` : `→ ${h.status} ${h.on}`))).toEqual([
			'submitted',
			'paid reversed 2027-10-20',
			'→ submitted 2027-10-20',
			'paid reversed 2027-10-22',
			'→ submitted 2027-10-22'
		]);
	});

	it('ignores a reversal of a payment that is not in this history, and never marks an event other than paid', () => {
		const returned: ClaimEventRecord = { event: 'returned', on: '2027-10-10', reason: '続柄の記載漏れ', paymentId: null };
		expect(claimHistory([SUBMITTED, returned], [{ ...REVERSAL, paymentId: 'p9' }])).toEqual([
			{ kind: 'event', event: 'submitted', on: '2027-10-05', reason: '', reversed: null },
			{ kind: 'event', event: 'returned', on: '2027-10-10', reason: '続柄の記載漏れ', reversed: null }
		]);
	});
});
