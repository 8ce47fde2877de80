import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from '../audit/audit-log';
import { occupancyRows } from '../booking/occupancy';
import { readConfig } from '../config';
import { nextPatientNumber } from '../patients/patient-repository';
import { searchPatients } from '../patients/search-patients';
import { openDatabase, type Db, type DialectName } from './database';
import { allMigrations } from './migrate';

/*
 * A clinic that has run shinkyu since 0005 (scheduling and calendar feeds, before the patient
 * register) upgrades in place: its rows survive every later migration, the register numbers its
 * patients in the order they came, and every column added since holds its default.
 */
const OLD_VERSION = '0005_ical_tokens';
const AT = '2025-04-01T00:00:00.000Z';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the 0005 schema had them
type OldSchema = Kysely<any>;

const clinic = {
	id: 'clinic-old',
	name_ja: '古い鍼灸院',
	name_en: 'Old Clinic',
	postal_code: '100-0001',
	address_ja: '東京都千代田区1-1',
	address_en: '1-1 Chiyoda, Tokyo',
	phone: '03-1111-2222',
	email: 'old@example.jp',
	time_zone: 'Asia/Tokyo',
	require_totp_for_all: 1,
	access_ja: '駅から徒歩5分',
	access_en: '5 minutes from the station',
	slot_step_minutes: 30,
	min_notice_minutes: 60,
	horizon_days: 30,
	cancellation_cutoff_hours: 48
};
const owner = {
	id: 'staff-owner',
	email: 'owner@old.example.jp',
	display_name: '院長',
	role: 'owner',
	password_hash: '$argon2id$old',
	totp_secret: null,
	totp_enabled: 0,
	totp_last_counter: null,
	disabled: 0,
	created_at: AT,
	password_changed_at: AT
};
const practitioner = {
	id: 'pr-1',
	clinic_id: clinic.id,
	staff_id: owner.id,
	family_name_ja: '鈴木',
	given_name_ja: '一郎',
	family_name_en: 'Suzuki',
	given_name_en: 'Ichiro',
	hari_licence: '第1号',
	kyu_licence: '第2号',
	active: 1
};
const bed = { id: 'bed-1', clinic_id: clinic.id, name_ja: '1番ベッド', name_en: 'Bed 1', sort_order: 1 };
const service = {
	id: 'svc-1',
	clinic_id: clinic.id,
	code: 'FOLLOW',
	name_ja: '再診',
	name_en: 'Follow-up',
	duration_minutes: 45,
	buffer_minutes: 15,
	price_jpy: 5500,
	needs_bed: 1,
	new_patient_only: 0,
	bookable_online: 1,
	is_add_on: 0,
	sort_order: 1
};
// Inserted in this order, created in the other: numbering follows created_at, not insertion.
const laterPatient = {
	id: 'pt-later',
	family_name: 'Smith',
	given_name: 'John',
	family_name_kana: '',
	given_name_kana: '',
	email: 'john@example.com',
	phone: '080-3333-4444',
	date_of_birth: null,
	preferred_locale: 'en',
	created_at: '2025-03-02T00:00:00.000Z'
};
const earlierPatient = {
	id: 'pt-earlier',
	family_name: '山田',
	given_name: '花子',
	family_name_kana: 'ヤマダ',
	given_name_kana: 'ハナコ',
	email: 'hanako@example.jp',
	phone: '090-1111-2222',
	date_of_birth: '1970-05-05',
	preferred_locale: 'ja',
	created_at: '2025-03-01T00:00:00.000Z'
};
const appointment = {
	id: 'ap-1',
	patient_id: earlierPatient.id,
	practitioner_id: practitioner.id,
	bed_id: bed.id,
	service_id: service.id,
	starts_at: '2025-04-07T01:00:00.000Z',
	ends_at: '2025-04-07T01:45:00.000Z',
	held_until: '2025-04-07T02:00:00.000Z',
	status: 'booked',
	source: 'online',
	first_visit: 0,
	triage: null,
	manage_token_hash: 'hash-of-manage-token',
	locale: 'ja',
	note: '腰から脚にかけて痛む',
	created_at: AT,
	cancelled_at: null
};
const occupancy = occupancyRows(
	appointment.id,
	[`practitioner:${practitioner.id}`, `bed:${bed.id}`],
	Date.parse(appointment.starts_at),
	Date.parse(appointment.held_until)
);

