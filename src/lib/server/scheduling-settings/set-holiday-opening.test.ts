import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { loadClinicCalendar } from './clinic-calendar';
import { setHolidayOpening } from './set-holiday-opening';
import { auditActions, NOW, owner, serviceIdOf, slotTimes } from './test-fixtures';

// A Monday, the demo clinic's working day, and a public holiday.
const LABOUR_THANKSGIVING = '2026-11-23';

describeEachDatabase('public holidays', (db) => {
	let followUp = '';

	it('lists the coming twelve months of holidays, each closed until opened', async () => {
		await seedDemoClinic(db());
		followUp = await serviceIdOf(db(), 'FOLLOW');
		const { holidays } = await loadClinicCalendar(db(), NOW);
		expect(holidays[0]).toEqual({ date: LABOUR_THANKSGIVING, name: { ja: '勤労感謝の日', en: 'Labor Thanksgiving Day' }, open: false });
		expect(holidays.map((h) => h.date)).toContain('2027-01-01');
		expect(holidays.at(-1)!.date <= '2027-11-20').toBe(true);
		expect(holidays.length).toBeGreaterThanOrEqual(15);
		expect(await slotTimes(db(), followUp, LABOUR_THANKSGIVING)).toEqual([]);
	});

	it('makes an opened holiday bookable with the hours of its weekday', async () => {
		expect(await setHolidayOpening(db(), { date: LABOUR_THANKSGIVING, open: true }, owner, NOW)).toEqual({ ok: true, bookedAppointments: 0 });
		const times = await slotTimes(db(), followUp, LABOUR_THANKSGIVING);
		expect(times[0]).toBe('09:00');
		expect(times.at(-1)).toBe('18:30');
		expect((await loadClinicCalendar(db(), NOW)).holidays[0]!.open).toBe(true);
		// Opening it twice changes nothing.
		expect(await setHolidayOpening(db(), { date: LABOUR_THANKSGIVING, open: true }, owner, NOW)).toMatchObject({ ok: true });
	});

	it('closes it again', async () => {
		expect(await setHolidayOpening(db(), { date: LABOUR_THANKSGIVING, open: false }, owner, NOW)).toEqual({ ok: true, bookedAppointments: 0 });
		expect(await slotTimes(db(), followUp, LABOUR_THANKSGIVING)).toEqual([]);
	});

	it('refuses a day that is not a public holiday, and one already past', async () => {
		expect(await setHolidayOpening(db(), { date: '2026-11-30', open: true }, owner, NOW)).toEqual({ ok: false, code: 'not_a_holiday' });
		expect(await setHolidayOpening(db(), { date: '2026-11-03', open: true }, owner, NOW)).toEqual({ ok: false, code: 'in_the_past' });
		expect(await db().kysely.selectFrom('holiday_opening').selectAll().execute()).toEqual([]);
	});

	it('audits every opening and closing', async () => {
		expect(await auditActions(db())).toEqual(['scheduling.holiday_opened', 'scheduling.holiday_opened', 'scheduling.holiday_closed']);
	});
});
