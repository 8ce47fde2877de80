import { DELETED_TABLES, MOVED_TABLES } from '../patients/merge-patients';
import { PATIENT_TABLE_NAMES, SESSION_CHILD_TABLES } from '../privacy/patient-tables';
import type { Database } from './schema';

/*
 * One owner per table (issue #21, docs/architecture.md "One owner per table"). Each table is
 * written by one repository, a file next to its capability below src/lib/server; every other
 * module that changes the table calls that repository, passing its transaction. Other modules
 * read the table only through the owner's functions too (a file in the owner's folder).
 * table-owners.test.ts reads the server's source (table-access.ts) and fails on a write outside
 * the owner or a read outside its folder, so the rule cannot drift.
 *
 * Paths are below src/lib/server.
 */

export type Table = keyof Database;

/** The repository file that writes the table; its folder is the owning capability. */
export const TABLE_OWNERS: Record<Table, string> = {
	// Clinic settings
	clinic: 'clinic/clinic-repository.ts',
	opening_hours: 'scheduling-settings/settings-repository.ts',
	clinic_closure: 'scheduling-settings/settings-repository.ts',
	holiday_opening: 'scheduling-settings/settings-repository.ts',
	practitioner: 'scheduling-settings/settings-repository.ts',
	practitioner_hours: 'scheduling-settings/settings-repository.ts',
	practitioner_time_off: 'scheduling-settings/settings-repository.ts',
	practitioner_service: 'scheduling-settings/settings-repository.ts',
	practitioner_photo: 'scheduling-settings/practitioner-photo.ts',
	bed: 'scheduling-settings/settings-repository.ts',
	service: 'scheduling-settings/settings-repository.ts',
	cancellation_policy: 'cancellation-policy/policy-repository.ts',
	// Staff and their sign-in
	staff: 'staff/staff-repository.ts',
	staff_invitation: 'staff/staff-repository.ts',
	staff_session: 'auth/session.ts',
	staff_recovery_code: 'auth/second-factor.ts',
	login_throttle: 'auth/throttle-store.ts',
	practitioner_feed_token: 'schedule/feed-token.ts',
	// The house: audit, mail, jobs, HTTP
	audit_log: 'audit/audit-log.ts',
	audit_verification: 'audit/scheduled-verification.ts',
	mail_outbox: 'mail/mailer.ts',
	job: 'jobs/queue.ts',
	idempotency_key: 'http/idempotency.ts',
	rate_limit_entry: 'http/rate-limit-store.ts',
	contact_message: 'contact/contact-repository.ts',
	// Patients, the portal and LINE
	patient: 'patients/patient-repository.ts',
	counter: 'patients/patient-repository.ts',
	patient_magic_link: 'portal/magic-link.ts',
	patient_session: 'portal/patient-session.ts',
	deletion_request: 'portal/deletion-request.ts',
	line_link: 'line/line-repository.ts',
	line_login_attempt: 'line/line-repository.ts',
	line_connect_token: 'line/line-repository.ts',
	line_webhook_event: 'line/line-repository.ts',
	line_delivery_failure: 'line/line-repository.ts',
	// Booking and the schedule
	appointment: 'booking/appointment-repository.ts',
	// One repository: on PostgreSQL a booking writes the visit and its grains in one statement.
	occupancy: 'booking/appointment-repository.ts',
	appointment_series: 'series/series-repository.ts',
	waitlist_entry: 'waitlist/waitlist-repository.ts',
	waitlist_offer: 'waitlist/waitlist-repository.ts',
	recall_invitation: 'recall/recall-repository.ts',
	cancellation_fee: 'cancellation-policy/policy-repository.ts',
	cancellation_fee_settlement: 'cancellation-policy/policy-repository.ts',
	// The clinical record
	intake: 'intake/intake-repository.ts',
	consent_document: 'consent/consent-repository.ts',
	consent_signature: 'consent/consent-repository.ts',
	examination: 'examination/examination-repository.ts',
	treatment_plan: 'treatment-plan/plan-repository.ts',
	contraindication_override: 'treatment-plan/plan-repository.ts',
	treatment_session: 'treatment-session/session-repository.ts',
	session_point: 'treatment-session/session-repository.ts',
	session_amendment: 'treatment-session/session-repository.ts',
	adverse_event: 'treatment-session/session-repository.ts',
	outcome_check_in: 'outcomes/outcome-repository.ts',
	clinic_instrument_score: 'outcomes/instrument-score-repository.ts',
	side_effect_report: 'side-effects/side-effect-repository.ts',
	aftercare_note: 'aftercare/aftercare-repository.ts',
	// Money
	charge: 'billing/billing-repository.ts',
	charge_line: 'billing/billing-repository.ts',
	charge_void: 'billing/billing-repository.ts',
	charge_insurance_card: 'billing/billing-repository.ts',
	payment: 'billing/billing-repository.ts',
	receipt: 'billing/billing-repository.ts',
	receipt_counter: 'billing/billing-repository.ts',
	doctor_consent: 'billing/billing-repository.ts',
	charge_home_visit: 'billing/billing-repository.ts',
	package_type: 'packages/package-repository.ts',
	package_sale: 'packages/package-repository.ts',
	package_entry: 'packages/package-repository.ts',
	package_family_member: 'packages/package-repository.ts',
	appointment_package: 'packages/package-repository.ts',
	package_settings: 'packages/package-repository.ts',
	package_plan_type: 'packages/plan-repository.ts',
	package_plan: 'packages/plan-repository.ts',
	package_plan_period: 'packages/plan-repository.ts',
	appointment_plan: 'packages/plan-repository.ts',
	package_notice: 'packages/package-repository.ts',
	// 受領委任 (issue #19)
	jukyo_registration: 'jukyo/jukyo-repository.ts',
	eligibility_check: 'jukyo/jukyo-repository.ts',
	doctor_treatment: 'jukyo/jukyo-repository.ts',
	jukyo_fee_version: 'jukyo-claim/fee-versions.ts',
	jukyo_fee_item: 'jukyo-claim/fee-versions.ts',
	jukyo_consent_rule: 'jukyo-claim/consent-rules.ts',
	jukyo_doctor_report: 'jukyo-claim/doctor-report.ts',
	jukyo_month_confirmation: 'jukyo-claim/month-confirmations.ts',
	jukyo_claim_version: 'jukyo-claim/claim-workflow.ts',
	jukyo_claim_event: 'jukyo-claim/claim-workflow.ts',
	jukyo_insurer_payment: 'jukyo-claim/insurer-payments.ts',
	jukyo_payment_claim: 'jukyo-claim/insurer-payments.ts',
	jukyo_insurer_payment_reversal: 'jukyo-claim/insurer-payments.ts',
	jukyo_claim_outcome: 'jukyo-claim/claim-outcomes.ts'
};

