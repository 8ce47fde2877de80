import type { WaitlistTables } from './schema-waitlist';
import type { Generated, Insertable, Selectable } from 'kysely';
import type { ConsentChannel } from '../../domain/consent/kinds';
import type { BillingTables } from './schema-billing';
import type { JukyoClaimTables } from './schema-jukyo-claim';
import type { ClaimStatusTables } from './schema-claim-status';
import type { JukyoTables } from './schema-jukyo';
import type { JukyoMonthTables } from './schema-jukyo-month';
import type { CancellationRecallTables } from './schema-cancellation-recall';
import type { ExaminationTables } from './schema-examination';
import type { OutcomeScoreTables } from './schema-outcome-scores';
import type { PlanTables } from './schema-plan';
import type { LineTables } from './schema-line';
import type { RateLimitTables } from './schema-rate-limit';
import type { SessionTables } from './schema-session';
import type { PractitionerPhotoTables } from './schema-practitioner-photo';
import type { PackageTables } from './schema-packages';

/*
 * One schema for SQLite and PostgreSQL. Instants are ISO 8601 strings in UTC (they sort as text),
 * booleans are 0/1 integers, ids are UUID strings made by the app: the same values on both engines.
 */

export type StaffRole = 'owner' | 'practitioner' | 'reception';

export interface ClinicTable {
	id: string;
	name_ja: string;
	name_en: string;
	postal_code: string;
	address_ja: string;
	address_en: string;
	phone: string;
	email: string;
	time_zone: string;
	/** No longer read (issue #16): a second factor is required of every role; see `reception_totp_optional`. */
	require_totp_for_all: number;
	access_ja: Generated<string>;
	access_en: Generated<string>;
	slot_step_minutes: Generated<number>;
	min_notice_minutes: Generated<number>;
	horizon_days: Generated<number>;
	cancellation_cutoff_hours: Generated<number>;
	/** How long a slot offered to the waiting list is held for the person offered it (0029). */
	waitlist_hold_minutes: Generated<number>;
	/** 1 when reception may read clinical content (intake answers, notes). */
	reception_reads_clinical: Generated<number>;
	/** 1 when the clinic offers cupping (吸玉), which no licence covers; the owner decides. */
	offers_cupping: Generated<number>;
	/** 1 when the owner lets reception sign in without a second factor; every other role always needs one. */
	reception_totp_optional: Generated<number>;
	/** The business operator the privacy page names (APPI); empty: the clinic's name (0020). */
	operator_name_ja: Generated<string>;
	operator_name_en: Generated<string>;
	/** The operator's representative (代表者), for a company; empty for a sole proprietor. */
	representative_ja: Generated<string>;
	representative_en: Generated<string>;
	/** The operator's address; empty: the clinic's address. */
	operator_address_ja: Generated<string>;
	operator_address_en: Generated<string>;
	/** Reminder timing per channel: hours before the visit, comma-separated, e.g. "24,2" (0032). */
	reminder_hours_mail: Generated<string>;
	reminder_hours_line: Generated<string>;
	/** The 適格請求書発行事業者 registration number ('T' + 13 digits) printed on receipts; empty: none (0028). */
	invoice_registration_number: Generated<string>;
	/** A patient without a plan is due for recall this many weeks after the last visit (0031). */
	recall_weeks: Generated<number>;
	/** 1 when a new patient's online booking waits for the desk's approval (0030). */
	approve_new_patients: Generated<number>;
	/** The most upcoming visits one patient may hold when booking online; 0: no limit (0030). */
	max_upcoming_visits: Generated<number>;
}

export interface OpeningHoursTable {
	id: string;
	clinic_id: string;
	/** 0 = Sunday … 6 = Saturday, as in `Date.getDay()`. */
	weekday: number;
	opens: string;
	closes: string;
}

export interface PractitionerTable {
	id: string;
	clinic_id: string;
	staff_id: string | null;
	family_name_ja: string;
	given_name_ja: string;
	family_name_en: string;
	given_name_en: string;
	hari_licence: string | null;
	kyu_licence: string | null;
	active: number;
	/** How many patients the practitioner may have at once (beds while needles are retained); 1 by default (0028). */
	concurrent_patients: Generated<number>;
	/** Short profile shown where the patient chooses a practitioner; '' when none (0033). */
	bio_ja: Generated<string>;
	bio_en: Generated<string>;
	/** Languages the practitioner speaks, comma-separated codes such as `ja,en`; '' when none (0033). */
	languages: Generated<string>;
}

