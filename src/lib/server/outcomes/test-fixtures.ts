import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { AppointmentStatus, StaffRole } from '../db/schema';
import { seedClinic } from '../seed/demo-clinic';

/*
 * Rows the outcome, side-effect and aftercare tests refer to. Every call makes new people with
 * unique e-mails, so tests in one database do not see each other's rows.
 */
const AT = '2026-01-01T00:00:00.000Z';

export async function ensureClinic(db: Db): Promise<void> {
	const clinic = await db.kysely.selectFrom('clinic').select('id').executeTakeFirst();
	if (!clinic) await seedClinic(db, false);
}

export async function insertStaff(db: Db, role: StaffRole, options: { disabled?: boolean; name?: string } = {}): Promise<{ id: string; email: string }> {
	const id = randomUUID();
	const email = `${role}-${id.slice(0, 8)}@example.jp`;
	await db.kysely
		.insertInto('staff')
		.values({
			id,
			email,
			display_name: options.name ?? `${role} ${id.slice(0, 4)}`,
			role,
			password_hash: 'x',
			totp_secret: null,
			totp_enabled: 0,
			totp_last_counter: null,
			disabled: options.disabled ? 1 : 0,
			created_at: AT,
			password_changed_at: AT
		})
		.execute();
	return { id, email };
}

export async function insertPractitioner(db: Db, staffId: string | null): Promise<string> {
	await ensureClinic(db);
	const id = randomUUID();
	await db.kysely
		.insertInto('practitioner')
		.values({
			id,
			clinic_id: 'clinic-fuji-wellness',
			staff_id: staffId,
			family_name_ja: '佐藤',
			given_name_ja: '美穂',
			family_name_en: 'Sato',
			given_name_en: 'Miho',
			hari_licence: null,
			kyu_licence: null,
			active: 1
		})
		.execute();
	return id;
}

export async function insertPatient(db: Db, options: { number?: string | null; mergedInto?: string } = {}): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			patient_number: options.number === undefined ? `P-${id.slice(0, 6)}` : options.number,
			family_name: '山田',
			given_name: '花子',
			family_name_kana: 'ヤマダ',
			given_name_kana: 'ハナコ',
			email: `${id.slice(0, 8)}@example.jp`,
			phone: '090-0000-0001',
			date_of_birth: null,
			preferred_locale: 'ja',
			created_at: AT,
			merged_into_id: options.mergedInto ?? null
		})
		.execute();
	return id;
}

export async function insertAppointment(
	db: Db,
	patientId: string,
	practitionerId: string,
	startsAt: string,
	status: AppointmentStatus = 'completed'
): Promise<string> {
	const id = randomUUID();
	const end = new Date(Date.parse(startsAt) + 45 * 60_000).toISOString();
	await db.kysely
		.insertInto('appointment')
		.values({
			id,
			patient_id: patientId,
			practitioner_id: practitionerId,
			bed_id: null,
			service_id: null,
			starts_at: startsAt,
			ends_at: end,
			held_until: end,
			status,
			source: 'staff',
			first_visit: 0,
			triage: null,
			manage_token_hash: null,
			locale: 'ja',
			created_at: AT,
			cancelled_at: status === 'cancelled' ? AT : null
		})
		.execute();
	return id;
}

/** A submitted intake with these answers (as the questionnaire stores them), made at `at`. */
export async function insertSubmittedIntake(db: Db, patientId: string, answers: object, at = AT): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('intake')
		.values({
			id,
			patient_id: patientId,
			appointment_id: null,
			status: 'submitted',
			current_step: 'review',
			answers: JSON.stringify(answers),
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: null,
			created_at: at,
			updated_at: at,
			submitted_at: at
		})
		.execute();
	return id;
}
