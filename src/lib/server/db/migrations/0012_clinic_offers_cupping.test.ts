import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS } from '../../../../../tests/support/test-database';
import { openDatabase, type Db, type DialectName } from '../database';
import { allMigrations, migrateToLatest } from '../migrate';

async function unmigrated(dialect: DialectName): Promise<Db> {
	if (dialect === 'postgres') return openDatabase({ databaseUrl: await createPostgresDatabase(), poolSize: 2 });
	return openDatabase({ sqliteFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-0012-')), 'test.sqlite') });
}

describe.each(DIALECTS)('0012_clinic_offers_cupping on %s', (dialect) => {
	let db: Db | undefined;
	afterAll(async () => db?.close());

	it('keeps an existing clinic offering cupping, as it did when cupping was a constant, and refuses other values', async () => {
		db = await unmigrated(dialect);
		const migrations = allMigrations(db.dialect);
		const before = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } });
		expect((await before.migrateTo('0011_treatment_session')).error).toBeUndefined();
		await db.kysely
			.insertInto('clinic')
			.values({
				id: 'old-clinic',
				name_ja: '旧',
				name_en: 'Old',
				postal_code: '100-0001',
				address_ja: '',
				address_en: '',
				phone: '',
				email: '',
				time_zone: 'Asia/Tokyo',
				require_totp_for_all: 0
			})
			.execute();

		expect((await migrateToLatest(db)).applied).toContain('0012_clinic_offers_cupping');
		expect(await db.kysely.selectFrom('clinic').select('offers_cupping').where('id', '=', 'old-clinic').executeTakeFirstOrThrow()).toEqual({
			offers_cupping: 1
		});
		await expect(db.kysely.updateTable('clinic').set({ offers_cupping: 2 }).execute()).rejects.toThrow();
	});
});