/** Tables whose rows only their migration writes; the owner reads them. */
export const WRITTEN_BY_MIGRATION_ONLY: readonly Table[] = [];

/**
 * Writers that go over many tables by design, each with the tables it may write. The dynamic
 * ones (a table name from a list, not a literal) are allowed only here.
 */
export interface CrossCuttingWriter {
	/** A file, or a folder ending in `/`. */
	path: string;
	why: string;
	/** The tables it may write, or 'any' for the schema's own builders. */
	tables: readonly Table[] | 'any';
	dynamic?: boolean;
}

export const CROSS_CUTTING_WRITERS: readonly CrossCuttingWriter[] = [
	{
		path: 'db/migrations/',
		why: 'the migrations create every table and its fixed rows',
		tables: 'any'
	},
	{
		path: 'seed/',
		why: 'the demo clinic, written once into a new, empty database',
		tables: 'any'
	},
	{
		path: 'patients/merge-patients.ts',
		why: 'a duplicate merge moves every patient table to the survivor and deletes the sign-in material (privacy/patient-tables.ts); the patient rows change through the patient repository',
		tables: [...MOVED_TABLES, ...DELETED_TABLES],
		dynamic: true
	},
	{
		path: 'privacy/erase-patient.ts',
		why: 'deleting a patient goes over every patient table (privacy/patient-tables.ts), the session children, and what hangs off the visits: held grains, offers, course use, queued jobs and sent mail',
		tables: [
			'patient',
			...PATIENT_TABLE_NAMES,
			...SESSION_CHILD_TABLES,
			'occupancy',
			'waitlist_offer',
			'appointment_package',
			'appointment_plan',
			'job',
			'mail_outbox'
		],
		dynamic: true
	},
	{
		path: 'jobs/prune.ts',
		why: 'the daily prune deletes rows past their keeping time',
		tables: ['job', 'idempotency_key', 'mail_outbox']
	}
];

/**
 * Readers that go over a patient's whole record by design, each with the tables it may read
 * directly: the patient's own export, the FHIR export and the facts deletion decides on. They
 * read the patient tables of privacy/patient-tables.ts and the session children, never more.
 */
export interface CrossCuttingReader {
	path: string;
	why: string;
	tables: readonly Table[];
}

const PATIENT_RECORD: readonly Table[] = ['patient', ...PATIENT_TABLE_NAMES, ...SESSION_CHILD_TABLES];

export const CROSS_CUTTING_READERS: readonly CrossCuttingReader[] = [
	{
		path: 'portal/export-patient-data.ts',
		why: '"download my data": everything the clinic holds about the patient (docs/clinical-rules.md §6)',
		tables: PATIENT_RECORD
	},
	{ path: 'fhir/everything-repository.ts', why: "the FHIR export of a patient's record", tables: [...PATIENT_RECORD, 'practitioner'] },
	{ path: 'privacy/retention-facts.ts', why: 'the facts deletion decides on: what the record and the books still hold', tables: PATIENT_RECORD },
	{
		path: 'privacy/delete-never-came.ts',
		why: 'the records with no treatment and no money on the books, found in one query over the register and its visits (docs/clinical-rules.md §6)',
		tables: ['patient', 'appointment']
	}
];

/** Files that build fixtures for tests; the test checks that only tests and other fixtures import them. */
export const TEST_FIXTURE_FILE = /(^|\/)test-[a-z-]+\.ts$/;
