import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cashChange, checkPayment, checkRefund, ledgerOf, PAYMENT_METHODS, type PaymentEntry } from './payments';

const pay = (method: PaymentEntry['method'], amountJpy: number): PaymentEntry => ({ kind: 'payment', method, amountJpy });
const refund = (method: PaymentEntry['method'], amountJpy: number): PaymentEntry => ({ kind: 'refund', method, amountJpy });

describe('payments against a charge', () => {
	it('takes partial payments by different methods until nothing is owed', () => {
		const first = checkPayment(6600, [], { method: 'cash', amountJpy: 1000 });
		expect(first).toMatchObject({ ok: true, ledger: { paidJpy: 1000, balanceJpy: 5600 } });
		const second = checkPayment(6600, [pay('cash', 1000)], { method: 'card', amountJpy: 5600 });
		expect(second).toMatchObject({ ok: true, ledger: { paidJpy: 6600, balanceJpy: 0 } });
		expect(second.ledger.byMethod.card).toEqual({ paidJpy: 5600, refundedJpy: 0 });
	});

	it('refuses paying more than is owed, or anything once settled', () => {
		expect(checkPayment(5500, [], { method: 'cash', amountJpy: 10000 })).toMatchObject({ ok: false, code: 'exceeds_balance' });
		expect(checkPayment(5500, [pay('qr', 5500)], { method: 'cash', amountJpy: 1 })).toMatchObject({ ok: false, code: 'nothing_due' });
	});

	it('refuses amounts that are not positive whole yen', () => {
		for (const amountJpy of [0, -100, 10.5, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(checkPayment(5500, [], { method: 'cash', amountJpy })).toMatchObject({ ok: false, code: 'invalid_amount' });
			expect(checkRefund(5500, [pay('cash', 5500)], { method: 'cash', amountJpy })).toMatchObject({ ok: false, code: 'invalid_amount' });
		}
	});

	it('refunds by the method paid, never more than that method kept', () => {
		const entries = [pay('cash', 2000), pay('card', 3500)];
		expect(checkRefund(5500, entries, { method: 'card', amountJpy: 3500 })).toMatchObject({ ok: true, ledger: { refundedJpy: 3500, balanceJpy: 3500 } });
		expect(checkRefund(5500, entries, { method: 'cash', amountJpy: 2001 })).toMatchObject({ ok: false, code: 'refund_exceeds_paid' });
		expect(checkRefund(5500, entries, { method: 'qr', amountJpy: 1 })).toMatchObject({ ok: false, code: 'refund_exceeds_paid' });
		expect(checkRefund(5500, [...entries, refund('cash', 1500)], { method: 'cash', amountJpy: 501 })).toMatchObject({ ok: false, code: 'refund_exceeds_paid' });
	});

	it('owes the patient money back on a voided charge (due 0) until refunded', () => {
		expect(ledgerOf(0, [pay('cash', 5500)]).balanceJpy).toBe(-5500);
		expect(checkRefund(0, [pay('cash', 5500)], { method: 'cash', amountJpy: 5500 })).toMatchObject({ ok: true, ledger: { balanceJpy: 0 } });
	});

	it('works out cash change', () => {
		expect(cashChange(10000, 6600)).toBe(3400);
		expect(cashChange(5000, 6600)).toBeNull();
	});

	it('keeps balance = due − paid + refunded and refunds within what each method kept, whatever the desk tries (property)', () => {
		const method = fc.constantFrom(...PAYMENT_METHODS);
		const attempt = fc.record({
			kind: fc.constantFrom('payment', 'refund' as const),
			method,
			amountJpy: fc.oneof(fc.integer({ min: -500, max: 8000 }), fc.double({ min: -10, max: 8000 }))
		});
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 20_000 }), fc.array(attempt, { maxLength: 30 }), (due, attempts) => {
				const accepted: PaymentEntry[] = [];
				for (const a of attempts) {
					const check = a.kind === 'payment' ? checkPayment(due, accepted, a) : checkRefund(due, accepted, a);
					if (check.ok) accepted.push(a as PaymentEntry);
				}
				const ledger = ledgerOf(due, accepted);
				const paid = accepted.filter((e) => e.kind === 'payment').reduce((s, e) => s + e.amountJpy, 0);
				const refunded = accepted.filter((e) => e.kind === 'refund').reduce((s, e) => s + e.amountJpy, 0);
				expect(ledger.balanceJpy).toBe(due - paid + refunded);
				for (const entry of accepted) expect(Number.isSafeInteger(entry.amountJpy) && entry.amountJpy > 0).toBe(true);
				for (const m of PAYMENT_METHODS) expect(ledger.byMethod[m].refundedJpy).toBeLessThanOrEqual(ledger.byMethod[m].paidJpy);
				expect(paid - refunded).toBeLessThanOrEqual(due);
			}),
			{ numRuns: 500 }
		);
	});
});
