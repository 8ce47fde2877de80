/* 受領委任: registration, eligibility checks, a doctor's own treatment (issue #19, migration 0037). */
import type { Generated } from 'kysely';
import type { EligibilityMethod, EligibilityResult, HolderKind, InsuranceKind } from '../../domain/jukyo/eligibility';

export interface JukyoRegistrationTable {
	clinic_id: string;
	/** JSON: JukyoRegistration (domain/jukyo/registration.ts), validated on every read and write. */
	document: string;
	updated_at: string;
	updated_by: string;
}

/** One 資格確認 at the desk; a later check supersedes, nothing is updated. */
export interface EligibilityCheckTable {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	/** Clinic-local 'YYYY-MM-DD'. */
	checked_on: string;
	checked_at: string;
	method: EligibilityMethod;
	result: EligibilityResult;
	insurance_kind: InsuranceKind | null;
	holder_kind: HolderKind | null;
	benefit_percent: number | null;
	insurer_number: Generated<string>;
	insurance_symbol: Generated<string>;
	insurance_number: Generated<string>;
	insurance_branch: Generated<string>;
	valid_from: string | null;
	valid_until: string | null;
	public_payer_number: Generated<string>;
	public_recipient_number: Generated<string>;
	note: Generated<string>;
	/** The insurer's name, for the 申請書's 申請 block (0049). */
	insurer_name: Generated<string>;
	/** The 被保険者 when the patient is a family member: name, 続柄, and address and phone if not the patient's (0049). */
	insured_name: Generated<string>;
	insured_relation: Generated<string>;
	insured_postal_code: Generated<string>;
	insured_address: Generated<string>;
	insured_phone: Generated<string>;
	/** What the patient pays under the 公費 in a month; null when not recorded (0049). */
	public_copay_monthly_jpy: Generated<number | null>;
	recorded_by: string;
	created_at: string;
}

/** A doctor treats the patient for `condition` under insurance from `since_on` (docs/jukyo-inin.md §6). */
export interface DoctorTreatmentTable {
	id: string;
	patient_id: string;
	/** InsuredCondition (domain/billing/insured-conditions). */
	condition: string;
	since_on: string;
	ended_on: string | null;
	note: Generated<string>;
	recorded_by: string;
	created_at: string;
}

export interface JukyoTables {
	jukyo_registration: JukyoRegistrationTable;
	eligibility_check: EligibilityCheckTable;
	doctor_treatment: DoctorTreatmentTable;
}
