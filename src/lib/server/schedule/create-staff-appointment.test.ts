import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createStaffAppointment } from './create-staff-appointment';
import { at, auditFor, seedSchedule, type SeededSchedule } from './test-schedule';

const walkIn = { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', phone: '090-1234-5678' };

describeEachDatabase('staff appointments', (db) => {
	let s: SeededSchedule;
	let firstId = '';
	let patientId = '';

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	it('books a walk-in as a new patient, claims the grains and audits both with the patient id', async () => {
		const result = await createStaffAppointment(
			db(),
			{ newPatient: walkIn, serviceId: s.follow, practitionerId: s.sato, bedId: s.beds[0], start: at('10:00'), source: 'walk_in' },
			s.actor
		);
		if (!result.ok) throw new Error(result.code);
		firstId = result.appointment.id;
		patientId = result.patient.id;
		expect(result.patient).toMatchObject({ familyName: '山田', givenName: '花子', created: true });
		expect(result.appointment).toMatchObject({
			status: 'booked',
			source: 'walk_in',
			starts_at: '2026-11-30T01:00:00.000Z',
			ends_at: '2026-11-30T01:45:00.000Z'
		});
		// 45 minutes + 10 minutes buffer = 11 grains, for the practitioner and for the bed.
		expect(await db().kysely.selectFrom('occupancy').select('resource').where('appointment_id', '=', firstId).execute()).toHaveLength(22);
		expect(await auditFor(db(), patientId)).toEqual([{ action: 'patient.create', patient_id: patientId, actor_id: s.actor.id }]);
		expect(await auditFor(db(), firstId)).toEqual([{ action: 'schedule.create', patient_id: patientId, actor_id: s.actor.id }]);
	});

	it('books outside the online rules: no notice needed, any practitioner hours inside opening hours', async () => {
		const result = await createStaffAppointment(
			db(),
			{ patientId, serviceId: s.follow, practitionerId: s.fujita, start: at('09:00', '2020-01-06'), source: 'staff' },
			s.actor
		);
		expect(result.ok).toBe(true);
	});

	it('refuses an overlapping appointment for the same practitioner and names the one in the way', async () => {
		const before = await db().kysely.selectFrom('appointment').select('id').execute();
		const result = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: 'Smith', givenName: 'Anna', phone: '03-1111-2222' },
				serviceId: s.follow,
				practitionerId: s.sato,
				start: at('10:30'),
				source: 'staff'
			},
			s.actor
		);
		expect(result).toEqual({
			ok: false,
			code: 'conflict',
			conflictWith: {
				id: firstId,
				start: '2026-11-30T01:00:00.000Z',
				end: '2026-11-30T01:45:00.000Z',
				patientName: { familyName: '山田', givenName: '花子' },
				resource: 'practitioner'
			}
		});
		// Rolled back whole: no appointment, and not the new patient either.
		expect(await db().kysely.selectFrom('appointment').select('id').execute()).toHaveLength(before.length);
		expect(await db().kysely.selectFrom('patient').select('id').where('family_name', '=', 'Smith').execute()).toEqual([]);
	});

	it('refuses another practitioner on the same bed at an overlapping time, naming the bed conflict', async () => {
		const result = await createStaffAppointment(
			db(),
			{ patientId, serviceId: s.follow, practitionerId: s.takahashi, bedId: s.beds[0], start: at('10:40'), source: 'staff' },
			s.actor
		);
		expect(result).toMatchObject({ ok: false, code: 'conflict', conflictWith: { id: firstId, resource: 'bed' } });
	});

	it('gives another practitioner a free bed when none is named', async () => {
		const result = await createStaffAppointment(
			db(),
			{ patientId, serviceId: s.follow, practitionerId: s.takahashi, start: at('10:00'), source: 'staff' },
			s.actor
		);
		if (!result.ok) throw new Error(result.code);
		expect(result.appointment.bed_id).toBe(s.beds[1]);
	});

	it('answers no_bed_free when every bed is taken', async () => {
		const result = await createStaffAppointment(
			db(),
			{ patientId, serviceId: s.follow, practitionerId: s.fujita, start: at('10:00'), source: 'staff' },
			s.actor
		);
		if (!result.ok) throw new Error(result.code);
		expect(result.appointment.bed_id).toBe(s.beds[2]);
		const fourth = await createStaffAppointment(
			db(),
			{ newPatient: walkIn, serviceId: s.follow, practitionerId: s.fujita, start: at('10:15'), source: 'staff' },
			s.actor
		);
		expect(fourth).toEqual({ ok: false, code: 'no_bed_free' });
	});

	it('keeps to opening hours and to who may give which treatment', async () => {
		const lunch = await createStaffAppointment(db(), { patientId, serviceId: s.follow, practitionerId: s.sato, start: at('12:00'), source: 'staff' }, s.actor);
		expect(lunch).toEqual({ ok: false, code: 'outside_hours' });
		const wednesday = await createStaffAppointment(
			db(),
			{ patientId, serviceId: s.follow, practitionerId: s.sato, start: at('10:00', '2026-12-02'), source: 'staff' },
			s.actor
		);
		expect(wednesday).toEqual({ ok: false, code: 'outside_hours' });
		// Takahashi holds no きゅう師 licence, so gives no moxibustion.
		const moxa = await createStaffAppointment(
			db(),
			{ patientId, serviceId: s.moxa, practitionerId: s.takahashi, start: at('15:00'), source: 'staff' },
			s.actor
		);
		expect(moxa).toEqual({ ok: false, code: 'not_offered' });
		const unknown = await createStaffAppointment(
			db(),
			{ patientId: crypto.randomUUID(), serviceId: s.follow, practitionerId: s.sato, start: at('15:00'), source: 'staff' },
			s.actor
		);
		expect(unknown).toEqual({ ok: false, code: 'patient_not_found' });
	});

	it('gives exactly one of many simultaneous bookings for the same practitioner and time', async () => {
		const attempts = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				createStaffAppointment(
					db(),
					{
						newPatient: { familyName: 'Race', givenName: `N${i}`, phone: `090-0000-${1000 + i}` },
						serviceId: s.follow,
						practitionerId: s.sato,
						start: at('16:00'),
						source: 'staff'
					},
					s.actor
				)
			)
		);
		expect(attempts.filter((a) => a.ok)).toHaveLength(1);
		const winner = attempts.find((a) => a.ok);
		if (!winner?.ok) throw new Error('no winner');
		for (const loser of attempts.filter((a) => !a.ok)) expect(loser).toMatchObject({ code: 'conflict', conflictWith: { id: winner.appointment.id } });
	});
});
