import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { blockTime } from './block-time';
import { cancelAppointment } from './cancel-appointment';
import { createStaffAppointment } from './create-staff-appointment';
import { listDay, listDays } from './list-day';
import { at, MONDAY, seedSchedule, type SeededSchedule } from './test-schedule';

describeEachDatabase('the day list', (db) => {
	let s: SeededSchedule;

	beforeAll(async () => {
		s = await seedSchedule(db());
		const book = async (familyName: string, start: string) => {
			const result = await createStaffAppointment(
				db(),
				{ newPatient: { familyName, givenName: '一', phone: '090-1111-0000' }, serviceId: s.follow, practitionerId: s.sato, start, source: 'staff' },
				s.actor
			);
			if (!result.ok) throw new Error(result.code);
			return result.appointment;
		};
		await book('午後', at('15:00'));
		await book('午前', at('09:00'));
		const cancelled = await book('取消', at('17:00'));
		await cancelAppointment(db(), cancelled.id, s.actor);
		// The clinic-local day ends at midnight Tokyo time, not UTC.
		await blockTime(db(), { practitionerId: s.fujita, start: at('23:30'), end: at('23:55'), note: 'late' }, s.actor);
		await blockTime(db(), { practitionerId: s.fujita, start: at('00:10', '2026-12-01'), end: at('00:30', '2026-12-01'), note: 'next day' }, s.actor);
	});

	it('lists the clinic-local day in order with patient, service, practitioner, bed and status', async () => {
		const day = await listDay(db(), MONDAY, 'Asia/Tokyo');
		expect(day.map((a) => a.patient?.familyName ?? a.note)).toEqual(['午前', '午後', 'late']);
		expect(day[0]).toMatchObject({
			start: '2026-11-30T00:00:00.000Z',
			status: 'booked',
			source: 'staff',
			patient: { familyName: '午前', givenName: '一' },
			service: { id: s.follow, name: { ja: '再診（鍼治療）', en: 'Follow-up treatment' } },
			practitioner: { id: s.sato, name: { ja: '佐藤 美穂', en: 'Miho Sato' } },
			bed: { id: s.beds[0] }
		});
		expect(day[2]).toMatchObject({ status: 'blocked', patient: null, service: null, bed: null });
	});

	it('shows cancelled appointments only when asked, and lists a week', async () => {
		const withCancelled = await listDay(db(), MONDAY, 'Asia/Tokyo', { includeCancelled: true });
		expect(withCancelled.map((a) => a.status)).toContain('cancelled');
		const week = await listDays(db(), MONDAY, '2026-12-06', 'Asia/Tokyo');
		expect(week.map((a) => a.note).filter(Boolean)).toEqual(['late', 'next day']);
	});
});
