import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import { readConfig } from '../config';
import { migrateToLatest, SchemaTooNewError } from './migrate';

describeEachDatabase('migrations', (db) => {
	it('apply nothing twice', async () => {
		const again = await migrateToLatest(db());
		expect(again.applied).toEqual([]);
		expect(again.isNewDatabase).toBe(false);
	});

	it('refuse a database written by a newer version, naming the unknown migration', async () => {
		await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(db().kysely);
		const attempt = migrateToLatest(db());
		await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError);
		await expect(attempt).rejects.toThrow(/newer than this version of shinkyu.*9999_from_the_future/);
	});
});

describeEachDatabase('first start', (db) => {
	it('seeds the demo clinic once, however many instances start together', async () => {
		const config = { ...readConfig({}), seedDemo: true };
		const reports = await Promise.all([prepareDatabase(db(), config), prepareDatabase(db(), config), prepareDatabase(db(), config)]);
		expect(reports.filter((r) => r.demoAccounts !== null)).toHaveLength(1);
		const clinics = await db().kysely.selectFrom('clinic').select('id').execute();
		const owners = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'owner').execute();
		expect(clinics).toHaveLength(1);
		expect(owners).toHaveLength(1);
	});
});
