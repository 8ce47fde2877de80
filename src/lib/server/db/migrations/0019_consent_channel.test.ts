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
	return openDatabase({ sqliteFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-0019-')), 'test.sqlite') });
}

const AT = '2026-01-01T00:00:00.000Z';

describe.each(DIALECTS)('0019_consent_channel on %s', (dialect) => {
	let db: Db | undefined;
	afterAll(async () => db?.close());

	it('names earlier answers recorded by staff as given at the desk, the others in the portal, and never lets a channel change', async () => {
		db = await unmigrated(dialect);
		const migrations = allMigrations(db.dialect);
		const before = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } });
		expect((await before.migrateTo('0016_charge_insurance_card')).error).toBeUndefined();
		const k = db.kysely;
		await k
			.insertInto('staff')
			.values({
				id: 'desk',
				email: 'd@example.jp',
				display_name: '受付',
				role: 'reception',
				password_hash: 'x',
				totp_secret: null,
				totp_enabled: 0,
				totp_last_counter: null,
				disabled: 0,
				created_at: AT,
				password_changed_at: AT
			})
			.execute();
		await k
			.insertInto('patient')
			.values({
				id: 'p1',
				family_name: '山田',
				given_name: '花子',
				family_name_kana: '',
				given_name_kana: '',
				email: 'p@example.jp',
				phone: '',
				date_of_birth: null,
				preferred_locale: 'ja',
				created_at: AT
			})
			.execute();
		await k
			.insertInto('consent_document')
			.values({
				id: 'd1',
				kind: 'privacy',
				version: 1,
				required: 1,
				title_ja: 't',
				title_en: 't',
				body_ja: 'b',
				body_en: 'b',
				created_at: AT,
				created_by: null
			})
			.execute();
		const signature = { patient_id: 'p1', document_id: 'd1', agreed: 1, signed_name: '山田 花子', signed_at: AT, ip: null, user_agent: null };
		await k
			.insertInto('consent_signature')
			.values([
				{ ...signature, id: 's-portal', recorded_by_staff_id: null },
				{ ...signature, id: 's-desk', recorded_by_staff_id: 'desk' }
			])
			.execute();

		expect((await migrateToLatest(db)).applied).toContain('0019_consent_channel');
		expect(await k.selectFrom('consent_signature').select(['id', 'channel']).orderBy('id').execute()).toEqual([
			{ id: 's-desk', channel: 'desk' },
			{ id: 's-portal', channel: 'portal' }
		]);
		await expect(k.updateTable('consent_signature').set({ channel: 'verbal' }).where('id', '=', 's-portal').execute()).rejects.toThrow();
		await expect(
			k
				.insertInto('consent_signature')
				.values({ ...signature, id: 's-fax', recorded_by_staff_id: null, channel: 'fax' as never })
				.execute()
		).rejects.toThrow();
	});
});