export interface BedTable {
	id: string;
	clinic_id: string;
	name_ja: string;
	name_en: string;
	sort_order: number;
}

export interface ServiceTable {
	id: string;
	clinic_id: string;
	code: string;
	name_ja: string;
	name_en: string;
	duration_minutes: number;
	buffer_minutes: number;
	price_jpy: number;
	needs_bed: number;
	new_patient_only: number;
	bookable_online: number;
	is_add_on: number;
	sort_order: number;
	/** Minimum notice for this service's online bookings; null: the clinic's (0030). */
	min_notice_minutes: Generated<number | null>;
	/** How far ahead this service may be booked online; null: the clinic's (0030). */
	horizon_days: Generated<number | null>;
	/** Short description shown where the patient chooses a service; '' when none (0033). */
	description_ja: Generated<string>;
	description_en: Generated<string>;
}

export interface StaffTable {
	id: string;
	email: string;
	display_name: string;
	role: StaffRole;
	password_hash: string;
	totp_secret: string | null;
	totp_enabled: number;
	totp_last_counter: number | null;
	disabled: number;
	created_at: string;
	password_changed_at: string;
}

export interface StaffRecoveryCodeTable {
	id: string;
	staff_id: string;
	code_hash: string;
	used_at: string | null;
}

export interface StaffSessionTable {
	/** SHA-256 of the token in hex: the token itself is never stored. */
	id: string;
	staff_id: string;
	second_factor_done: number;
	created_at: string;
	last_seen_at: string;
	expires_at: string;
}

export interface StaffInvitationTable {
	id: string;
	token_hash: string;
	email: string;
	role: StaffRole;
	invited_by: string;
	created_at: string;
	expires_at: string;
	accepted_at: string | null;
	/** Set when the owner takes the invitation back; its link no longer works. */
	revoked_at: Generated<string | null>;
}

export interface LoginThrottleTable {
	key: string;
	failures: number;
	last_failure_at: string;
	locked_until: string | null;
}

export interface AuditLogTable {
	seq: Generated<number>;
	id: string;
	at: string;
	actor_type: 'staff' | 'patient' | 'anonymous' | 'system';
	actor_id: string | null;
	action: string;
	entity_type: string | null;
	entity_id: string | null;
	patient_id: string | null;
	ip: string | null;
	request_id: string | null;
	detail: string | null;
	prev_hash: string;
	hash: string;
}

/** The outcome of each scheduled audit-chain verification (0022). */
export interface AuditVerificationTable {
	id: string;
	at: string;
	row_count: number;
	problem_count: number;
	/** The problems (kinds and row numbers) as JSON. */
	detail: string;
}

export interface MailOutboxTable {
	id: string;
	recipient: string;
	subject: string;
	body: string;
	kind: string;
	created_at: string;
	sent_at: string | null;
	last_error: string | null;
}

export interface ContactMessageTable {
	id: string;
	created_at: string;
	name: string;
	email: string;
	phone: string;
	message: string;
	locale: 'ja' | 'en';
	sender_key: string;
	handled_at: string | null;
}

export interface ClinicClosureTable {
	date: string;
	reason_ja: Generated<string>;
	reason_en: Generated<string>;
}

export interface HolidayOpeningTable {
	date: string;
}

export interface PractitionerHoursTable {
	id: string;
	practitioner_id: string;
	weekday: number;
	starts: string;
	ends: string;
}

export interface PractitionerTimeOffTable {
	id: string;
	practitioner_id: string;
	starts_at: string;
	ends_at: string;
	note: Generated<string>;
}

export interface PractitionerServiceTable {
	practitioner_id: string;
	service_id: string;
}

