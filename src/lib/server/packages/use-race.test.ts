import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS } from '../../../../tests/support/test-database';
import { packageState } from '../../domain/packages/ledger';
import { openDatabase, type Db, type DialectName } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { withTransaction } from '../db/transaction';
import { billingWorld, insertVisit, type BillingWorld } from '../billing/test-fixtures';
import { insertPatient, insertStaff } from '../outcomes/test-fixtures';
import { loadPackage } from './package-repository';
import { createPackageType } from './package-types';
import { sellPackage } from './sell-package';
import { markVisitPackage, usePackageForVisit } from './use-package';

/* Two app instances (two pools, or two SQLite connections) on one database (issue #18). */
async function twoHandlesOnOneDatabase(dialect: DialectName): Promise<[Db, Db]> {
	if (dialect === 'postgres') {
		const url = await createPostgresDatabase();
		const first = openDatabase({ databaseUrl: url, poolSize: 5 });
		await migrateToLatest(first);
		return [first, openDatabase({ databaseUrl: url, poolSize: 5 })];
	}
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-packages-')), 'shared.sqlite');
	const first = openDatabase({ sqliteFile: file });
	await migrateToLatest(first);
	return [first, openDatabase({ sqliteFile: file })];
}

const NOW = new Date('2026-12-06T01:00:00.000Z');

describe.each(DIALECTS)('two desks using the last visit of a course at once on %s', (dialect) => {
	let first: Db;
	let second: Db;
	let world: BillingWorld;
	beforeAll(async () => {
		[first, second] = await twoHandlesOnOneDatabase(dialect);
		world = await billingWorld(first);
	});
	afterAll(async () => {
		await first?.close();
		await second?.close();
	});

	it('uses it once: the other desk is refused and writes nothing', async () => {
		const owner = { type: 'staff' as const, id: (await insertStaff(first, 'owner')).id, ip: null, requestId: null };
		const type = await createPackageType(
			first,
			{ nameJa: '1回券', nameEn: 'One visit', serviceIds: [world.followId], visitCount: '1', priceJpy: '5000', validityMonths: '3' },
			owner
		);
		if (!type.ok) throw new Error('no type');
		const patientId = await insertPatient(first);
		const sold = await sellPackage(first, patientId, { packageTypeId: type.id, amountJpy: '5000' }, world.actor, { now: NOW });
		if (!sold.ok) throw new Error('not sold');
		const visits = [
			await insertVisit(first, world, patientId, '2026-12-08T01:00:00.000Z', 'booked'),
			await insertVisit(first, world, patientId, '2026-12-08T03:00:00.000Z', 'booked')
		];
		for (const visit of visits) expect(await markVisitPackage(first, visit, sold.saleId, world.actor, { now: NOW })).toEqual({ ok: true });

		const attempt = (db: Db, visit: string) =>
			withTransaction(db, (tx) => usePackageForVisit(tx, visit, { insured: false, chargeId: null }, world.actor, new Date('2026-12-08T04:00:00.000Z'))).then(
				(result) => ({ result }),
				(error: unknown) => ({ error })
			);
		const outcomes = await Promise.all([attempt(first, visits[0]!), attempt(second, visits[1]!)]);
		const used = outcomes.filter((o) => 'result' in o && o.result.ok && o.result.use !== null);
		expect(used).toHaveLength(1);
		// The loser either read the use and was refused, or lost on the unique key and rolled back.
		for (const o of outcomes.filter((x) => !used.includes(x))) {
			if ('result' in o) expect(o.result).toEqual({ ok: false, code: 'none_left' });
			else expect(o.error).toBeInstanceOf(Error);
		}
		const pkg = (await loadPackage(first, sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({ usedVisits: 1, remainingVisits: 0, status: 'used_up' });
		expect(pkg.rows).toHaveLength(1);
	});

	it('has the schema refuse a second entry with the same number or a use with the same sequence', async () => {
		const saleId = (await first.kysely.selectFrom('package_sale').select('id').executeTakeFirstOrThrow()).id;
		const row = await first.kysely.selectFrom('package_entry').selectAll().where('package_sale_id', '=', saleId).executeTakeFirstOrThrow();
		await expect(
			first.kysely
				.insertInto('package_entry')
				.values({ ...row, id: crypto.randomUUID(), kind: 'expiry', sequence: 0, patient_id: null })
				.execute()
		).rejects.toThrow();
		await expect(
			second.kysely
				.insertInto('package_entry')
				.values({ ...row, id: crypto.randomUUID(), entry_number: 2 })
				.execute()
		).rejects.toThrow();
	});
});
