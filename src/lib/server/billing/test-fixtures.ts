import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { AppointmentStatus } from '../db/schema';
import { recordEligibilityCheck } from '../jukyo/eligibility';
import { ensureClinic, insertPatient, insertPractitioner, insertStaff } from '../outcomes/test-fixtures';

/*
 * Rows the billing tests charge against. Every call makes new people and services with unique
 * codes, so tests sharing one database do not see each other's rows.
 */

export interface BillingWorld {
	actor: AuditActor;
	staffId: string;
	practitionerId: string;
	followId: string;
	moxaId: string;
}

export async function billingWorld(db: Db): Promise<BillingWorld> {
	await ensureClinic(db);
	const staff = await insertStaff(db, 'reception');
	const practitionerId = await insertPractitioner(db, null);
	// はり師 and きゅう師: a 2術 visit may be charged to insurance (docs/clinical-rules.md §6).
	await db.kysely.updateTable('practitioner').set({ hari_licence: '第1号', kyu_licence: '第2号' }).where('id', '=', practitionerId).execute();
	const followId = await insertService(db, 'FOLLOW', '再診（鍼治療）', 'Follow-up treatment', 5500, false);
	const moxaId = await insertService(db, 'MOXA', 'お灸（追加）', 'Moxibustion add-on', 1100, true);
	return { actor: { type: 'staff', id: staff.id, ip: null, requestId: null }, staffId: staff.id, practitionerId, followId, moxaId };
}

async function insertService(db: Db, code: string, ja: string, en: string, price: number, addOn: boolean): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('service')
		.values({
			id,
			clinic_id: 'clinic-fuji-wellness',
			code: `${code}-${id.slice(0, 6)}`,
			name_ja: ja,
			name_en: en,
			duration_minutes: addOn ? 15 : 45,
			buffer_minutes: 0,
			price_jpy: price,
			needs_bed: 0,
			new_patient_only: 0,
			bookable_online: addOn ? 0 : 1,
			is_add_on: addOn ? 1 : 0,
			sort_order: 0
		})
		.execute();
	return id;
}

/** A patient with an insurance card on record (insurer number set) unless told otherwise. */
export async function insuredPatient(db: Db, options: { insurerNumber?: string } = {}): Promise<string> {
	const id = await insertPatient(db);
	await db.kysely
		.updateTable('patient')
		.set({ insurer_number: options.insurerNumber ?? '06130012', insurance_symbol: '12', insurance_number: '345' })
		.where('id', '=', id)
		.execute();
	return id;
}

/** A visit of the follow-up service starting at `startsAt` (UTC ISO). */
export async function insertVisit(db: Db, world: BillingWorld, patientId: string, startsAt: string, status: AppointmentStatus = 'completed'): Promise<string> {
	const id = randomUUID();
	const end = new Date(Date.parse(startsAt) + 45 * 60_000).toISOString();
	await db.kysely
		.insertInto('appointment')
		.values({
			id,
			patient_id: patientId,
			practitioner_id: world.practitionerId,
			bed_id: null,
			service_id: world.followId,
			starts_at: startsAt,
			ends_at: end,
			held_until: end,
			status,
			source: 'staff',
			first_visit: 0,
			triage: null,
			manage_token_hash: null,
			locale: 'ja',
			created_at: startsAt,
			cancelled_at: null
		})
		.execute();
	return id;
}

export interface SessionOptions {
	/** Needles counted out; by default all of them, and the session is closed. */
	needlesOut?: number;
	/** Needled points recorded. */
	points?: number;
	/** The treating practitioner's licences; both by default. */
	licences?: { hari: boolean; kyu: boolean };
}

/** A session record for the visit, as the practitioner left it: closed with every needle out unless told otherwise. */
export async function insertSession(
	db: Db,
	patientId: string,
	appointmentId: string,
	techniques: object,
	needlesIn: number,
	options: SessionOptions = {}
): Promise<string> {
	const staff = await insertStaff(db, 'practitioner');
	const licences = options.licences ?? { hari: true, kyu: true };
	const practitionerId = await insertPractitioner(db, staff.id);
	await db.kysely
		.updateTable('practitioner')
		.set({ hari_licence: licences.hari ? '第3号' : null, kyu_licence: licences.kyu ? '第4号' : null })
		.where('id', '=', practitionerId)
		.execute();
	const at = '2026-01-01T00:00:00.000Z';
	const needlesOut = options.needlesOut ?? needlesIn;
	const id = randomUUID();
	await db.kysely
		.insertInto('treatment_session')
		.values({
			id,
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: staff.id,
			bed_id: null,
			started_at: at,
			closed_at: options.needlesOut === undefined && !options.points ? at : null,
			pre_leg_pain: null,
			pre_back_pain: null,
			check_in_id: null,
			timer_started_at: null,
			techniques: JSON.stringify(techniques),
			needles_in: needlesIn,
			needles_out: needlesOut,
			created_at: at,
			updated_at: at
		})
		.execute();
	for (const code of ['BL25', 'GB30', 'BL40', 'BL23', 'GB34'].slice(0, options.points ?? 0)) {
		await db.kysely
			.insertInto('session_point')
			.values({
				id: randomUUID(),
				session_id: id,
				code,
				side: 'both',
				gauge: null,
				length_mm: null,
				depth_mm: null,
				technique: null,
				deqi: null,
				created_at: at
			})
			.execute();
	}
	return id;
}

export const CONSENT_INPUT = { doctorName: '田中 一郎', institution: '江戸川中央クリニック', conditions: ['neuralgia', 'lumbago'] };

/**
 * The desk's eligibility check for the month of `checkedOn` (issue #19): an insured charge relies on
 * it. By default a マイナ保険証 check giving the card `insuredPatient` puts on record, 7割給付.
 */
export async function checkEligibility(
	db: Db,
	world: BillingWorld,
	patientId: string,
	checkedOn: string,
	fields: Record<string, unknown> = {}
): Promise<string> {
	const input = {
		method: 'myna_app',
		checkedOn,
		insuranceKind: 'shakoku',
		holderKind: 'honnin',
		benefitPercent: 70,
		insurerNumber: '06130012',
		insuranceSymbol: '12',
		insuranceNumber: '345',
		...fields
	};
	const recorded = await recordEligibilityCheck(db, patientId, input, world.actor, { now: new Date(`${checkedOn}T03:00:00.000Z`) });
	if (!recorded.ok) throw new Error(`eligibility check: ${recorded.code} ${JSON.stringify('fields' in recorded ? recorded.fields : {})}`);
	return recorded.check.id;
}