export interface PatientTable {
	id: string;
	family_name: string;
	given_name: string;
	family_name_kana: string;
	given_name_kana: string;
	email: string;
	phone: string;
	date_of_birth: string | null;
	preferred_locale: 'ja' | 'en';
	created_at: string;
	patient_number: string | null;
	romaji_key: Generated<string>;
	sex: Generated<string>;
	postal_code: Generated<string>;
	address: Generated<string>;
	emergency_contact: Generated<string>;
	updated_at: string | null;
	/** Set when this record was merged into another; the survivor holds the history. */
	merged_into_id: Generated<string | null>;
	insurer_number: Generated<string>;
	insurance_symbol: Generated<string>;
	insurance_number: Generated<string>;
	insurance_branch: Generated<string>;
	/** 'booking': typed into the online booking form, not yet confirmed with the patient; 'desk': entered or confirmed by staff. */
	email_source: Generated<'booking' | 'desk'>;
	/** When the patient's data was deleted; only records under a retention duty remain (0020). */
	erased_at: Generated<string | null>;
}

export interface CounterTable {
	name: string;
	value: number;
}

export type AppointmentStatus = 'booked' | 'arrived' | 'completed' | 'no_show' | 'cancelled' | 'blocked';

export interface AppointmentTable {
	id: string;
	patient_id: string | null;
	practitioner_id: string;
	bed_id: string | null;
	service_id: string | null;
	starts_at: string;
	ends_at: string;
	held_until: string;
	status: AppointmentStatus;
	source: 'online' | 'staff' | 'walk_in' | 'block';
	first_visit: number;
	triage: string | null;
	manage_token_hash: string | null;
	locale: 'ja' | 'en';
	note: Generated<string>;
	created_at: string;
	cancelled_at: string | null;
	/** The worst red-flag level an intake for this visit reported ('emergency' | 'urgent'). */
	red_flag_level: Generated<string | null>;
	/** The self-check's level for the answers in `triage` (docs/clinical-rules.md §1); null without answers. */
	triage_level: Generated<string | null>;
	/** JSON array of the self-check's reasons, in the rules' order. */
	triage_reasons: Generated<string | null>;
	/** When the answers were given to the clinic (the booking's time). */
	triage_given_at: Generated<string | null>;
	/** When the patient answered a reminder with "I'll come" (0025). */
	confirmed_at: Generated<string | null>;
	/** When the patient answered a reminder with "I need to change" (0025). */
	change_requested_at: Generated<string | null>;
	/** Where the last answer came from: 'mail', 'line' or 'desk' (0025). */
	answered_via: Generated<'mail' | 'line' | 'desk' | null>;
	/** The cancellation policy version the patient ticked when booking (0031); null when none was shown. */
	policy_version: Generated<number | null>;
	/** The series this visit belongs to (0030). */
	series_id: Generated<string | null>;
	/** 'pending' while a new patient's online booking awaits the desk; the grains are held meanwhile (0030). */
	approval: Generated<'pending' | 'approved' | null>;
	/** A no-show's time is free from this instant on (0034); null while the visit holds all of it. */
	released_from: Generated<string | null>;
}

/** Visits booked together from a treatment plan (issue #17). */
export interface AppointmentSeriesTable {
	id: string;
	patient_id: string;
	plan_id: string | null;
	service_id: string;
	practitioner_id: string;
	planned_visits: number;
	created_by: string;
	created_at: string;
}

export interface OccupancyTable {
	resource: string;
	grain_start: string;
	appointment_id: string;
}

export interface IdempotencyKeyTable {
	key: string;
	request_hash: string;
	status_code: number | null;
	body: string | null;
	created_at: string;
}

export interface JobTable {
	id: string;
	kind: string;
	payload: string;
	run_at: string;
	attempts: Generated<number>;
	locked_until: string | null;
	done_at: string | null;
	last_error: string | null;
	created_at: string;
}

export interface PractitionerFeedTokenTable {
	practitioner_id: string;
	/** SHA-256 of the calendar-feed token in hex: the token itself is never stored. */
	token_hash: string;
	created_at: string;
}