async function insertOldClinic(db: Db): Promise<void> {
	const old = db.kysely as unknown as OldSchema;
	await old.insertInto('clinic').values(clinic).execute();
	await old.insertInto('opening_hours').values({ id: 'oh-1', clinic_id: clinic.id, weekday: 1, opens: '09:00', closes: '18:00' }).execute();
	await old.insertInto('staff').values(owner).execute();
	await old.insertInto('practitioner').values(practitioner).execute();
	await old.insertInto('bed').values(bed).execute();
	await old.insertInto('service').values(service).execute();
	await old.insertInto('practitioner_service').values({ practitioner_id: practitioner.id, service_id: service.id }).execute();
	await old.insertInto('practitioner_hours').values({ id: 'ph-1', practitioner_id: practitioner.id, weekday: 1, starts: '09:00', ends: '18:00' }).execute();
	await old.insertInto('practitioner_feed_token').values({ practitioner_id: practitioner.id, token_hash: 'feed-hash', created_at: AT }).execute();
	await old.insertInto('patient').values([laterPatient, earlierPatient]).execute();
	await old.insertInto('appointment').values(appointment).execute();
	await old.insertInto('occupancy').values(occupancy).execute();
	await old
		.insertInto('mail_outbox')
		.values({
			id: 'mail-1',
			recipient: earlierPatient.email,
			subject: 'ご予約',
			body: '4月7日 10:00',
			kind: 'booking.confirmation',
			created_at: AT,
			sent_at: AT,
			last_error: null
		})
		.execute();
	await old
		.insertInto('job')
		.values({
			id: 'job-1',
			kind: 'mail.reminder',
			payload: '{"appointmentId":"ap-1"}',
			run_at: AT,
			attempts: 0,
			locked_until: null,
			done_at: null,
			last_error: null,
			created_at: AT
		})
		.execute();
	// The audit table has kept its shape since 0001; the chain written then must still verify.
	await recordAudit(db, SYSTEM_ACTOR, { action: 'booking.create', entityType: 'appointment', entityId: appointment.id, patientId: earlierPatient.id });
	await recordAudit(
		db,
		{ type: 'staff', id: owner.id, ip: '192.0.2.10', requestId: 'req-1' },
		{ action: 'patient.read', entityType: 'patient', entityId: earlierPatient.id, patientId: earlierPatient.id, detail: { view: 'chart' } }
	);
}

async function migrateTo(db: Db, name: string): Promise<void> {
	const migrations = allMigrations(db.dialect);
	const { error } = await new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } }).migrateTo(name);
	if (error) throw error;
}

