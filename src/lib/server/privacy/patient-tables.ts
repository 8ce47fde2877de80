import type { Database } from '../db/schema';

/*
 * Every table with a `patient_id` column, and what deleting a patient's data does to its rows
 * (docs/clinical-rules.md §6). A test reads the schema of both engines and fails when a table with
 * a `patient_id` is missing here, so a new table cannot hold personal data that deletion forgets.
 * The eraser (erase-patient.ts) handles each kind explicitly.
 */

export type TableHandling =
	/** Part of the 施術録: kept while the treatment-record duty holds, then deleted. */
	| 'treatment_record'
	/** An appointment: a completed visit is a treatment record; one a kept row refers to stays; the rest go. */
	| 'visit'
	/** An intake: a submitted one is a treatment record; one left in progress goes. */
	| 'questionnaire'
	/** The doctor's consent (同意書): a treatment record, and kept while a charge refers to it. */
	| 'doctor_consent'
	/** A 資格確認 (issue #19): part of the 施術録, and kept with the books while a charge relied on it. */
	| 'eligibility_check'
	/** Money: kept for the tax rules, and never deleted by the schema (migration 0014). */
	| 'accounting_record'
	/** The deletion request itself: kept as the record of how it was answered. */
	| 'request_record'
	/** Sign-in material: always deleted. */
	| 'sign_in'
	/** A wish to be offered a freed time (issue #17): never a record, always deleted with its offers. */
	| 'waiting_list'
	/** Visits booked together (issue #17): only a grouping; it goes, and kept visits lose the link. */
	| 'series'
	/** That the clinic invited the patient back (issue #17): never a record, always deleted. */
	| 'invitation'
	/** The insert-only audit trail: ids and facts, never personal details. */
	| 'audit_trail';

export const PATIENT_TABLES = {
	appointment: 'visit',
	intake: 'questionnaire',
	consent_signature: 'treatment_record',
	outcome_check_in: 'treatment_record',
	side_effect_report: 'treatment_record',
	aftercare_note: 'treatment_record',
	examination: 'treatment_record',
	treatment_plan: 'treatment_record',
	contraindication_override: 'treatment_record',
	treatment_session: 'treatment_record',
	adverse_event: 'treatment_record',
	clinic_instrument_score: 'treatment_record',
	doctor_consent: 'doctor_consent',
	eligibility_check: 'eligibility_check',
	// That a doctor treats the condition under insurance (issue #19): part of the 施術録.
	doctor_treatment: 'treatment_record',
	// The 施術報告書 given to the doctor (issue #19): a copy is kept with the 施術録.
	jukyo_doctor_report: 'treatment_record',
	charge: 'accounting_record',
	payment: 'accounting_record',
	receipt: 'accounting_record',
	// A late-cancellation or no-show fee is money owed (issue #17): kept with the books.
	cancellation_fee: 'accounting_record',
	// Prepaid courses (issue #18): the sale, its ledger and who may use it are kept with the books.
	package_sale: 'accounting_record',
	package_entry: 'accounting_record',
	package_family_member: 'accounting_record',
	// A monthly plan (issue #18): the terms it was sold on, kept with its months' sales.
	package_plan: 'accounting_record',
	// The month's 申請書 as marked ready and the patient's signed confirmation of its days (issue #19):
	// the claim's papers, kept with the books.
	jukyo_claim_version: 'accounting_record',
	jukyo_month_confirmation: 'accounting_record',
	jukyo_claim_outcome: 'accounting_record',
	deletion_request: 'request_record',
	patient_session: 'sign_in',
	patient_magic_link: 'sign_in',
	// The LINE link, its login attempts and failed pushes: channel material, deleted like sign-in (issue #20).
	line_link: 'sign_in',
	line_login_attempt: 'sign_in',
	line_delivery_failure: 'sign_in',
	waitlist_entry: 'waiting_list',
	appointment_series: 'series',
	recall_invitation: 'invitation',
	audit_log: 'audit_trail'
} as const satisfies Partial<Record<keyof Database, TableHandling>>;

export type PatientTable = keyof typeof PATIENT_TABLES;

export const PATIENT_TABLE_NAMES = Object.keys(PATIENT_TABLES) as PatientTable[];

/** Tables that hang off a treatment session rather than off the patient. */
export const SESSION_CHILD_TABLES = ['session_point', 'session_amendment'] as const;
