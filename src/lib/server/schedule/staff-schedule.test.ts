import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { setReceptionReadsClinical } from '../clinic/security-settings';
import { loadChart } from '../patients/load-chart';
import { createStaffAppointment } from './create-staff-appointment';
import { at, MONDAY, seedSchedule, type SeededSchedule } from './test-schedule';
import { loadStaffSchedule } from './staff-schedule';

const TZ = 'Asia/Tokyo';

describeEachDatabase('the schedule and chart as reception sees them (issue #16)', (db) => {
	let s: SeededSchedule;
	let patientId = '';

	beforeAll(async () => {
		s = await seedSchedule(db());
		const booked = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '妊田', givenName: '花子', phone: '090-5555-0001' },
				serviceId: s.follow,
				practitionerId: s.sato,
				start: at('10:00'),
				source: 'staff'
			},
			s.actor
		);
		if (!booked.ok) throw new Error(booked.code);
		patientId = booked.patient.id;
		const answers = { history: { pregnant: 'yes' }, safety: { implantedDevice: true } };
		await db()
			.kysely.insertInto('intake')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				appointment_id: null,
				status: 'submitted',
				current_step: 'done',
				answers: JSON.stringify(answers),
				red_flag_level: null,
				red_flag_acknowledged_at: null,
				red_flag_acknowledged_by: null,
				entered_by_staff_id: null,
				created_at: '2026-11-01T00:00:00.000Z',
				updated_at: '2026-11-01T00:00:00.000Z',
				submitted_at: '2026-11-01T00:00:00.000Z'
			})
			.execute();
	});

	const flagsOf = async (role: 'reception' | 'practitioner') => {
		const day = await loadStaffSchedule(db(), MONDAY, MONDAY, TZ, { actor: s.actor, role });
		return day.find((a) => a.patient?.id === patientId)!.flags!.alerts;
	};

	it('shows reception kept from clinical facts one "ask the practitioner" mark, with no diagnosis', async () => {
		const alerts = await flagsOf('reception');
		expect(alerts).toEqual([{ code: 'askPractitioner', severity: 'contraindication' }]);
		const chart = (await loadChart(db(), patientId, s.actor, { clinical: false }))!;
		expect(chart.safetyAlerts).toEqual([]);
		expect(chart.safetyMarks).toEqual([{ code: 'askPractitioner', severity: 'contraindication' }]);
		expect(JSON.stringify(chart.safetyMarks)).not.toMatch(/pregnan|implant/i);
	});

	it('shows practitioners, and reception once the owner allows it, every alert', async () => {
		expect((await flagsOf('practitioner')).map((a) => a.code).sort()).toEqual(['implantedDevice', 'pregnancy']);
		await setReceptionReadsClinical(db(), true, s.actor);
		expect((await flagsOf('reception')).map((a) => a.code).sort()).toEqual(['implantedDevice', 'pregnancy']);
		await setReceptionReadsClinical(db(), false, s.actor);
	});

	it('audits every reading of the day list, with the days and how many patients it showed', async () => {
		const before = await db().kysely.selectFrom('audit_log').select('id').where('action', '=', 'schedule.read').execute();
		await loadStaffSchedule(db(), MONDAY, MONDAY, TZ, { actor: s.actor, role: 'reception' });
		const rows = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'schedule.read').orderBy('seq').execute();
		expect(rows).toHaveLength(before.length + 1);
		expect(rows.at(-1)).toMatchObject({ actor_id: s.actor.id });
		expect(JSON.parse(rows.at(-1)!.detail!)).toEqual({ from: MONDAY, to: MONDAY, patients: 1 });
	});
});
