import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { withTransaction } from '../db/transaction';
import { recentScheduleConfig } from './schedule-config-cache';

describeEachDatabase('the standing-schedule cache', (db) => {
	it('reuses one read while nothing is written, and reads again after a commit', async () => {
		await seedDemoClinic(db());
		const first = await recentScheduleConfig(db());
		expect(await recentScheduleConfig(db())).toBe(first);
		await withTransaction(db(), (tx) => tx.kysely.updateTable('clinic').set({ slot_step_minutes: 30 }).execute());
		const second = await recentScheduleConfig(db());
		expect(second).not.toBe(first);
		expect(second.clinic.slot_step_minutes).toBe(30);
	});
});