async function unmigratedDatabase(dialect: DialectName): Promise<{ db: Db; remove(): void }> {
	if (dialect === 'postgres') return { db: openDatabase({ databaseUrl: await createPostgresDatabase(), poolSize: 3 }), remove: () => {} };
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-old-'));
	return { db: openDatabase({ sqliteFile: path.join(dir, 'old.sqlite') }), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe.each(DIALECTS)('a database from version %s upgraded to this one', (dialect) => {
	let db: Db;
	let remove = () => {};
	let applied: string[] = [];
	let auditBefore: unknown[] = [];

	beforeAll(async () => {
		({ db, remove } = await unmigratedDatabase(dialect));
		await migrateTo(db, OLD_VERSION);
		await insertOldClinic(db);
		auditBefore = await db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
		// What `npm start` does on finding it: migrate, and seed nothing since a clinic exists.
		const report = await prepareDatabase(db, { ...readConfig({}), seedDemo: true });
		expect(report.demoAccounts).toBeNull();
		applied = report.appliedMigrations;
	});
	afterAll(async () => {
		await db?.close();
		remove();
	});

	it('applies every migration after the old version, in order', () => {
		const names = Object.keys(allMigrations(dialect));
		expect(applied).toEqual(names.slice(names.indexOf(OLD_VERSION) + 1));
	});

	it('keeps the clinic, its staff, schedule and calendar feed as they were', async () => {
		const old = db.kysely as unknown as OldSchema;
		expect(await old.selectFrom('clinic').selectAll().execute()).toMatchObject([clinic]);
		expect(await old.selectFrom('staff').selectAll().execute()).toMatchObject([owner]);
		expect(await old.selectFrom('practitioner').selectAll().execute()).toMatchObject([practitioner]);
		expect(await old.selectFrom('bed').selectAll().execute()).toMatchObject([bed]);
		expect(await old.selectFrom('service').selectAll().execute()).toMatchObject([service]);
		expect(await old.selectFrom('practitioner_hours').select(['weekday', 'starts', 'ends']).execute()).toEqual([
			{ weekday: 1, starts: '09:00', ends: '18:00' }
		]);
		expect(await old.selectFrom('practitioner_feed_token').select('token_hash').execute()).toEqual([{ token_hash: 'feed-hash' }]);
		expect(await old.selectFrom('mail_outbox').select(['id', 'sent_at']).execute()).toEqual([{ id: 'mail-1', sent_at: AT }]);
		expect(await old.selectFrom('job').select(['id', 'done_at']).execute()).toEqual([{ id: 'job-1', done_at: null }]);
		expect(await db.kysely.selectFrom('clinic').select('id').execute()).toHaveLength(1);
	});

	it('gives the columns added since their defaults', async () => {
		const row = await db.kysely.selectFrom('clinic').select('reception_reads_clinical').executeTakeFirstOrThrow();
		expect(row.reception_reads_clinical).toBe(0);
		const patient = await db.kysely
			.selectFrom('patient')
			.select([
				'sex',
				'postal_code',
				'address',
				'emergency_contact',
				'insurer_number',
				'insurance_symbol',
				'insurance_number',
				'insurance_branch',
				'merged_into_id',
				'updated_at'
			])
			.where('id', '=', laterPatient.id)
			.executeTakeFirstOrThrow();
		expect(patient).toEqual({
			sex: '',
			postal_code: '',
			address: '',
			emergency_contact: '',
			insurer_number: '',
			insurance_symbol: '',
			insurance_number: '',
			insurance_branch: '',
			merged_into_id: null,
			updated_at: null
		});
		const booked = await db.kysely.selectFrom('appointment').selectAll().where('id', '=', appointment.id).executeTakeFirstOrThrow();
		expect(booked).toMatchObject({ ...appointment, red_flag_level: null });
	});

	it('numbers the patients in the order they came and makes them searchable by romaji', async () => {
		const patients = await db.kysely.selectFrom('patient').select(['id', 'patient_number', 'romaji_key']).orderBy('patient_number').execute();
		expect(patients).toEqual([
			{ id: earlierPatient.id, patient_number: 'P000001', romaji_key: 'yamadahanako' },
			{ id: laterPatient.id, patient_number: 'P000002', romaji_key: 'smithjohn' }
		]);
		const found = await searchPatients(db, 'yamada', SYSTEM_ACTOR);
		expect(found.map((p) => p.id)).toEqual([earlierPatient.id]);
		// The next patient registered after the upgrade continues the sequence.
		expect(await nextPatientNumber(db)).toBe('P000003');
	});

	it('keeps the booking’s occupancy, which still refuses a second booking of the same time', async () => {
		const rows = await db.kysely.selectFrom('occupancy').selectAll().orderBy('resource').orderBy('grain_start').execute();
		expect(rows).toHaveLength(occupancy.length);
		expect(rows).toEqual([...occupancy].sort((a, b) => a.resource.localeCompare(b.resource) || a.grain_start.localeCompare(b.grain_start)));
		const old = db.kysely as unknown as OldSchema;
		await old
			.insertInto('appointment')
			.values({ ...appointment, id: 'ap-2', manage_token_hash: null })
			.execute();
		await expect(
			old
				.insertInto('occupancy')
				.values({ ...occupancy[0]!, appointment_id: 'ap-2' })
				.execute()
		).rejects.toThrow();
	});

	it('keeps the audit rows as written, in a chain that still verifies and grows', async () => {
		const rows = await db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
		expect(auditBefore).toHaveLength(2);
		expect(rows.slice(0, 2)).toEqual(auditBefore);
		await recordAudit(db, SYSTEM_ACTOR, { action: 'patient.read', entityType: 'patient', entityId: laterPatient.id, patientId: laterPatient.id });
		expect(await verifyAuditChain(db)).toEqual({ rows: rows.length + 1, problems: [] });
	});
});
