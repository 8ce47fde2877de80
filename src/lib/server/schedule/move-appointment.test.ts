import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createStaffAppointment } from './create-staff-appointment';
import { moveAppointment } from './move-appointment';
import { at, auditFor, seedSchedule, type SeededSchedule } from './test-schedule';
import type { Appointment } from '../db/schema';

describeEachDatabase('moving an appointment', (db) => {
	let s: SeededSchedule;
	let mine: Appointment;
	let other: Appointment;

	beforeAll(async () => {
		s = await seedSchedule(db());
		const book = async (familyName: string, start: string, bed: number) => {
			const result = await createStaffAppointment(
				db(),
				{
					newPatient: { familyName, givenName: '太郎', phone: '090-3333-4444' },
					serviceId: s.follow,
					practitionerId: s.sato,
					bedId: s.beds[bed],
					start,
					source: 'staff'
				},
				s.actor
			);
			if (!result.ok) throw new Error(result.code);
			return result.appointment;
		};
		mine = await book('田中', at('09:00'), 0);
		other = await book('鈴木', at('11:00'), 1);
	});

	it('moves to a free time keeping length and buffer, frees the old grains and audits with the patient', async () => {
		const result = await moveAppointment(db(), { appointmentId: mine.id, start: at('09:30') }, s.actor);
		if (!result.ok) throw new Error(result.code);
		expect(result.appointment).toMatchObject({
			starts_at: '2026-11-30T00:30:00.000Z',
			ends_at: '2026-11-30T01:15:00.000Z',
			held_until: '2026-11-30T01:25:00.000Z'
		});
		const grains = await db().kysely.selectFrom('occupancy').select('grain_start').where('appointment_id', '=', mine.id).orderBy('grain_start').execute();
		expect(grains[0]!.grain_start).toBe('2026-11-30T00:30:00.000Z');
		expect(grains).toHaveLength(22);
		const audit = await auditFor(db(), mine.id);
		expect(audit.at(-1)).toEqual({ action: 'schedule.move', patient_id: mine.patient_id, actor_id: s.actor.id });
	});

	it('refuses a time another appointment holds, names it, and leaves the appointment where it was', async () => {
		const result = await moveAppointment(db(), { appointmentId: mine.id, start: at('10:45') }, s.actor);
		expect(result).toMatchObject({
			ok: false,
			code: 'conflict',
			conflictWith: { id: other.id, patientName: { familyName: '鈴木' }, resource: 'practitioner' }
		});
		const row = await db().kysely.selectFrom('appointment').select('starts_at').where('id', '=', mine.id).executeTakeFirstOrThrow();
		expect(row.starts_at).toBe('2026-11-30T00:30:00.000Z');
		expect(await db().kysely.selectFrom('occupancy').select('grain_start').where('appointment_id', '=', mine.id).execute()).toHaveLength(22);
	});

	it('moves to another practitioner, and keeps to opening hours', async () => {
		const result = await moveAppointment(db(), { appointmentId: mine.id, start: at('11:00'), practitionerId: s.fujita }, s.actor);
		if (!result.ok) throw new Error(result.code);
		expect(result.appointment.practitioner_id).toBe(s.fujita);
		expect(await moveAppointment(db(), { appointmentId: mine.id, start: at('12:00') }, s.actor)).toEqual({ ok: false, code: 'outside_hours' });
		expect(await moveAppointment(db(), { appointmentId: crypto.randomUUID(), start: at('15:00') }, s.actor)).toEqual({ ok: false, code: 'not_found' });
	});

	it('can shift by a few minutes over its own time', async () => {
		const result = await moveAppointment(db(), { appointmentId: mine.id, start: at('11:15') }, s.actor);
		expect(result.ok).toBe(true);
	});

	it('changes the length when given a new end, keeps the buffer after it, and audits both ends', async () => {
		const visit = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '伸長', givenName: '花子', phone: '090-3333-4445' },
				serviceId: s.follow,
				practitionerId: s.sato,
				bedId: s.beds[2],
				start: at('14:30'),
				source: 'staff'
			},
			s.actor
		);
		if (!visit.ok) throw new Error(visit.code);
		const buffer = Date.parse(visit.appointment.held_until) - Date.parse(visit.appointment.ends_at);
		const result = await moveAppointment(db(), { appointmentId: visit.appointment.id, start: at('14:30'), end: at('15:45') }, s.actor);
		if (!result.ok) throw new Error(result.code);
		expect(result.appointment.ends_at).toBe('2026-11-30T06:45:00.000Z');
		expect(Date.parse(result.appointment.held_until) - Date.parse(result.appointment.ends_at)).toBe(buffer);
		const grains = await db().kysely.selectFrom('occupancy').select('grain_start').where('appointment_id', '=', visit.appointment.id).execute();
		expect(grains).toHaveLength(2 * ((75 * 60_000 + buffer) / 300_000));
		const row = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('entity_id', '=', visit.appointment.id)
			.where('action', '=', 'schedule.move')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(String(row.detail))).toMatchObject({ fromEnd: visit.appointment.ends_at, toEnd: '2026-11-30T06:45:00.000Z' });
	});

	it('refuses a resize into another visit, or to no length, and writes nothing', async () => {
		const visit = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '衝突', givenName: '次郎', phone: '090-3333-4446' },
				serviceId: s.follow,
				practitionerId: s.fujita,
				bedId: s.beds[0],
				start: at('17:00'),
				source: 'staff'
			},
			s.actor
		);
		const blocker = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '後続', givenName: '三郎', phone: '090-3333-4447' },
				serviceId: s.follow,
				practitionerId: s.fujita,
				bedId: s.beds[1],
				start: at('18:00'),
				source: 'staff'
			},
			s.actor
		);
		if (!visit.ok || !blocker.ok) throw new Error('not booked');
		expect(await moveAppointment(db(), { appointmentId: visit.appointment.id, start: at('17:00'), end: at('18:30') }, s.actor)).toMatchObject({
			ok: false,
			code: 'conflict',
			conflictWith: { id: blocker.appointment.id }
		});
		expect(await moveAppointment(db(), { appointmentId: visit.appointment.id, start: at('17:00'), end: at('17:00') }, s.actor)).toEqual({
			ok: false,
			code: 'invalid_range'
		});
		const row = await db().kysely.selectFrom('appointment').select(['starts_at', 'ends_at']).where('id', '=', visit.appointment.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ starts_at: visit.appointment.starts_at, ends_at: visit.appointment.ends_at });
		expect(await auditFor(db(), visit.appointment.id)).not.toContainEqual(expect.objectContaining({ action: 'schedule.move' }));
	});
});
