import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS } from '../../../../../tests/support/test-database';
import { RED_FLAG_QUESTIONS } from '../../../domain/triage/assess';
import { insertPatient, insertPractitioner, insertStaff } from '../../outcomes/test-fixtures';
import { openDatabase, type Db, type DialectName } from '../database';
import { allMigrations, migrateToLatest } from '../migrate';

async function unmigrated(dialect: DialectName): Promise<Db> {
	if (dialect === 'postgres') return openDatabase({ databaseUrl: await createPostgresDatabase(), poolSize: 2 });
	return openDatabase({ sqliteFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-0018-')), 'test.sqlite') });
}

const AT = '2026-01-10T00:00:00.000Z';

describe.each(DIALECTS)('0018_self_check_flags on %s', (dialect) => {
	let db: Db | undefined;
	afterAll(async () => db?.close());

	it('assesses answers already stored with bookings, and lets only emergency findings keep blocking', async () => {
		db = await unmigrated(dialect);
		const migrations = allMigrations(db.dialect);
		const before = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } });
		expect((await before.migrateTo('0016_charge_insurance_card')).error).toBeUndefined();
		// The clinic row as 0016 knew it: today's seed writes columns that later migrations add.
		await db.kysely
			.insertInto('clinic')
			.values({
				id: 'clinic-fuji-wellness',
				name_ja: '鍼灸院',
				name_en: 'Clinic',
				postal_code: '',
				address_ja: '',
				address_en: '',
				phone: '',
				email: '',
				time_zone: 'Asia/Tokyo',
				require_totp_for_all: 0,
				access_ja: '',
				access_en: ''
			} as never)
			.execute();

		const staff = await insertStaff(db, 'practitioner');
		const practitionerId = await insertPractitioner(db, staff.id);
		const patientId = await insertPatient(db);
		const answers = { ...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, q === 'worsening'])), age: 40, durationDays: 10, painNrs: 3 };
		const appointment = (triage: string | null) => ({
			id: randomUUID(),
			patient_id: patientId,
			practitioner_id: practitionerId,
			bed_id: null,
			service_id: null,
			starts_at: '2026-01-20T01:00:00.000Z',
			ends_at: '2026-01-20T01:45:00.000Z',
			held_until: '2026-01-20T01:55:00.000Z',
			status: 'booked' as const,
			source: 'online' as const,
			first_visit: 1,
			triage,
			manage_token_hash: null,
			locale: 'ja' as const,
			created_at: AT,
			cancelled_at: null
		});
		const answered = appointment(JSON.stringify(answers));
		const damaged = appointment('{"not":"answers"}');
		const none = appointment(null);
		await db.kysely.insertInto('appointment').values([answered, damaged, none]).execute();
		const exam = (flags: string[]) => ({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: null,
			practitioner_staff_id: staff.id,
			kind: 'initial' as const,
			examined_at: AT,
			findings: JSON.stringify({ side: 'right', redFlags: flags }),
			suggested_root: null,
			confirmed_root: null,
			pattern: null,
			red_flag_positive: 1,
			created_at: AT,
			updated_at: AT
		});
		const seeDoctor = exam(['worsening']);
		const urgent = exam(['cancerHistory']);
		const emergency = exam(['cancerHistory', 'saddleNumbness']);
		await db.kysely.insertInto('examination').values([seeDoctor, urgent, emergency]).execute();

		expect((await migrateToLatest(db)).applied).toContain('0018_self_check_flags');
		const rows = await db.kysely.selectFrom('appointment').select(['id', 'triage_level', 'triage_reasons', 'triage_given_at']).execute();
		const byId = new Map(rows.map((r) => [r.id, r]));
		expect(byId.get(answered.id)).toMatchObject({ triage_level: 'see_doctor', triage_given_at: AT });
		expect(JSON.parse(byId.get(answered.id)!.triage_reasons!)).toEqual(['worsening', 'durationOverAWeek']);
		expect(byId.get(damaged.id)).toMatchObject({ triage_level: null, triage_reasons: null, triage_given_at: null });
		expect(byId.get(none.id)).toMatchObject({ triage_level: null });

		const exams = await db.kysely.selectFrom('examination').select(['id', 'red_flag_positive', 'red_flag_acknowledged_at']).execute();
		const blocking = new Map(exams.map((e) => [e.id, Number(e.red_flag_positive)]));
		expect([blocking.get(seeDoctor.id), blocking.get(urgent.id), blocking.get(emergency.id)]).toEqual([0, 0, 1]);
		expect(exams.every((e) => e.red_flag_acknowledged_at === null)).toBe(true);
	});
});
