import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { Appointment } from '../db/schema';
import { blockTime } from './block-time';
import { createStaffAppointment } from './create-staff-appointment';
import { at, auditFor, seedSchedule, type SeededSchedule } from './test-schedule';
import { setStatus } from './set-status';

/** 08:00 in Tokyo on the Monday of the visits. */
const ON_THE_DAY = Date.parse(at('08:00'));

describeEachDatabase('desk statuses', (db) => {
	let s: SeededSchedule;
	let visit: Appointment;

	beforeAll(async () => {
		s = await seedSchedule(db());
		const result = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '渡辺', givenName: '恵', phone: '090-7777-8888' },
				serviceId: s.follow,
				practitionerId: s.fujita,
				start: at('09:00'),
				source: 'walk_in'
			},
			s.actor
		);
		if (!result.ok) throw new Error(result.code);
		visit = result.appointment;
	});

	it('refuses arrived, completed and no-show before the visit’s day in the clinic’s zone, and writes nothing', async () => {
		const created = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '早川', givenName: '翔', phone: '090-7777-9999' },
				serviceId: s.follow,
				practitionerId: s.sato,
				start: at('11:00'),
				source: 'staff'
			},
			s.actor
		);
		if (!created.ok) throw new Error(created.code);
		const early = created.appointment;
		const lateSundayEvening = Date.parse('2026-11-29T23:59:00+09:00');
		for (const status of ['arrived', 'completed', 'no_show'] as const) {
			expect(await setStatus(db(), early.id, status, s.actor, lateSundayEvening)).toEqual({ ok: false, code: 'before_visit_day' });
		}
		expect(await auditFor(db(), early.id)).toHaveLength(1);
		// Monday 00:00 in Tokyo is still Sunday in UTC: the clinic's day counts.
		expect(await setStatus(db(), early.id, 'arrived', s.actor, Date.parse('2026-11-30T00:00:00+09:00'))).toMatchObject({ ok: true, changed: true });
	});

	it('marks arrived, then completed, auditing each change with the patient', async () => {
		expect(await setStatus(db(), visit.id, 'arrived', s.actor, ON_THE_DAY)).toEqual({
			ok: true,
			changed: true,
			patientName: { familyName: '渡辺', givenName: '恵' }
		});
		expect(await setStatus(db(), visit.id, 'completed', s.actor, ON_THE_DAY)).toMatchObject({ ok: true, changed: true });
		const audit = await auditFor(db(), visit.id);
		expect(audit.map((a) => a.action)).toEqual(['schedule.create', 'schedule.status', 'schedule.status']);
		expect(audit.every((a) => a.patient_id === visit.patient_id)).toBe(true);
		const row = await db().kysely.selectFrom('appointment').select('status').where('id', '=', visit.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('completed');
	});

	it('lets a mistaken no-show be corrected, and writes nothing when nothing changes', async () => {
		expect(await setStatus(db(), visit.id, 'no_show', s.actor, ON_THE_DAY)).toMatchObject({ ok: true, changed: true });
		expect(await setStatus(db(), visit.id, 'no_show', s.actor, ON_THE_DAY)).toMatchObject({ ok: true, changed: false });
		expect(await auditFor(db(), visit.id)).toHaveLength(4);
	});

	it('gives blocked time no visit status', async () => {
		const block = await blockTime(db(), { practitionerId: s.sato, start: at('15:00'), end: at('15:30'), note: '' }, s.actor);
		if (!block.ok) throw new Error(block.code);
		expect(await setStatus(db(), block.appointment.id, 'arrived', s.actor, ON_THE_DAY)).toEqual({ ok: false, code: 'not_a_visit' });
		expect(await setStatus(db(), crypto.randomUUID(), 'arrived', s.actor, ON_THE_DAY)).toEqual({ ok: false, code: 'not_found' });
	});
});
