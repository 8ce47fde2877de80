import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { blockTime } from './block-time';
import { cancelAppointment } from './cancel-appointment';
import { createStaffAppointment } from './create-staff-appointment';
import { at, auditFor, seedSchedule, type SeededSchedule } from './test-schedule';

describeEachDatabase('cancelling', (db) => {
	let s: SeededSchedule;

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	const book = (familyName: string) =>
		createStaffAppointment(
			db(),
			{
				newPatient: { familyName, givenName: '次郎', phone: '090-5555-6666' },
				serviceId: s.follow,
				practitionerId: s.sato,
				bedId: s.beds[0],
				start: at('14:30'),
				source: 'staff'
			},
			s.actor
		);

	it('frees the time at once, so it can be booked again, and audits with the patient', async () => {
		const first = await book('伊藤');
		if (!first.ok) throw new Error(first.code);
		expect(await book('加藤')).toMatchObject({ ok: false, code: 'conflict' });

		expect(await cancelAppointment(db(), first.appointment.id, s.actor)).toEqual({ ok: true });
		const row = await db().kysely.selectFrom('appointment').select(['status', 'cancelled_at']).where('id', '=', first.appointment.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('cancelled');
		expect(row.cancelled_at).not.toBeNull();
		expect(await db().kysely.selectFrom('occupancy').select('resource').where('appointment_id', '=', first.appointment.id).execute()).toEqual([]);
		expect((await auditFor(db(), first.appointment.id)).at(-1)).toEqual({
			action: 'schedule.cancel',
			patient_id: first.appointment.patient_id,
			actor_id: s.actor.id
		});

		expect((await book('加藤')).ok).toBe(true);
	});

	it('does not cancel twice, and lifts blocked time the same way', async () => {
		const cancelled = await db().kysely.selectFrom('appointment').select('id').where('status', '=', 'cancelled').executeTakeFirstOrThrow();
		expect(await cancelAppointment(db(), cancelled.id, s.actor)).toEqual({ ok: false, code: 'not_cancellable' });
		expect(await cancelAppointment(db(), crypto.randomUUID(), s.actor)).toEqual({ ok: false, code: 'not_found' });

		const block = await blockTime(db(), { practitionerId: s.takahashi, start: at('17:00'), end: at('18:00'), note: '' }, s.actor);
		if (!block.ok) throw new Error(block.code);
		expect(await cancelAppointment(db(), block.appointment.id, s.actor)).toEqual({ ok: true });
		expect((await blockTime(db(), { practitionerId: s.takahashi, start: at('17:00'), end: at('18:00'), note: '' }, s.actor)).ok).toBe(true);
	});
});