export interface PatientMagicLinkTable {
	/** SHA-256 of the token in hex. */
	id: string;
	patient_id: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface PatientSessionTable {
	/** SHA-256 of the token in hex. */
	id: string;
	patient_id: string;
	created_at: string;
	last_seen_at: string;
	expires_at: string;
}

export type IntakeStatus = 'in_progress' | 'submitted';

export interface IntakeTable {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	status: IntakeStatus;
	current_step: string;
	/** JSON of the answers so far (domain/intake). */
	answers: string;
	red_flag_level: string | null;
	red_flag_acknowledged_at: string | null;
	red_flag_acknowledged_by: string | null;
	entered_by_staff_id: string | null;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
}

export interface ConsentDocumentTable {
	id: string;
	kind: string;
	version: number;
	required: number;
	title_ja: string;
	title_en: string;
	body_ja: string;
	body_en: string;
	created_at: string;
	created_by: string | null;
}

export interface ConsentSignatureTable {
	id: string;
	patient_id: string;
	document_id: string;
	/** 1 = agreed; 0 = declined or withdrawn. The newest row per kind counts. */
	agreed: number;
	signed_name: string;
	signed_at: string;
	ip: string | null;
	user_agent: string | null;
	recorded_by_staff_id: string | null;
	/** How the answer was given (0019): portal, desk, online_booking or verbal. */
	channel: Generated<ConsentChannel>;
}

export interface OutcomeCheckInTable {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	recorded_at: string;
	source: 'intake' | 'portal' | 'session';
	leg_pain: number | null;
	back_pain: number | null;
	/** JSON: [{ activity, score }] */
	psfs: string | null;
	/** JSON: [legPain, numbness, weakness, sittingPain], each 0–6 */
	sbi: string | null;
	pgic: number | null;
}

export interface SideEffectReportTable {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	created_at: string;
	kind: string;
	severity: string;
	description: string;
	handled_at: string | null;
	handled_by: string | null;
}

export interface AftercareNoteTable {
	id: string;
	patient_id: string;
	staff_id: string;
	created_at: string;
	body: string;
	shared_with_patient: number;
}

export interface DeletionRequestTable {
	id: string;
	patient_id: string;
	created_at: string;
	reason: string;
	status: 'open' | 'done' | 'declined';
	handled_at: string | null;
	handled_by: string | null;
	response: Generated<string>;
}

export interface Database
	extends
		ExaminationTables,
		PlanTables,
		SessionTables,
		OutcomeScoreTables,
		BillingTables,
		RateLimitTables,
		WaitlistTables,
		LineTables,
		CancellationRecallTables,
		JukyoClaimTables,
		JukyoTables,
		JukyoMonthTables,
		ClaimStatusTables,
		PractitionerPhotoTables,
		PackageTables {
	clinic: ClinicTable;
	opening_hours: OpeningHoursTable;
	practitioner: PractitionerTable;
	bed: BedTable;
	service: ServiceTable;
	staff: StaffTable;
	staff_recovery_code: StaffRecoveryCodeTable;
	staff_session: StaffSessionTable;
	staff_invitation: StaffInvitationTable;
	login_throttle: LoginThrottleTable;
	audit_log: AuditLogTable;
	audit_verification: AuditVerificationTable;
	mail_outbox: MailOutboxTable;
	contact_message: ContactMessageTable;
	clinic_closure: ClinicClosureTable;
	holiday_opening: HolidayOpeningTable;
	practitioner_hours: PractitionerHoursTable;
	practitioner_time_off: PractitionerTimeOffTable;
	practitioner_service: PractitionerServiceTable;
	patient: PatientTable;
	appointment: AppointmentTable;
	appointment_series: AppointmentSeriesTable;
	occupancy: OccupancyTable;
	idempotency_key: IdempotencyKeyTable;
	job: JobTable;
	practitioner_feed_token: PractitionerFeedTokenTable;
	counter: CounterTable;
	patient_magic_link: PatientMagicLinkTable;
	patient_session: PatientSessionTable;
	intake: IntakeTable;
	consent_document: ConsentDocumentTable;
	consent_signature: ConsentSignatureTable;
	outcome_check_in: OutcomeCheckInTable;
	side_effect_report: SideEffectReportTable;
	aftercare_note: AftercareNoteTable;
	deletion_request: DeletionRequestTable;
}

export type Appointment = Selectable<AppointmentTable>;
export type Patient = Selectable<PatientTable>;

export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type Clinic = Selectable<ClinicTable>;
export type Service = Selectable<ServiceTable>;
export type AuditEntry = Selectable<AuditLogTable>;
