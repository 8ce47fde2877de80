import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { getAvailability } from '../booking/get-availability';
import { seedDemoClinic } from '../seed/demo-clinic';
import { addTimeOff } from './add-time-off';
import { listPractitionerSummaries, loadPractitionerSettings } from './practitioner-settings';
import { removeTimeOff } from './remove-time-off';
import { setPractitionerActive } from './set-practitioner-active';
import { setPractitionerHours } from './set-practitioner-hours';
import { auditActions, bookFirstSlot, NOW, owner, practitionerIdOf, serviceIdOf, slotTimes } from './test-fixtures';

const MONDAY = '2026-11-30';
const at = (date: string, time: string) => ({ date, time });

describeEachDatabase('a practitioner’s hours, time off and status', (db) => {
	let sato = '';
	let fujita = '';
	let followUp = '';

	it('offers a practitioner only within their new working hours, breaks included', async () => {
		await seedDemoClinic(db());
		sato = await practitionerIdOf(db(), 'Sato');
		fujita = await practitionerIdOf(db(), 'Fujita');
		followUp = await serviceIdOf(db(), 'FOLLOW');
		const hours = [
			{ weekday: 1, start: '09:00', end: '10:00' },
			{ weekday: 1, start: '15:00', end: '16:00' }
		];
		expect(await setPractitionerHours(db(), fujita, hours, owner)).toEqual({ ok: true });
		expect(await slotTimes(db(), followUp, MONDAY, { practitioner: fujita })).toEqual(['09:00', '15:00']);
		expect((await loadPractitionerSettings(db(), fujita))!.workingHours).toEqual(hours);
		expect(await setPractitionerHours(db(), 'nobody', hours, owner)).toEqual({ ok: false, code: 'not_found' });
	});

	it('takes time off, typed in Tokyo time, out of availability and counts what was booked in it', async () => {
		const booked = await bookFirstSlot(db(), followUp, MONDAY, sato);
		expect(new Date(booked.starts_at).toISOString()).toBe('2026-11-30T00:00:00.000Z');
		const result = await addTimeOff(db(), sato, { from: at(MONDAY, '09:00'), to: at(MONDAY, '13:00'), note: '研修' }, owner, NOW);
		if (!result.ok) throw new Error(result.code);
		expect(result.bookedAppointments).toBe(1);
		expect((await slotTimes(db(), followUp, MONDAY, { practitioner: sato }))[0]).toBe('14:30');
		const { timeOff } = (await loadPractitionerSettings(db(), sato, NOW))!;
		expect(timeOff).toEqual([{ id: result.timeOffId, startsAt: '2026-11-30T00:00:00.000Z', endsAt: '2026-11-30T04:00:00.000Z', note: '研修' }]);
		// Once it has ended it is no longer listed.
		expect((await loadPractitionerSettings(db(), sato, Date.parse('2026-12-01T00:00:00Z')))!.timeOff).toEqual([]);
	});

	it('refuses time off that ends before it starts or is already over', async () => {
		expect(await addTimeOff(db(), sato, { from: at(MONDAY, '13:00'), to: at(MONDAY, '09:00'), note: '' }, owner, NOW)).toEqual({
			ok: false,
			code: 'end_not_after_start'
		});
		expect(await addTimeOff(db(), sato, { from: at('2026-11-19', '09:00'), to: at('2026-11-19', '18:00'), note: '' }, owner, NOW)).toEqual({
			ok: false,
			code: 'already_over'
		});
		expect(await addTimeOff(db(), 'nobody', { from: at(MONDAY, '09:00'), to: at(MONDAY, '10:00'), note: '' }, owner, NOW)).toEqual({
			ok: false,
			code: 'not_found'
		});
	});

	it('gives the hours back when the time off is removed', async () => {
		const [entry] = (await loadPractitionerSettings(db(), sato, NOW))!.timeOff;
		expect(await removeTimeOff(db(), fujita, entry!.id, owner)).toEqual({ ok: false, code: 'not_found' });
		expect(await removeTimeOff(db(), sato, entry!.id, owner)).toEqual({ ok: true });
		// 09:00 is Sato's booked appointment; the next free start after it and its buffer is 10:00.
		expect((await slotTimes(db(), followUp, MONDAY, { practitioner: sato }))[0]).toBe('10:00');
	});

	it('offers an inactive practitioner to nobody, and counts their booked patients', async () => {
		expect(await setPractitionerActive(db(), sato, false, owner, NOW)).toEqual({ ok: true, bookedAppointments: 1 });
		expect(await getAvailability(db(), { service: followUp, from: MONDAY, to: MONDAY, practitioner: sato }, { now: NOW })).toEqual({
			ok: false,
			code: 'practitioner_not_found'
		});
		const all = await getAvailability(db(), { service: followUp, from: MONDAY, to: MONDAY }, { now: NOW });
		expect(all.ok && all.slots.some((s) => s.practitionerId === sato)).toBe(false);
		expect((await listPractitionerSummaries(db())).at(-1)).toMatchObject({ id: sato, active: false });
		expect(await setPractitionerActive(db(), sato, true, owner, NOW)).toEqual({ ok: true, bookedAppointments: 0 });
		expect(await setPractitionerActive(db(), 'nobody', true, owner, NOW)).toEqual({ ok: false, code: 'not_found' });
	});

	it('audits each change, without the note', async () => {
		expect(await auditActions(db())).toEqual([
			'scheduling.practitioner_hours_changed',
			'scheduling.time_off_added',
			'scheduling.time_off_removed',
			'scheduling.practitioner_deactivated',
			'scheduling.practitioner_activated'
		]);
		const details = await db().kysely.selectFrom('audit_log').select('detail').where('action', '=', 'scheduling.time_off_added').execute();
		expect(details[0]!.detail).not.toContain('研修');
	});
});
