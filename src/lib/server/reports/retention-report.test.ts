import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createStaffAppointment } from '../schedule/create-staff-appointment';
import { seedSchedule, type SeededSchedule } from '../schedule/test-schedule';
import { setStatus } from '../schedule/set-status';
import { loadRetentionReport } from './retention-report';

const NOW = new Date('2027-06-01T00:00:00Z');

describeEachDatabase('retention figures from the database', (db) => {
	let s: SeededSchedule;

	beforeAll(async () => {
		s = await seedSchedule(db());
		// A new patient with Sato on Monday 30 November, who comes back a week later to Fujita.
		const first = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '森', givenName: '一郎', phone: '090-3333-4444' },
				serviceId: s.follow,
				practitionerId: s.sato,
				start: '2026-11-30T09:00:00+09:00',
				source: 'staff'
			},
			s.actor
		);
		if (!first.ok) throw new Error(first.code);
		const second = await createStaffAppointment(
			db(),
			{ patientId: first.appointment.patient_id!, serviceId: s.follow, practitionerId: s.fujita, start: '2026-12-07T09:00:00+09:00', source: 'staff' },
			s.actor
		);
		if (!second.ok) throw new Error(second.code);
		await setStatus(db(), first.appointment.id, 'completed', s.actor);
		await setStatus(db(), second.appointment.id, 'completed', s.actor);
		// Both booked together before the first visit, whatever today's date is.
		await db()
			.kysely.updateTable('appointment')
			.set({ created_at: '2026-11-25T00:00:00.000Z' })
			.where('id', 'in', [first.appointment.id, second.appointment.id])
			.execute();
	});

	it('credits each visit to its practitioner and the new patient to the first one', async () => {
		const rows = await loadRetentionReport(db(), { from: '2026-11-01', to: '2026-12-31' }, NOW);
		const clinic = rows.find((r) => r.practitionerId === null)!;
		expect(clinic.returnWithin[30]).toEqual({ n: 1, hits: 1, rate: 1 });
		expect(clinic.interval).toEqual({ n: 1, meanDays: 7 });
		const sato = rows.find((r) => r.practitionerId === s.sato)!;
		expect(sato.nameEn).toBe('Miho Sato');
		expect(sato.returnWithin[90]).toEqual({ n: 1, hits: 1, rate: 1 });
		// Both visits were booked at once, so the first left with its next visit booked.
		expect(sato.nextBooked).toEqual({ n: 1, hits: 1, rate: 1 });
		const fujita = rows.find((r) => r.practitionerId === s.fujita)!;
		expect(fujita.nextBooked).toEqual({ n: 1, hits: 0, rate: 0 });
		expect(fujita.interval).toEqual({ n: 1, meanDays: 7 });
	});

	it('shows a practitioner only their own row when one is chosen', async () => {
		const rows = await loadRetentionReport(db(), { from: '2026-11-01', to: '2026-12-31', practitioner: s.fujita }, NOW);
		expect(rows.map((r) => r.practitionerId)).toEqual([s.fujita]);
	});
});
