import { isYen } from './yen';

/*
 * Payments and refunds against one charge. Rows are only ever added: a refund is a new entry,
 * never a change to the payment it returns. Balance = due − paid + refunded (positive: the patient
 * owes; negative: the clinic owes the patient, e.g. after a charge was voided).
 */

export const PAYMENT_METHODS = ['cash', 'card', 'qr', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type PaymentKind = 'payment' | 'refund';

export interface PaymentEntry {
	kind: PaymentKind;
	method: PaymentMethod;
	/** Always positive; the kind says which way the money went. */
	amountJpy: number;
}

export interface MethodTotals {
	paidJpy: number;
	refundedJpy: number;
}

export interface Ledger {
	dueJpy: number;
	paidJpy: number;
	refundedJpy: number;
	balanceJpy: number;
	byMethod: Record<PaymentMethod, MethodTotals>;
}

export type PaymentRefusal = 'invalid_amount' | 'nothing_due' | 'exceeds_balance' | 'refund_exceeds_paid';
export type PaymentCheck = { ok: true; ledger: Ledger } | { ok: false; code: PaymentRefusal; ledger: Ledger };

export function isPaymentMethod(value: string): value is PaymentMethod {
	return (PAYMENT_METHODS as readonly string[]).includes(value);
}

/** Totals of what was paid and refunded, overall and per method. */
export function ledgerOf(dueJpy: number, entries: readonly PaymentEntry[]): Ledger {
	const byMethod = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, { paidJpy: 0, refundedJpy: 0 }])) as Record<PaymentMethod, MethodTotals>;
	let paidJpy = 0;
	let refundedJpy = 0;
	for (const entry of entries) {
		if (entry.kind === 'payment') {
			byMethod[entry.method].paidJpy += entry.amountJpy;
			paidJpy += entry.amountJpy;
		} else {
			byMethod[entry.method].refundedJpy += entry.amountJpy;
			refundedJpy += entry.amountJpy;
		}
	}
	return { dueJpy, paidJpy, refundedJpy, balanceJpy: dueJpy - paidJpy + refundedJpy, byMethod };
}

/**
 * A payment may settle part or all of what is still owed, never more: the desk records what it
 * keeps, and cash change is worked out separately (`cashChange`).
 */
export function checkPayment(dueJpy: number, entries: readonly PaymentEntry[], payment: Omit<PaymentEntry, 'kind'>): PaymentCheck {
	const before = ledgerOf(dueJpy, entries);
	if (!isYen(payment.amountJpy) || payment.amountJpy === 0) return { ok: false, code: 'invalid_amount', ledger: before };
	if (before.balanceJpy <= 0) return { ok: false, code: 'nothing_due', ledger: before };
	if (payment.amountJpy > before.balanceJpy) return { ok: false, code: 'exceeds_balance', ledger: before };
	return { ok: true, ledger: ledgerOf(dueJpy, [...entries, { ...payment, kind: 'payment' }]) };
}

/** A refund returns money by the method it came in, never more than that method has kept. */
export function checkRefund(dueJpy: number, entries: readonly PaymentEntry[], refund: Omit<PaymentEntry, 'kind'>): PaymentCheck {
	const before = ledgerOf(dueJpy, entries);
	if (!isYen(refund.amountJpy) || refund.amountJpy === 0) return { ok: false, code: 'invalid_amount', ledger: before };
	const kept = before.byMethod[refund.method];
	if (refund.amountJpy > kept.paidJpy - kept.refundedJpy) return { ok: false, code: 'refund_exceeds_paid', ledger: before };
	return { ok: true, ledger: ledgerOf(dueJpy, [...entries, { ...refund, kind: 'refund' }]) };
}

/** Change to hand back for cash tendered; null when the cash does not cover the amount. */
export function cashChange(tenderedJpy: number, amountJpy: number): number | null {
	if (!isYen(tenderedJpy) || !isYen(amountJpy) || tenderedJpy < amountJpy) return null;
	return tenderedJpy - amountJpy;
}
