/* Tables of money and 療養費 (issue #8, migration 0014). Database (schema.ts) includes them. */
import type { Generated } from 'kysely';

export interface DoctorConsentTable {
	id: string;
	patient_id: string;
	/** 'renewal' (再同意): the period starts on the day it was signed, not at the next treatment. */
	kind: 'initial' | 'renewal';
	doctor_name: string;
	institution: string;
	/** Clinic-local 'YYYY-MM-DD', as the other dates here. */
	signed_on: string;
	/** JSON: InsuredCondition[] (domain/billing/insured-conditions). */
	conditions: string;
	/** The doctor's wording of the diagnosis, when it adds to the codes. */
	condition_note: Generated<string>;
	/** The day the period starts; set by the first insured charge under the consent. */
	first_treatment_on: string | null;
	/** Derived from `first_treatment_on` by domain/billing/doctor-consent-validity, kept for queries. */
	expires_on: string | null;
	/* The rest of the 同意書 form (0037; docs/jukyo-inin.md §6). */
	institution_address: Generated<string>;
	symptoms: Generated<string>;
	onset_on: string | null;
	examined_on: string | null;
	home_visit_needed: Generated<number>;
	home_visit_reason: Generated<string>;
	/** 要加療期間 as the doctor wrote it. */
	care_period: Generated<string>;
	remarks: Generated<string>;
	recorded_by: string;
	created_at: string;
}

export interface ChargeTable {
	id: string;
	clinic_id: string;
	patient_id: string;
	appointment_id: string | null;
	service_date: string;
	payer: 'self_pay' | 'insurance';
	consent_id: string | null;
	share_percent: number | null;
	/** The 療養費 fee schedule (its effectiveFrom) that priced an insured visit. */
	fee_schedule_from: string | null;
	insurance_fee_jpy: number;
	patient_share_jpy: number;
	insurer_claim_jpy: number;
	/** Tax-inclusive sum of the self-pay lines. */
	self_pay_jpy: number;
	tax_rate_percent: number;
	/** The consumption tax contained in `self_pay_jpy`. */
	consumption_tax_jpy: number;
	/** What the patient owes: self_pay_jpy + patient_share_jpy. */
	due_jpy: number;
	created_at: string;
	created_by: string;
}

export interface ChargeLineTable {
	id: string;
	charge_id: string;
	position: number;
	kind: 'service' | 'add_on' | 'insurance_fee';
	code: string;
	service_id: string | null;
	/** Names as they were when charged: a receipt reprints what was billed. */
	name_ja: string;
	name_en: string;
	quantity: number;
	unit_price_jpy: number;
	amount_jpy: number;
	taxable: number;
}

/** A charge is never deleted: a void row cancels what the patient owes for it. */
export interface ChargeVoidTable {
	charge_id: string;
	reason: string;
	voided_at: string;
	voided_by: string;
}

/** The card an insured charge was made under (0016); written once with the charge. */
export interface ChargeInsuranceCardTable {
	charge_id: string;
	insurer_number: string;
	insurance_symbol: string;
	insurance_number: string;
	insurance_branch: string;
	/** The eligibility check the charge relied on (0037); null for charges made before it. */
	eligibility_check_id: string | null;
}

export interface PaymentTable {
	id: string;
	charge_id: string;
	patient_id: string;
	kind: 'payment' | 'refund';
	method: 'cash' | 'card' | 'qr' | 'bank_transfer';
	/** Always positive; `kind` says which way the money went. */
	amount_jpy: number;
	received_at: string;
	reason: Generated<string>;
	recorded_by: string;
}

export interface ReceiptCounterTable {
	clinic_id: string;
	year: number;
	/** The last sequence issued in the year. */
	value: number;
}

export interface ReceiptTable {
	id: string;
	clinic_id: string;
	year: number;
	sequence: number;
	/** '2026-000123' (domain/billing/receipt-number). */
	number: string;
	charge_id: string;
	patient_id: string;
	/** The original receipt this one reissues (再発行); null for an original. */
	reissue_of: string | null;
	due_jpy: number;
	/** Paid minus refunded when the receipt was issued. */
	received_jpy: number;
	consumption_tax_jpy: number;
	issued_at: string;
	issued_by: string;
}

export interface BillingTables {
	doctor_consent: DoctorConsentTable;
	charge: ChargeTable;
	charge_line: ChargeLineTable;
	charge_void: ChargeVoidTable;
	charge_insurance_card: ChargeInsuranceCardTable;
	payment: PaymentTable;
	receipt_counter: ReceiptCounterTable;
	receipt: ReceiptTable;
}
