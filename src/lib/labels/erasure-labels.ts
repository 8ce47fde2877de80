import type { ErasedTable, KeepReason } from '$lib/server/privacy/erase-patient';
import type { MessageKey } from '$lib/i18n/translate';
import type { RetentionDuty, RetentionReason } from '$lib/domain/patients/retention';

/** What an erasure keeps and why, on the deletion-requests page. */

export const ERASED_TABLE_LABELS: Record<ErasedTable, MessageKey> = {
	appointment: 'portal.table.appointment',
	intake: 'portal.table.intake',
	consent_signature: 'portal.table.consent_signature',
	outcome_check_in: 'portal.table.outcome_check_in',
	side_effect_report: 'portal.table.side_effect_report',
	aftercare_note: 'portal.table.aftercare_note',
	examination: 'portal.table.examination',
	treatment_plan: 'portal.table.treatment_plan',
	contraindication_override: 'portal.table.contraindication_override',
	treatment_session: 'portal.table.treatment_session',
	session_point: 'portal.table.session_point',
	session_amendment: 'portal.table.session_amendment',
	adverse_event: 'portal.table.adverse_event',
	clinic_instrument_score: 'portal.table.clinic_instrument_score',
	doctor_consent: 'portal.table.doctor_consent',
	charge: 'portal.table.charge',
	payment: 'portal.table.payment',
	receipt: 'portal.table.receipt',
	deletion_request: 'portal.table.deletion_request',
	patient_session: 'portal.table.patient_session',
	patient_magic_link: 'portal.table.patient_magic_link',
	line_link: 'portal.table.line_link',
	line_login_attempt: 'portal.table.line_login_attempt',
	line_delivery_failure: 'portal.table.line_delivery_failure',
	waitlist_entry: 'portal.table.waitlist_entry',
	appointment_series: 'portal.table.appointment_series',
	cancellation_fee: 'portal.table.cancellation_fee',
	recall_invitation: 'portal.table.recall_invitation',
	audit_log: 'portal.table.audit_log',
	mail_outbox: 'portal.table.mail_outbox',
	patient: 'portal.table.patient',
	eligibility_check: 'portal.table.eligibility_check',
	doctor_treatment: 'portal.table.doctor_treatment',
	package_sale: 'portal.table.package_sale',
	package_entry: 'portal.table.package_entry',
	package_family_member: 'portal.table.package_family_member',
	package_plan: 'portal.table.package_plan',
	jukyo_doctor_report: 'portal.table.jukyo_doctor_report',
	jukyo_claim_version: 'portal.table.jukyo_claim_version',
	jukyo_month_confirmation: 'portal.table.jukyo_month_confirmation',
	jukyo_claim_outcome: 'portal.table.jukyo_claim_outcome'
};

export const KEEP_REASON_LABELS: Record<KeepReason, MessageKey> = {
	treatment_record: 'portal.staffReason.treatment_record',
	accounting_record: 'portal.staffReason.accounting_record',
	ledger: 'portal.staffReason.ledger',
	request_record: 'portal.staffReason.request_record',
	audit_trail: 'portal.staffReason.audit_trail'
};

export const TREATMENT_KIND_LABELS: Record<NonNullable<RetentionDuty['lastKind']>, MessageKey> = {
	session: 'portal.staffKind.session',
	visit: 'portal.staffKind.visit',
	examination: 'portal.staffKind.examination'
};

export const KEPT_FIELDS_LABELS: Record<RetentionReason | 'none', MessageKey> = {
	treatment_record: 'portal.staffFields.treatment_record',
	accounting_record: 'portal.staffFields.accounting_record',
	none: 'portal.staffFields.none'
};
