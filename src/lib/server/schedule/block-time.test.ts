import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { getAvailability } from '../booking/get-availability';
import { blockTime } from './block-time';
import { createStaffAppointment } from './create-staff-appointment';
import { at, auditFor, MONDAY, seedSchedule, type SeededSchedule } from './test-schedule';

describeEachDatabase('blocked time', (db) => {
	let s: SeededSchedule;

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	it('keeps a practitioner free, without a patient, and audits it', async () => {
		const result = await blockTime(db(), { practitionerId: s.sato, start: at('15:00'), end: at('16:00'), note: 'Meeting' }, s.actor);
		if (!result.ok) throw new Error(result.code);
		expect(result.appointment).toMatchObject({ status: 'blocked', source: 'block', patient_id: null, service_id: null, bed_id: null, note: 'Meeting' });
		expect(await db().kysely.selectFrom('occupancy').select('resource').where('appointment_id', '=', result.appointment.id).execute()).toHaveLength(12);
		expect(await auditFor(db(), result.appointment.id)).toEqual([{ action: 'schedule.block', patient_id: null, actor_id: s.actor.id }]);
	});

	it('takes the blocked time out of online availability', async () => {
		const availability = await getAvailability(
			db(),
			{ service: s.follow, from: MONDAY, to: MONDAY, practitioner: s.sato },
			{ now: Date.parse('2026-11-27T00:00:00Z') }
		);
		if (!availability.ok) throw new Error(availability.code);
		const blocked = { start: Date.parse(at('15:00')), end: Date.parse(at('16:00')) };
		expect(availability.slots.some((slot) => slot.start < blocked.end && blocked.start < slot.end)).toBe(false);
	});

	it("keeps a day-long block that began the evening before in the next day's availability", async () => {
		const tuesday = '2026-12-01';
		const result = await blockTime(db(), { practitionerId: s.takahashi, start: at('19:00'), end: at('19:00', tuesday), note: 'Course' }, s.actor);
		if (!result.ok) throw new Error(result.code);
		const availability = await getAvailability(db(), { service: s.follow, from: tuesday, to: tuesday }, { now: Date.parse('2026-11-27T00:00:00Z') });
		if (!availability.ok) throw new Error(availability.code);
		const heldUntil = Date.parse(at('19:00', tuesday));
		expect(availability.slots.some((slot) => slot.practitionerId !== s.takahashi)).toBe(true);
		expect(availability.slots.some((slot) => slot.practitionerId === s.takahashi && slot.start < heldUntil)).toBe(false);
	});

	it('stops staff booking into blocked time and says it is blocked time', async () => {
		const result = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '佐々木', givenName: '一郎', phone: '090-2222-3333' },
				serviceId: s.follow,
				practitionerId: s.sato,
				start: at('15:30'),
				source: 'staff'
			},
			s.actor
		);
		expect(result).toMatchObject({ ok: false, code: 'conflict', conflictWith: { patientName: null, resource: 'practitioner' } });
	});

	it('cannot block over a booked appointment, nor end before it starts', async () => {
		const booked = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '佐々木', givenName: '一郎', phone: '090-2222-3333' },
				serviceId: s.follow,
				practitionerId: s.fujita,
				bedId: s.beds[2],
				start: at('09:30'),
				source: 'staff'
			},
			s.actor
		);
		if (!booked.ok) throw new Error(booked.code);
		const overBed = await blockTime(db(), { practitionerId: s.takahashi, bedId: s.beds[2], start: at('09:00'), end: at('12:30'), note: 'repair' }, s.actor);
		expect(overBed).toMatchObject({ ok: false, code: 'conflict', conflictWith: { id: booked.appointment.id, resource: 'bed' } });
		expect(await blockTime(db(), { practitionerId: s.takahashi, start: at('11:00'), end: at('10:00'), note: '' }, s.actor)).toEqual({
			ok: false,
			code: 'invalid_range'
		});
	});
});
