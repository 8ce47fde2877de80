import { checkPayment, checkRefund, type Ledger, type PaymentRefusal } from '../../domain/billing/payments';
import { cashChange } from '../../domain/billing/cash-change';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { findChargeState, insertPayment } from './billing-repository';
import { packageChargeClosedTo } from '../packages/visit-cover';
import type { BillingClock } from './doctor-consent';
import { fieldCodesFrom, type BillingFieldCodes } from './field-codes';
import { ZPaymentSchema, ZRefundSchema } from './schemas';

export type RecordPaymentResult =
	/** `changeJpy`: the change to hand back when cash was tendered; null otherwise. */
	| { ok: true; paymentId: string; ledger: Ledger; changeJpy: number | null }
	/** Refused by the money rules (domain/billing/payments); the ledger is as it stands. */
	| { ok: false; code: Exclude<PaymentRefusal, 'invalid_amount'>; ledger: Ledger }
	| { ok: false; code: 'invalid'; fields: BillingFieldCodes }
	| { ok: false; code: 'not_found' | 'forbidden' };

/** Takes part or all of what is owed on a charge (cash, card, QR payment, bank transfer). */
export async function recordPayment(
	db: Db,
	chargeId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: BillingClock = {}
): Promise<RecordPaymentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const parsed = ZPaymentSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { tenderedJpy, ...payment } = parsed.data;
	let changeJpy: number | null = null;
	if (payment.method === 'cash' && tenderedJpy !== null) {
		const change = cashChange(payment.amountJpy, tenderedJpy);
		if (!change.ok) return { ok: false, code: 'invalid', fields: { tenderedJpy: 'desk.error.tenderedShort' } };
		changeJpy = change.changeJpy;
	}
	const result = await addEntry(
		db,
		chargeId,
		{ kind: 'payment', ...payment, reason: '' },
		actor,
		options,
		changeJpy === null || tenderedJpy === null ? {} : { tenderedJpy, changeJpy }
	);
	return result.ok ? { ...result, changeJpy } : result;
}

/** Gives money back by the method it came in, never more than that method has kept; a reason is required. */
export async function recordRefund(
	db: Db,
	chargeId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: BillingClock = {}
): Promise<RecordPaymentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const parsed = ZRefundSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const result = await addEntry(db, chargeId, { kind: 'refund', ...parsed.data }, actor, options);
	return result.ok ? { ...result, changeJpy: null } : result;
}

interface NewEntry {
	kind: 'payment' | 'refund';
	method: 'cash' | 'card' | 'qr' | 'bank_transfer';
	amountJpy: number;
	reason: string;
}

type EntryResult = { ok: true; paymentId: string; ledger: Ledger } | Exclude<RecordPaymentResult, { ok: true }>;

async function addEntry(
	db: Db,
	chargeId: string,
	entry: NewEntry,
	actor: AuditActor,
	options: BillingClock,
	cash: { tenderedJpy?: number; changeJpy?: number } = {}
): Promise<EntryResult> {
	const staffId = actor.id;
	if (!staffId) return { ok: false, code: 'forbidden' };
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<EntryResult> => {
		const state = await findChargeState(tx, chargeId, { lock: true });
		if (!state) return { ok: false, code: 'not_found' };
		// A prepaid course's money goes back only through its refund, which computes it (issue #18).
		const closed = await packageChargeClosedTo(tx, chargeId, entry.kind);
		if (closed) return { ok: false, code: 'invalid', fields: { _: closed } };
		const check = (entry.kind === 'payment' ? checkPayment : checkRefund)(state.dueJpy, state.entries, entry);
		if (!check.ok) {
			// Schema-valid amounts are whole positive yen, so 'invalid_amount' cannot happen here.
			if (check.code === 'invalid_amount') return { ok: false, code: 'invalid', fields: { amountJpy: 'billing.error.amount' } };
			return { ok: false, code: check.code, ledger: check.ledger };
		}
		const paymentId = await insertPayment(tx, {
			charge_id: chargeId,
			patient_id: state.charge.patient_id,
			kind: entry.kind,
			method: entry.method,
			amount_jpy: entry.amountJpy,
			received_at: now.toISOString(),
			reason: entry.reason,
			recorded_by: staffId
		});
		await recordAudit(tx, actor, {
			action: entry.kind === 'payment' ? 'payment.record' : 'payment.refund',
			entityType: 'payment',
			entityId: paymentId,
			patientId: state.charge.patient_id,
			detail: { chargeId, method: entry.method, amountJpy: entry.amountJpy, balanceJpy: check.ledger.balanceJpy, ...cash }
		});
		return { ok: true, paymentId, ledger: check.ledger };
	});
}
