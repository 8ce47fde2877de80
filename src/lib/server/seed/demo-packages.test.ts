import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { packageState } from '../../domain/packages/ledger';
import { prepareDatabase } from '../app';
import { readConfig } from '../config';
import { loadPackage } from '../packages/package-repository';
import { listPackageTypes } from '../packages/package-types';

describeEachDatabase('the demo prepaid courses (issue #18)', (db) => {
	it('puts two courses on sale and gives 森 陽子 a half-used 10-visit course, paid in full', async () => {
		await prepareDatabase(db(), { ...readConfig({}), seedDemo: true });
		expect((await listPackageTypes(db())).map((t) => [t.visitCount, t.priceJpy])).toEqual([
			[5, 25_000],
			[10, 48_000]
		]);
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'package1@example.jp').executeTakeFirstOrThrow();
		const sale = await db().kysely.selectFrom('package_sale').select('id').where('patient_id', '=', patient.id).executeTakeFirstOrThrow();
		const pkg = (await loadPackage(db(), sale.id))!;
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({
			usedVisits: 5,
			remainingVisits: 5,
			paidJpy: 48_000,
			balanceDueJpy: 0,
			liabilityJpy: 24_000,
			status: 'active'
		});
	});
});
