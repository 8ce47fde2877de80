import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { withTransaction } from '../db/transaction';
import { addDays } from '../../domain/time';
import { getAvailability } from './get-availability';
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

	it('answers availability from the cached closures and time off as from the tables, and sees a new closure at once', async () => {
		const now = db().clock.now().getTime();
		const service = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		const today = new Date(now).toISOString().slice(0, 10);
		const query = { service, from: addDays(today, 1), to: addDays(today, 14) };
		const practitioner = (await db().kysely.selectFrom('practitioner_hours').select('practitioner_id').executeTakeFirstOrThrow()).practitioner_id;
		await withTransaction(db(), (tx) =>
			tx.kysely
				.insertInto('practitioner_time_off')
				.values({
					id: crypto.randomUUID(),
					practitioner_id: practitioner,
					starts_at: `${addDays(today, 3)}T00:00:00.000Z`,
					ends_at: `${addDays(today, 6)}T00:00:00.000Z`,
					note: ''
				})
				.execute()
		);
		const fresh = await getAvailability(db(), query, { now });
		const cached = await getAvailability(db(), query, { now, recentConfig: true });
		expect((await recentScheduleConfig(db())).calendar?.timeOff).toHaveLength(1);
		expect(cached).toEqual(fresh);
		const closed = (fresh.ok ? fresh.slots : []).map((s) => new Date(s.start).toISOString().slice(0, 10)).find((d) => d > addDays(today, 7))!;
		await withTransaction(db(), (tx) => tx.kysely.insertInto('clinic_closure').values({ date: closed, reason_ja: '休診', reason_en: 'Closed' }).execute());
		const after = await getAvailability(db(), query, { now, recentConfig: true });
		if (!after.ok) throw new Error(after.code);
		expect(after.slots.length).toBeGreaterThan(0);
		expect(after.slots.some((s) => new Date(s.start).toISOString().slice(0, 10) === closed)).toBe(false);
	});
});
