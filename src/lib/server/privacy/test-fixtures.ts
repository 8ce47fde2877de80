import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { AppointmentStatus } from '../db/schema';
import { ensureClinic, insertPractitioner, insertStaff } from '../outcomes/test-fixtures';

/*
 * A patient with a row in every table that holds patient data, for the deletion tests. Every call
 * makes new people, so tests sharing one database do not see each other's rows.
 */

export interface PrivacyWorld {
	staffId: string;
	practitionerId: string;
	documentId: string;
}

export async function privacyWorld(db: Db): Promise<PrivacyWorld> {
	await ensureClinic(db);
	const staff = await insertStaff(db, 'owner');
	const practitionerId = await insertPractitioner(db, staff.id);
	const documentId = randomUUID();
	await db.kysely
		.insertInto('consent_document')
		.values({
			id: documentId,
			kind: 'treatment',
			version: 1,
			required: 1,
			title_ja: '同意書',
			title_en: 'Consent',
			body_ja: '本文',
			body_en: 'Body',
			created_at: '2020-01-01T00:00:00.000Z',
			created_by: null
		})
		.execute();
	return { staffId: staff.id, practitionerId, documentId };
}

export async function insertPerson(db: Db, options: { createdAt?: string; email?: string; mergedInto?: string } = {}): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			patient_number: `P-${id.slice(0, 8)}`,
			family_name: '山田',
			given_name: '花子',
			family_name_kana: 'ヤマダ',
			given_name_kana: 'ハナコ',
			email: options.email ?? `${id.slice(0, 8)}@example.jp`,
			phone: '090-1234-5678',
			date_of_birth: '1960-03-10',
			sex: 'female',
			postal_code: '132-0031',
			address: '東京都江戸川区松島1-1-1',
			emergency_contact: '山田太郎 090-9999-9999',
			insurer_number: '06130012',
			insurance_symbol: '12',
			insurance_number: '345',
			preferred_locale: 'ja',
			created_at: options.createdAt ?? '2020-01-01T00:00:00.000Z',
			merged_into_id: options.mergedInto ?? null
		})
		.execute();
	return id;
}

export async function insertVisit(db: Db, world: PrivacyWorld, patientId: string, startsAt: string, status: AppointmentStatus): Promise<string> {
	const id = randomUUID();
	const end = new Date(Date.parse(startsAt) + 45 * 60_000).toISOString();
	await db.kysely
		.insertInto('appointment')
		.values({
			id,
			patient_id: patientId,
			practitioner_id: world.practitionerId,
			bed_id: null,
			service_id: null,
			starts_at: startsAt,
			ends_at: end,
			held_until: end,
			status,
			source: 'online',
			first_visit: 0,
			triage: null,
			manage_token_hash: null,
			locale: 'ja',
			created_at: startsAt,
			cancelled_at: status === 'cancelled' ? startsAt : null
		})
		.execute();
	return id;
}

/** A treatment session at `startedAt`, with a point, an amendment and an adverse event; none when `appointmentId` is null (a walk-in). */
export async function insertSession(db: Db, world: PrivacyWorld, patientId: string, appointmentId: string | null, startedAt: string): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('treatment_session')
		.values({
			id,
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: world.staffId,
			bed_id: null,
			started_at: startedAt,
			closed_at: startedAt,
			pre_leg_pain: null,
			pre_back_pain: null,
			check_in_id: null,
			timer_started_at: null,
			created_at: startedAt,
			updated_at: startedAt
		})
		.execute();
	await db.kysely
		.insertInto('session_point')
		.values({
			id: randomUUID(),
			session_id: id,
			code: 'BL40',
			side: 'left',
			gauge: '3',
			length_mm: 40,
			depth_mm: 10,
			technique: null,
			deqi: null,
			created_at: startedAt
		})
		.execute();
	await db.kysely
		.insertInto('session_amendment')
		.values({ id: randomUUID(), session_id: id, staff_id: world.staffId, created_at: startedAt, reason: '訂正', before: '{}', after: '{}' })
		.execute();
	await db.kysely
		.insertInto('adverse_event')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			session_id: id,
			occurred_at: startedAt,
			kind: 'bruising',
			severity: 'mild',
			outcome: 'resolved',
			staff_id: world.staffId,
			created_at: startedAt
		})
		.execute();
	return id;
}

