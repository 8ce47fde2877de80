import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS } from '../../../../../tests/support/test-database';
import { insertPatient, insertStaff } from '../../outcomes/test-fixtures';
import { openDatabase, type Db, type DialectName } from '../database';
import { allMigrations, migrateToLatest } from '../migrate';

async function unmigrated(dialect: DialectName): Promise<Db> {
	if (dialect === 'postgres') return openDatabase({ databaseUrl: await createPostgresDatabase(), poolSize: 2 });
	return openDatabase({ sqliteFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-0017-')), 'test.sqlite') });
}

describe.each(DIALECTS)('0017_session_safety on %s', (dialect) => {
	let db: Db | undefined;
	afterAll(async () => db?.close());

	it('keeps points recorded before it as not deep, holds no plan point back in older sessions, and refuses other values', async () => {
		db = await unmigrated(dialect);
		const migrations = allMigrations(db.dialect);
		const before = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } });
		expect((await before.migrateTo('0016_charge_insurance_card')).error).toBeUndefined();
		const staff = await insertStaff(db, 'practitioner');
		const patientId = await insertPatient(db);
		const at = '2026-03-02T01:00:00.000Z';
		await db.kysely
			.insertInto('treatment_session')
			.values({
				id: 's1',
				patient_id: patientId,
				appointment_id: null,
				practitioner_staff_id: staff.id,
				bed_id: null,
				started_at: at,
				closed_at: null,
				pre_leg_pain: null,
				pre_back_pain: null,
				check_in_id: null,
				timer_started_at: null,
				created_at: at,
				updated_at: at
			})
			.execute();
		await db.kysely
			.insertInto('session_point')
			.values({
				id: 'p1',
				session_id: 's1',
				code: 'BL40',
				side: 'left',
				gauge: null,
				length_mm: null,
				depth_mm: null,
				technique: null,
				deqi: null,
				created_at: at
			})
			.execute();

		expect((await migrateToLatest(db)).applied).toContain('0017_session_safety');
		expect(await db.kysely.selectFrom('session_point').select('deep').executeTakeFirstOrThrow()).toEqual({ deep: 0 });
		expect(await db.kysely.selectFrom('treatment_session').select('held_plan_points').executeTakeFirstOrThrow()).toEqual({ held_plan_points: '[]' });
		await expect(db.kysely.updateTable('session_point').set({ deep: 2 }).execute()).rejects.toThrow();
	});
});
