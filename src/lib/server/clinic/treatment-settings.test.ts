import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { ensureClinic, insertStaff } from '../outcomes/test-fixtures';
import { offersCupping, setOffersCupping } from './treatment-settings';

describeEachDatabase('the cupping setting', (db) => {
	it('is on for a new clinic, turns off and on again, and audits each change', async () => {
		await ensureClinic(db());
		const owner = await insertStaff(db(), 'owner');
		const actor: AuditActor = { type: 'staff', id: owner.id, ip: null, requestId: null };
		expect(await offersCupping(db())).toBe(true);

		await setOffersCupping(db(), false, actor);
		expect(await offersCupping(db())).toBe(false);
		await setOffersCupping(db(), true, actor);
		expect(await offersCupping(db())).toBe(true);

		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'actor_id', 'detail'])
			.where('action', '=', 'clinic.offers_cupping_changed')
			.orderBy('seq')
			.execute();
		expect(audit.map((a) => [a.actor_id, JSON.parse(a.detail ?? '{}')])).toEqual([
			[owner.id, { offered: false }],
			[owner.id, { offered: true }]
		]);
	});
});
