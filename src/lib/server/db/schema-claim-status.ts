/* The 受領委任 claim after the draft: monthly confirmations, claim versions and events, insurer payments (0043, issue #19). */
import type { Generated } from 'kysely';

export interface JukyoMonthConfirmationTable {
	id: string;
	patient_id: string;
	/** 'YYYY-MM'. */
	month: string;
	/** JSON array of the 'YYYY-MM-DD' treatment dates the signer confirmed. */
	confirmed_dates: string;
	/** Clinic-local 'YYYY-MM-DD'. */
	signed_on: string;
	signer_kind: 'patient' | 'proxy';
	signer_name: string;
	proxy_relation: Generated<string>;
	proxy_reason: Generated<string>;
	signature_kind: 'drawn' | 'typed';
	/** SVG path data (M/L only) of a drawn signature; null for a typed one. */
	signature_path: string | null;
	recorded_by: string;
	created_at: string;
}

export interface JukyoClaimVersionTable {
	id: string;
	patient_id: string;
	month: string;
	kind: 'main' | 'public_expense';
	version: number;
	previous_id: string | null;
	/** The 提出先's key (domain/jukyo-claim/claim-status.ts). */
	destination: string;
	total_jpy: number;
	claim_jpy: number;
	/** JSON: the ClaimForm as it was marked ready. */
	snapshot: string;
	created_at: string;
	created_by: string;
}

export interface JukyoClaimEventTable {
	id: string;
	claim_version_id: string;
	seq: number;
	event: 'submitted' | 'returned' | 'reopened' | 'paid';
	on_date: string;
	reason: Generated<string>;
	payment_id: string | null;
	created_at: string;
	created_by: string;
}

export interface JukyoInsurerPaymentTable {
	id: string;
	received_on: string;
	amount_jpy: number;
	destination: string;
	note: Generated<string>;
	created_at: string;
	created_by: string;
}

export interface JukyoPaymentClaimTable {
	payment_id: string;
	claim_version_id: string;
	amount_jpy: number;
}

/** A recorded insurer payment taken back (0051): its parts no longer count; one row per payment at most. */
export interface JukyoInsurerPaymentReversalTable {
	id: string;
	payment_id: string;
	reason: string;
	created_at: string;
	created_by: string;
}

/** The 転帰 of a patient's month (0050); the newest row holds. */
export interface JukyoClaimOutcomeTable {
	id: string;
	patient_id: string;
	month: string;
	outcome: 'continuing' | 'cured' | 'stopped' | 'transferred';
	recorded_at: string;
	recorded_by: string;
}

export interface ClaimStatusTables {
	jukyo_month_confirmation: JukyoMonthConfirmationTable;
	jukyo_claim_version: JukyoClaimVersionTable;
	jukyo_claim_event: JukyoClaimEventTable;
	jukyo_insurer_payment: JukyoInsurerPaymentTable;
	jukyo_payment_claim: JukyoPaymentClaimTable;
	jukyo_insurer_payment_reversal: JukyoInsurerPaymentReversalTable;
	jukyo_claim_outcome: JukyoClaimOutcomeTable;
}
