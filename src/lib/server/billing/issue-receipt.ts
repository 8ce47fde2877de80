import { randomUUID } from 'node:crypto';
import { ledgerOf } from '../../domain/billing/payments';
import { formatReceiptNumber, receiptYear, reissueTarget } from '../../domain/billing/receipt-number';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { isUniqueViolation } from '../booking/occupancy';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { clinicToday, findBillingClinic, findChargeState, insertReceipt, takeReceiptNumber, type BillingClinic, type ChargeState } from './billing-repository';
import type { BillingClock } from './doctor-consent';

export interface IssuedReceipt {
	id: string;
	/** '2026-000123'. */
	number: string;
	year: number;
	sequence: number;
	/** The original this copy reissues (再発行); null for an original. */
	reissueOf: string | null;
	chargeId: string;
	dueJpy: number;
	/** Paid minus refunded at the moment of issue. */
	receivedJpy: number;
	consumptionTaxJpy: number;
	issuedAt: string;
}

export type IssueReceiptResult =
	| { ok: true; receipt: IssuedReceipt }
	| { ok: false; code: 'already_issued'; receiptId: string }
	| { ok: false; code: 'not_found' | 'forbidden' | 'nothing_received' };

/**
 * Issues the receipt (領収書) for what has been received on a charge, numbered in the clinic's
 * gapless sequence for the year. A charge has one original receipt; hand out another copy with
 * `reissueReceipt`.
 */
export async function issueReceipt(db: Db, chargeId: string, actor: AuditActor, options: BillingClock = {}): Promise<IssueReceiptResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const now = options.now ?? db.clock.now();
	try {
		return await withTransaction(db, async (tx): Promise<IssueReceiptResult> => {
			const state = await findChargeState(tx, chargeId, { lock: true });
			if (!state) return { ok: false, code: 'not_found' };
			const original = await tx.kysely.selectFrom('receipt').select('id').where('charge_id', '=', chargeId).where('reissue_of', 'is', null).executeTakeFirst();
			if (original) return { ok: false, code: 'already_issued', receiptId: original.id };
			return issueNumbered(tx, await findBillingClinic(tx), state, null, actor, staffId, now);
		});
	} catch (cause) {
		// Another desk issued the original in between (the one-original index refused this one).
		if (!isUniqueViolation(cause)) throw cause;
		const original = await db.kysely.selectFrom('receipt').select('id').where('charge_id', '=', chargeId).where('reissue_of', 'is', null).executeTakeFirst();
		if (!original) throw cause;
		return { ok: false, code: 'already_issued', receiptId: original.id };
	}
}

/**
 * Issues a new copy of a receipt with its own number, marked as a reissue of the original (a copy
 * of a copy still points at the original). Amounts are those of the charge at the moment of reissue.
 */
export async function reissueReceipt(db: Db, receiptId: string, actor: AuditActor, options: BillingClock = {}): Promise<IssueReceiptResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<IssueReceiptResult> => {
		const receipt = await tx.kysely.selectFrom('receipt').select(['id', 'charge_id', 'reissue_of']).where('id', '=', receiptId).executeTakeFirst();
		if (!receipt) return { ok: false, code: 'not_found' };
		const state = await findChargeState(tx, receipt.charge_id, { lock: true });
		if (!state) return { ok: false, code: 'not_found' };
		return issueNumbered(tx, await findBillingClinic(tx), state, reissueTarget({ id: receipt.id, reissueOf: receipt.reissue_of }), actor, staffId, now);
	});
}

/**
 * Takes the next number and stores the receipt in the caller's transaction. The counter row stays
 * locked until that transaction ends (takeReceiptNumber), so concurrent issuers queue, and a receipt
 * that fails to save rolls its number back: the sequence has no gaps.
 */
async function issueNumbered(
	tx: Db,
	clinic: BillingClinic,
	state: ChargeState,
	reissueOf: string | null,
	actor: AuditActor,
	staffId: string,
	now: Date
): Promise<IssueReceiptResult> {
	const ledger = ledgerOf(state.dueJpy, state.entries);
	const receivedJpy = ledger.paidJpy - ledger.refundedJpy;
	if (receivedJpy <= 0) return { ok: false, code: 'nothing_received' };
	const year = receiptYear(clinicToday(clinic, now));
	const sequence = await takeReceiptNumber(tx, clinic.id, year);
	const receipt: IssuedReceipt = {
		id: randomUUID(),
		number: formatReceiptNumber(year, sequence),
		year,
		sequence,
		reissueOf,
		chargeId: state.charge.id,
		dueJpy: state.dueJpy,
		receivedJpy,
		consumptionTaxJpy: state.voided ? 0 : state.charge.consumption_tax_jpy,
		issuedAt: now.toISOString()
	};
	await insertReceipt(tx, {
		id: receipt.id,
		clinic_id: clinic.id,
		year,
		sequence,
		number: receipt.number,
		charge_id: receipt.chargeId,
		patient_id: state.charge.patient_id,
		reissue_of: reissueOf,
		due_jpy: receipt.dueJpy,
		received_jpy: receivedJpy,
		consumption_tax_jpy: receipt.consumptionTaxJpy,
		issued_at: receipt.issuedAt,
		issued_by: staffId
	});
	await recordAudit(tx, actor, {
		action: reissueOf === null ? 'receipt.issue' : 'receipt.reissue',
		entityType: 'receipt',
		entityId: receipt.id,
		patientId: state.charge.patient_id,
		detail: { number: receipt.number, chargeId: receipt.chargeId, receivedJpy, reissueOf }
	});
	return { ok: true, receipt };
}
