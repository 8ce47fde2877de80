import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createStaffAppointment } from '../schedule/create-staff-appointment';
import { at, MONDAY, seedSchedule, type SeededSchedule } from '../schedule/test-schedule';
import { setStatus } from '../schedule/set-status';
import { loadToday } from './load-today';

const TUESDAY = '2026-12-01';

describeEachDatabase('the console dashboard', (db) => {
	let s: SeededSchedule;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		s = await seedSchedule(db());
		const book = async (name: string, start: string, practitionerId = s.sato) => {
			const result = await createStaffAppointment(
				db(),
				{ newPatient: { familyName: name, givenName: '一', phone: '090-1111-0000' }, serviceId: s.follow, practitionerId, start, source: 'staff' },
				s.actor
			);
			if (!result.ok) throw new Error(result.code);
			ids[name] = result.appointment.id;
		};
		await book('遅刻', at('09:00'));
		await book('施術中', at('09:00'), s.fujita);
		await book('会計', at('10:00'));
		await book('来院', at('11:00'));
		await book('確認済', at('11:15'), s.fujita);
		await book('午後', at('15:00'));
		await book('明日未確認', at('10:00', TUESDAY));
		await book('明日確認済', at('11:00', TUESDAY));
		await db()
			.kysely.updateTable('appointment')
			.set({ confirmed_at: '2026-11-29T01:00:00.000Z' })
			.where('id', 'in', [ids['確認済']!, ids['明日確認済']!])
			.execute();
		await setStatus(db(), ids['来院']!, 'arrived', s.actor);
		await setStatus(db(), ids['会計']!, 'completed', s.actor);
		const appointment = await db()
			.kysely.selectFrom('appointment')
			.select(['patient_id', 'practitioner_id'])
			.where('id', '=', ids['施術中']!)
			.executeTakeFirstOrThrow();
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		await db()
			.kysely.insertInto('treatment_session')
			.values({
				id: 'open-session-dashboard',
				patient_id: appointment.patient_id!,
				appointment_id: ids['施術中']!,
				practitioner_staff_id: staff.id,
				bed_id: null,
				started_at: at('09:05'),
				closed_at: null,
				pre_leg_pain: null,
				pre_back_pain: null,
				check_in_id: null,
				timer_started_at: null,
				created_at: at('09:05'),
				updated_at: at('09:05')
			})
			.execute();
	});

	it("lists today's patients in time order, each with the desk's status", async () => {
		const today = await loadToday(db(), { actor: s.actor, role: 'reception' }, new Date(at('10:40')));
		expect(today.today).toBe(MONDAY);
		const mine = today.timeline.filter((v) => Object.values(ids).includes(v.id));
		expect(mine.slice(2).map((v) => [v.patient?.familyName, v.deskStatus])).toEqual([
			['会計', 'unpaid'],
			['来院', 'arrived'],
			['確認済', 'confirmed'],
			['午後', 'booked']
		]);
		const nine = Object.fromEntries(mine.slice(0, 2).map((v) => [v.patient?.familyName, v.deskStatus]));
		expect(nine).toEqual({ 遅刻: 'booked', 施術中: 'in_treatment' });
	});

	it('lists the late and the soon-due for greeting, the unpaid for charging, and tomorrow unconfirmed with a phone', async () => {
		const today = await loadToday(db(), { actor: s.actor, role: 'reception' }, new Date(at('10:50')));
		const names = (list: Array<{ patient: { familyName: string } | null; id: string }>) =>
			list.filter((v) => Object.values(ids).includes(v.id)).map((v) => v.patient?.familyName);
		expect(names(today.toGreet)).toEqual(['遅刻', '確認済']);
		expect(names(today.toCharge)).toEqual(['会計']);
		expect(names(today.unconfirmedTomorrow)).toEqual(['明日未確認']);
		expect(today.unconfirmedTomorrow.find((v) => v.id === ids['明日未確認'])?.phone).toBe('090-1111-0000');
		expect(today.alerts.withoutTreatmentConsent).toBeGreaterThan(0);
	});

	it('records reading the two days in the audit log', async () => {
		await loadToday(db(), { actor: s.actor, role: 'reception' }, new Date(at('10:50')));
		const row = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('action', '=', 'schedule.read')
			.orderBy('seq', 'desc')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(row.detail!)).toMatchObject({ from: MONDAY, to: TUESDAY });
	});
});