/** The rest of a 施術録 around one visit: intake, consent, outcomes, assessment, plan, notes. */
export async function insertClinicalRecord(db: Db, world: PrivacyWorld, patientId: string, appointmentId: string, at: string): Promise<void> {
	await db.kysely
		.insertInto('intake')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			status: 'submitted',
			current_step: 'done',
			answers: '{}',
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: null,
			created_at: at,
			updated_at: at,
			submitted_at: at
		})
		.execute();
	await db.kysely
		.insertInto('consent_signature')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			document_id: world.documentId,
			agreed: 1,
			signed_name: '山田花子',
			signed_at: at,
			ip: null,
			user_agent: null,
			recorded_by_staff_id: null
		})
		.execute();
	await db.kysely
		.insertInto('outcome_check_in')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			recorded_at: at,
			source: 'session',
			leg_pain: 5,
			back_pain: 3,
			psfs: null,
			sbi: null,
			pgic: null
		})
		.execute();
	await db.kysely
		.insertInto('clinic_instrument_score')
		.values({ id: randomUUID(), patient_id: patientId, appointment_id: appointmentId, instrument_code: 'X', recorded_at: at, answers: '[1]', score: 1 })
		.execute();
	await db.kysely
		.insertInto('side_effect_report')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			created_at: at,
			kind: 'bruising',
			severity: 'mild',
			description: '',
			handled_at: null,
			handled_by: null
		})
		.execute();
	await db.kysely
		.insertInto('aftercare_note')
		.values({ id: randomUUID(), patient_id: patientId, staff_id: world.staffId, created_at: at, body: 'ストレッチ', shared_with_patient: 1 })
		.execute();
	await db.kysely
		.insertInto('examination')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: world.staffId,
			kind: 'initial',
			examined_at: at,
			findings: '{}',
			suggested_root: 'S1',
			confirmed_root: null,
			pattern: 'taiyang',
			red_flag_positive: 0,
			created_at: at,
			updated_at: at
		})
		.execute();
	const planId = randomUUID();
	await db.kysely
		.insertInto('treatment_plan')
		.values({
			id: planId,
			patient_id: patientId,
			created_by: world.staffId,
			status: 'active',
			goals: '[]',
			frequency_per_week: 1,
			planned_sessions: 6,
			review_date: at.slice(0, 10),
			points: '[]',
			electroacupuncture: 0,
			moxibustion: 0,
			bloodletting: 0,
			notes: '',
			created_at: at,
			updated_at: at
		})
		.execute();
	await db.kysely
		.insertInto('contraindication_override')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			plan_id: planId,
			session_id: null,
			alert_code: 'anticoagulants',
			conflict: '{}',
			reason: '浅刺のみ',
			staff_id: world.staffId,
			created_at: at
		})
		.execute();
}

export async function insertDoctorConsent(db: Db, world: PrivacyWorld, patientId: string, signedOn: string): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('doctor_consent')
		.values({
			id,
			patient_id: patientId,
			kind: 'initial',
			doctor_name: '田中 一郎',
			institution: '江戸川中央病院',
			signed_on: signedOn,
			conditions: '["lumbago"]',
			first_treatment_on: null,
			expires_on: null,
			recorded_by: world.staffId,
			created_at: `${signedOn}T00:00:00.000Z`
		})
		.execute();
	return id;
}

/** A charge for the visit on `serviceDate`, paid, with its receipt: rows the schema never lets anyone delete. */
export async function insertPaidCharge(
	db: Db,
	world: PrivacyWorld,
	patientId: string,
	appointmentId: string,
	serviceDate: string,
	consentId: string | null
): Promise<string> {
	const chargeId = randomUUID();
	const at = `${serviceDate}T03:00:00.000Z`;
	await db.kysely
		.insertInto('charge')
		.values({
			id: chargeId,
			clinic_id: 'clinic-fuji-wellness',
			patient_id: patientId,
			appointment_id: appointmentId,
			service_date: serviceDate,
			...(consentId
				? {
						payer: 'insurance',
						consent_id: consentId,
						share_percent: 30,
						fee_schedule_from: '2022-06-01',
						insurance_fee_jpy: 1610,
						patient_share_jpy: 483,
						insurer_claim_jpy: 1127,
						self_pay_jpy: 0,
						tax_rate_percent: 10,
						consumption_tax_jpy: 0,
						due_jpy: 483
					}
				: {
						payer: 'self_pay',
						consent_id: null,
						share_percent: null,
						fee_schedule_from: null,
						insurance_fee_jpy: 0,
						patient_share_jpy: 0,
						insurer_claim_jpy: 0,
						self_pay_jpy: 5500,
						tax_rate_percent: 10,
						consumption_tax_jpy: 500,
						due_jpy: 5500
					}),
			created_at: at,
			created_by: world.staffId
		})
		.execute();
	const due = consentId ? 483 : 5500;
	await db.kysely
		.insertInto('payment')
		.values({
			id: randomUUID(),
			charge_id: chargeId,
			patient_id: patientId,
			kind: 'payment',
			method: 'cash',
			amount_jpy: due,
			received_at: at,
			recorded_by: world.staffId
		})
		.execute();
	const year = Number(serviceDate.slice(0, 4));
	const sequence = Math.floor(Math.random() * 1e9);
	await db.kysely
		.insertInto('receipt')
		.values({
			id: randomUUID(),
			clinic_id: 'clinic-fuji-wellness',
			year,
			sequence,
			number: `${year}-${sequence}`,
			charge_id: chargeId,
			patient_id: patientId,
			reissue_of: null,
			due_jpy: due,
			received_jpy: due,
			consumption_tax_jpy: consentId ? 0 : 500,
			issued_at: at,
			issued_by: world.staffId
		})
		.execute();
	return chargeId;
}

