import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { addDays } from '../../domain/time';
import { seedDemoClinic } from '../seed/demo-clinic';
import { getAvailability, type AvailabilityResult } from './get-availability';

const slotsOf = (result: AvailabilityResult) => {
	if (!result.ok) throw new Error(result.code);
	return result.slots;
};

describeEachDatabase('reused availability answers', (db) => {
	beforeAll(() => seedDemoClinic(db()));
	const setUp = async () => {
		const now = db().clock.now().getTime();
		const service = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		const today = new Date(now).toISOString().slice(0, 10);
		return { now, query: { service, from: addDays(today, 2), to: addDays(today, 16) } };
	};

	it('gives the same answer again while nothing changed, equal to a fresh one, and frozen', async () => {
		const { now, query } = await setUp();
		const first = await getAvailability(db(), query, { now, recentConfig: true });
		const again = await getAvailability(db(), query, { now: now + 1, recentConfig: true });
		expect(again).toBe(first);
		expect(first).toEqual(await getAvailability(db(), query, { now }));
		expect(slotsOf(first).length).toBeGreaterThan(0);
		expect(Object.isFrozen(slotsOf(first))).toBe(true);
		// Another practitioner or the staff-only view is another question.
		expect(await getAvailability(db(), query, { now, recentConfig: true, includeStaffOnly: true })).not.toBe(first);
	});

	it('sees a write made outside any transaction of this process at once', async () => {
		const { now, query } = await setUp();
		const before = slotsOf(await getAvailability(db(), query, { now, recentConfig: true }));
		const taken = before[0]!;
		// Written as another process would: no transaction of this handle, so the schedule cache keeps its read.
		await db()
			.kysely.insertInto('appointment')
			.values({
				id: randomUUID(),
				patient_id: null,
				practitioner_id: taken.practitionerId,
				bed_id: null,
				service_id: null,
				starts_at: new Date(taken.start).toISOString(),
				ends_at: new Date(taken.end).toISOString(),
				held_until: new Date(taken.end).toISOString(),
				status: 'blocked',
				source: 'block',
				first_visit: 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja',
				created_at: new Date(now).toISOString(),
				cancelled_at: null
			})
			.execute();
		const after = await getAvailability(db(), query, { now, recentConfig: true });
		expect(slotsOf(after).some((s) => s.start === taken.start && s.practitionerId === taken.practitionerId)).toBe(false);
		expect(after).toEqual(await getAvailability(db(), query, { now }));
	});

	it('answers afresh once time has moved the first slot inside the notice, or back before the answer', async () => {
		const { now, query } = await setUp();
		const first = await getAvailability(db(), query, { now, recentConfig: true });
		const start = slotsOf(first)[0]!.start;
		const late = start - 1;
		const later = await getAvailability(db(), query, { now: late, recentConfig: true });
		expect(later).not.toBe(first);
		expect(later).toEqual(await getAvailability(db(), query, { now: late }));
		expect(slotsOf(later)[0]!.start).toBeGreaterThan(start);
		const earlier = await getAvailability(db(), query, { now: now - 60_000, recentConfig: true });
		expect(earlier).not.toBe(later);
		expect(earlier).toEqual(await getAvailability(db(), query, { now: now - 60_000 }));
	});
});
