import { ledgerOf, type Ledger, type PaymentMethod } from '../../domain/billing/payments';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findChargeState } from './billing-repository';

/* Read models of a charge and a receipt, for the desk, the PDFs and the API. Money only: no notes. */

export interface ChargeView {
	id: string;
	patientId: string;
	appointmentId: string | null;
	serviceDate: string;
	payer: 'self_pay' | 'insurance';
	consentId: string | null;
	sharePercent: number | null;
	feeScheduleFrom: string | null;
	insuranceFeeJpy: number;
	patientShareJpy: number;
	insurerClaimJpy: number;
	selfPayJpy: number;
	taxRatePercent: number;
	consumptionTaxJpy: number;
	/** What the charge asked of the patient when made (0 is owed once voided: see `ledger`). */
	chargedJpy: number;
	createdAt: string;
	voided: { reason: string; voidedAt: string; voidedBy: string } | null;
	lines: Array<{
		kind: 'service' | 'add_on' | 'insurance_fee';
		code: string;
		serviceId: string | null;
		nameJa: string;
		nameEn: string;
		quantity: number;
		unitPriceJpy: number;
		amountJpy: number;
		taxable: boolean;
	}>;
	payments: Array<{ id: string; kind: 'payment' | 'refund'; method: PaymentMethod; amountJpy: number; receivedAt: string; reason: string }>;
	receipts: Array<{ id: string; number: string; reissueOf: string | null; issuedAt: string; receivedJpy: number }>;
	ledger: Ledger;
}

/** One charge with its lines, payments, receipts and balance; null when unknown. Staff only. */
export async function getCharge(db: Db, chargeId: string, actor: AuditActor): Promise<ChargeView | null> {
	if (actor.type !== 'staff') return null;
	const state = await findChargeState(db, chargeId);
	if (!state) return null;
	const c = state.charge;
	const [voided, lines, payments, receipts] = await Promise.all([
		db.kysely.selectFrom('charge_void').selectAll().where('charge_id', '=', chargeId).executeTakeFirst(),
		db.kysely.selectFrom('charge_line').selectAll().where('charge_id', '=', chargeId).orderBy('position').execute(),
		db.kysely.selectFrom('payment').selectAll().where('charge_id', '=', chargeId).orderBy('received_at').orderBy('id').execute(),
		db.kysely
			.selectFrom('receipt')
			.select(['id', 'number', 'reissue_of', 'issued_at', 'received_jpy'])
			.where('charge_id', '=', chargeId)
			.orderBy('year')
			.orderBy('sequence')
			.execute()
	]);
	return {
		id: c.id,
		patientId: c.patient_id,
		appointmentId: c.appointment_id,
		serviceDate: c.service_date,
		payer: c.payer,
		consentId: c.consent_id,
		sharePercent: c.share_percent,
		feeScheduleFrom: c.fee_schedule_from,
		insuranceFeeJpy: c.insurance_fee_jpy,
		patientShareJpy: c.patient_share_jpy,
		insurerClaimJpy: c.insurer_claim_jpy,
		selfPayJpy: c.self_pay_jpy,
		taxRatePercent: c.tax_rate_percent,
		consumptionTaxJpy: c.consumption_tax_jpy,
		chargedJpy: c.due_jpy,
		createdAt: c.created_at,
		voided: voided ? { reason: voided.reason, voidedAt: voided.voided_at, voidedBy: voided.voided_by } : null,
		lines: lines.map((l) => ({
			kind: l.kind,
			code: l.code,
			serviceId: l.service_id,
			nameJa: l.name_ja,
			nameEn: l.name_en,
			quantity: l.quantity,
			unitPriceJpy: l.unit_price_jpy,
			amountJpy: l.amount_jpy,
			taxable: l.taxable === 1
		})),
		payments: payments.map((p) => ({ id: p.id, kind: p.kind, method: p.method, amountJpy: p.amount_jpy, receivedAt: p.received_at, reason: p.reason })),
		receipts: receipts.map((r) => ({ id: r.id, number: r.number, reissueOf: r.reissue_of, issuedAt: r.issued_at, receivedJpy: r.received_jpy })),
		ledger: ledgerOf(state.dueJpy, state.entries)
	};
}

export interface ReceiptView {
	id: string;
	number: string;
	issuedAt: string;
	/** Set on a reissued copy (再発行): the original's number. */
	reissueOfNumber: string | null;
	dueJpy: number;
	receivedJpy: number;
	consumptionTaxJpy: number;
	clinic: {
		nameJa: string;
		nameEn: string;
		postalCode: string;
		addressJa: string;
		addressEn: string;
		phone: string;
		/** The 適格請求書発行事業者 registration number ('T' + 13 digits); '' when the clinic has none. */
		invoiceRegistrationNumber: string;
	};
	patient: { id: string; patientNumber: string | null; familyName: string; givenName: string };
	charge: ChargeView;
}

/** Everything a receipt (領収書) or itemised statement (明細書) prints; null when unknown. Staff only. */
export async function getReceipt(db: Db, receiptId: string, actor: AuditActor): Promise<ReceiptView | null> {
	if (actor.type !== 'staff') return null;
	const row = await db.kysely
		.selectFrom('receipt as r')
		.innerJoin('clinic as c', 'c.id', 'r.clinic_id')
		.innerJoin('patient as p', 'p.id', 'r.patient_id')
		.leftJoin('receipt as o', 'o.id', 'r.reissue_of')
		.select(['r.id', 'r.number', 'r.issued_at', 'r.due_jpy', 'r.received_jpy', 'r.consumption_tax_jpy', 'r.charge_id', 'o.number as original_number'])
		.select([
			'c.name_ja',
			'c.name_en',
			'c.postal_code',
			'c.address_ja',
			'c.address_en',
			'c.phone',
			'c.invoice_registration_number',
			'p.id as patient_id',
			'p.patient_number',
			'p.family_name',
			'p.given_name'
		])
		.where('r.id', '=', receiptId)
		.executeTakeFirst();
	if (!row) return null;
	const charge = await getCharge(db, row.charge_id, actor);
	if (!charge) return null;
	return {
		id: row.id,
		number: row.number,
		issuedAt: row.issued_at,
		reissueOfNumber: row.original_number,
		dueJpy: row.due_jpy,
		receivedJpy: row.received_jpy,
		consumptionTaxJpy: row.consumption_tax_jpy,
		clinic: {
			nameJa: row.name_ja,
			nameEn: row.name_en,
			postalCode: row.postal_code,
			addressJa: row.address_ja,
			addressEn: row.address_en,
			phone: row.phone,
			invoiceRegistrationNumber: row.invoice_registration_number
		},
		patient: { id: row.patient_id, patientNumber: row.patient_number, familyName: row.family_name, givenName: row.given_name },
		charge
	};
}
