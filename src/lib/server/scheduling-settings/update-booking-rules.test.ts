import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { getAvailability } from '../booking/get-availability';
import { seedDemoClinic } from '../seed/demo-clinic';
import { loadClinicCalendar } from './clinic-calendar';
import { auditActions, NOW, owner, serviceIdOf, slotTimes } from './test-fixtures';
import { updateBookingRules } from './update-booking-rules';

const DEFAULTS = { slotStepMinutes: 15, minNoticeMinutes: 120, horizonDays: 90, cancellationCutoffHours: 24 };

describeEachDatabase('booking rules', (db) => {
	let followUp = '';

	it('starts from the defaults: 15-minute steps, 2 hours notice, 90 days ahead, 24 hours to cancel', async () => {
		await seedDemoClinic(db());
		followUp = await serviceIdOf(db(), 'FOLLOW');
		expect((await loadClinicCalendar(db(), NOW)).rules).toEqual(DEFAULTS);
		// Friday 09:00 now: two hours' notice makes 11:00 the first slot today.
		expect((await slotTimes(db(), followUp, '2026-11-20'))[0]).toBe('11:00');
	});

	it('spaces slots by the new step and moves the earliest slot with the notice', async () => {
		const rules = { slotStepMinutes: 30, minNoticeMinutes: 30, horizonDays: 10, cancellationCutoffHours: 48 };
		expect(await updateBookingRules(db(), rules, owner)).toEqual({ ok: true });
		expect((await loadClinicCalendar(db(), NOW)).rules).toEqual(rules);
		const today = await slotTimes(db(), followUp, '2026-11-20');
		expect(today[0]).toBe('09:30');
		expect(today.every((t) => t.endsWith(':00') || t.endsWith(':30'))).toBe(true);
	});

	it('stops offering days beyond the new horizon', async () => {
		const beyond = await getAvailability(db(), { service: followUp, from: '2026-12-01', to: '2026-12-01' }, { now: NOW });
		expect(beyond).toEqual({ ok: false, code: 'outside_booking_window', field: 'to' });
	});

	it('refuses a step that is not a divisor of the hour in grains, and values out of range', async () => {
		for (const bad of [
			{ ...DEFAULTS, slotStepMinutes: 7 },
			{ ...DEFAULTS, minNoticeMinutes: 121 },
			{ ...DEFAULTS, horizonDays: 0 },
			{ ...DEFAULTS, cancellationCutoffHours: -1 }
		]) {
			expect(await updateBookingRules(db(), bad, owner), JSON.stringify(bad)).toEqual({ ok: false, code: 'invalid_rules' });
		}
		expect((await loadClinicCalendar(db(), NOW)).rules.slotStepMinutes).toBe(30);
		expect(await auditActions(db())).toEqual(['scheduling.booking_rules_changed']);
	});
});
