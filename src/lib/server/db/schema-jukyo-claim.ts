import type { Generated } from 'kysely';

/** Dated 療養費 fees and consent rules for the monthly 受領委任 claim (0038, issue #19). */
export interface JukyoFeeVersionTable {
	id: string;
	effective_from: string;
	share_rounding: 'yen_half_up' | 'ten_yen_half_up';
	source: string;
	created_at: string;
	/** Null for a version seeded by the migration. */
	created_by: string | null;
}

export interface JukyoFeeItemTable {
	version_id: string;
	/** A FeeItemCode (domain/jukyo-claim/fees.ts). */
	code: string;
	amount_jpy: number;
}

export interface JukyoConsentRuleTable {
	id: string;
	effective_from: string;
	early_until_day: number;
	months_after_if_early: number;
	months_after_if_late: number;
	source: string;
	created_at: string;
	created_by: string | null;
}

/** A 施術報告書 given to the consenting doctor (0044): insert-only. */
export interface JukyoDoctorReportTable {
	id: string;
	patient_id: string;
	consent_id: string;
	/** Clinic-local 'YYYY-MM-DD'. */
	issued_on: string;
	/** The claim month carrying its 交付料 ('YYYY-MM'); null when the fee did not apply. */
	fee_month: string | null;
	/** Given without its 交付料 by the desk's choice (0052): why the fee could not land ('no_visit_yet' | 'claim_closed'); null otherwise. */
	without_fee_reason: string | null;
	/** JSON: DoctorReportContent (server/jukyo-claim/doctor-report.ts). */
	content: string;
	remarks: Generated<string>;
	issued_by: string;
	created_at: string;
}

export interface JukyoClaimTables {
	jukyo_doctor_report: JukyoDoctorReportTable;
	jukyo_fee_version: JukyoFeeVersionTable;
	jukyo_fee_item: JukyoFeeItemTable;
	jukyo_consent_rule: JukyoConsentRuleTable;
}
