import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { loadClinicCalendar } from './clinic-calendar';
import { setOpeningHours } from './set-opening-hours';
import { setPractitionerHours } from './set-practitioner-hours';
import { auditActions, NOW, owner, practitionerIdOf, serviceIdOf, slotTimes } from './test-fixtures';

const MONDAY = '2026-11-30';
const TUESDAY = '2026-12-01';
const WEDNESDAY = '2026-12-02';

describeEachDatabase('opening hours', (db) => {
	let followUp = '';

	it('changes what availability offers on that weekday, and only there', async () => {
		await seedDemoClinic(db());
		followUp = await serviceIdOf(db(), 'FOLLOW');
		const before = await slotTimes(db(), followUp, MONDAY);
		expect(before[0]).toBe('09:00');
		expect(before.at(-1)).toBe('18:30');

		const week = (await loadClinicCalendar(db(), NOW)).openingHours.filter((p) => p.weekday !== 1);
		expect(await setOpeningHours(db(), [...week, { weekday: 1, start: '10:00', end: '13:00' }], owner)).toEqual({ ok: true });

		// The practitioners still stop at 12:30, and 45 minutes plus a 10-minute buffer must fit.
		const after = await slotTimes(db(), followUp, MONDAY);
		expect(after[0]).toBe('10:00');
		expect(after.at(-1)).toBe('11:30');
		expect(after.some((t) => t >= '12:30')).toBe(false);
		expect(await slotTimes(db(), followUp, TUESDAY)).toEqual(await slotTimes(db(), followUp, '2026-11-24'));
		expect((await slotTimes(db(), followUp, TUESDAY)).at(-1)).toBe('18:30');
	});

	it('closes a weekday left without periods', async () => {
		const week = (await loadClinicCalendar(db(), NOW)).openingHours.filter((p) => p.weekday !== 2);
		await setOpeningHours(db(), week, owner);
		expect(await slotTimes(db(), followUp, TUESDAY)).toEqual([]);
		expect((await loadClinicCalendar(db(), NOW)).openingHours.some((p) => p.weekday === 2)).toBe(false);
	});

	it('offers a newly opened weekday only where practitioners work too', async () => {
		const week = (await loadClinicCalendar(db(), NOW)).openingHours;
		await setOpeningHours(db(), [...week, { weekday: 3, start: '09:00', end: '12:00' }], owner);
		expect(await slotTimes(db(), followUp, WEDNESDAY)).toEqual([]);
		const sato = await practitionerIdOf(db(), 'Sato');
		await setPractitionerHours(db(), sato, [{ weekday: 3, start: '08:00', end: '11:00' }], owner);
		// Her hours are cut to the clinic's: 09:00 to 11:00, so 10:00 is the last start (10:00 + 55 min).
		expect(await slotTimes(db(), followUp, WEDNESDAY)).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00']);
	});

	it('refuses overlapping or reversed periods and keeps the hours as they were', async () => {
		const before = (await loadClinicCalendar(db(), NOW)).openingHours;
		const overlapping = [
			{ weekday: 4, start: '09:00', end: '13:00' },
			{ weekday: 4, start: '12:00', end: '18:00' }
		];
		expect(await setOpeningHours(db(), overlapping, owner)).toEqual({ ok: false, code: 'invalid_periods' });
		expect(await setOpeningHours(db(), [{ weekday: 4, start: '18:00', end: '09:00' }], owner)).toEqual({ ok: false, code: 'invalid_periods' });
		expect((await loadClinicCalendar(db(), NOW)).openingHours).toEqual(before);
	});

	it('leaves exactly one of two weeks saved at the same time, never both', async () => {
		const early = [{ weekday: 5, start: '08:00', end: '12:00' }];
		const late = [{ weekday: 5, start: '13:00', end: '20:00' }];
		await Promise.all([setOpeningHours(db(), early, owner), setOpeningHours(db(), late, owner)]);
		expect([early, late]).toContainEqual((await loadClinicCalendar(db(), NOW)).openingHours);
	});

	it('writes one audit row per change', async () => {
		expect(await auditActions(db())).toEqual([
			'scheduling.opening_hours_changed',
			'scheduling.opening_hours_changed',
			'scheduling.opening_hours_changed',
			'scheduling.practitioner_hours_changed',
			'scheduling.opening_hours_changed',
			'scheduling.opening_hours_changed'
		]);
	});
});