/** Sign-in material, a pending reminder and an outbox copy of a mail, as a portal user leaves them. */
export async function insertPortalTraces(db: Db, patientId: string, email: string, bookedAppointmentId: string | null, at: string): Promise<void> {
	await db.kysely.insertInto('patient_magic_link').values({ id: randomUUID(), patient_id: patientId, created_at: at, expires_at: at, used_at: null }).execute();
	await db.kysely.insertInto('patient_session').values({ id: randomUUID(), patient_id: patientId, created_at: at, last_seen_at: at, expires_at: at }).execute();
	await db.kysely
		.insertInto('mail_outbox')
		.values({
			id: randomUUID(),
			recipient: email.toUpperCase(),
			subject: 'ご予約',
			body: '山田花子 様',
			kind: 'booking.confirmation',
			created_at: at,
			sent_at: null,
			last_error: null
		})
		.execute();
	if (bookedAppointmentId) {
		await db.kysely
			.insertInto('job')
			.values({
				id: randomUUID(),
				kind: 'mail.booking_reminder',
				payload: JSON.stringify({ appointmentId: bookedAppointmentId }),
				run_at: at,
				locked_until: null,
				done_at: null,
				last_error: null,
				created_at: at
			})
			.execute();
		await db.kysely
			.insertInto('occupancy')
			.values({ resource: `practitioner:${randomUUID()}`, grain_start: at, appointment_id: bookedAppointmentId })
			.execute();
	}
}

export async function openDeletionRequest(db: Db, patientId: string, at: string): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('deletion_request')
		.values({ id, patient_id: patientId, created_at: at, reason: 'もう通わないため', status: 'open', handled_at: null, handled_by: null })
		.execute();
	return id;
}

/** How many rows of each table refer to the patient (directly, or through a session or an appointment). */
export async function rowsOf(db: Db, patientId: string): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	const count = async (name: string, query: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => {
		counts[name] = Number((await query.executeTakeFirstOrThrow()).n);
	};
	const tables = [
		'appointment',
		'intake',
		'consent_signature',
		'outcome_check_in',
		'side_effect_report',
		'aftercare_note',
		'examination',
		'treatment_plan',
		'contraindication_override',
		'treatment_session',
		'adverse_event',
		'clinic_instrument_score',
		'doctor_consent',
		'charge',
		'payment',
		'receipt',
		'deletion_request',
		'patient_session',
		'patient_magic_link',
		'line_link',
		'line_login_attempt',
		'line_delivery_failure'
	] as const;
	for (const table of tables)
		await count(
			table,
			db.kysely
				.selectFrom(table)
				.select((eb) => eb.fn.countAll().as('n'))
				.where('patient_id', '=', patientId)
		);
	const sessions = db.kysely.selectFrom('treatment_session').select('id').where('patient_id', '=', patientId);
	for (const table of ['session_point', 'session_amendment'] as const)
		await count(
			table,
			db.kysely
				.selectFrom(table)
				.select((eb) => eb.fn.countAll().as('n'))
				.where('session_id', 'in', sessions)
		);
	const appointments = db.kysely.selectFrom('appointment').select('id').where('patient_id', '=', patientId);
	await count(
		'occupancy',
		db.kysely
			.selectFrom('occupancy')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('appointment_id', 'in', appointments)
	);
	await count(
		'patient',
		db.kysely
			.selectFrom('patient')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('id', '=', patientId)
	);
	return counts;
}
