import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { addClosure } from './add-closure';
import { loadClinicCalendar } from './clinic-calendar';
import { removeClosure } from './remove-closure';
import { auditActions, bookFirstSlot, NOW, owner, serviceIdOf, slotTimes } from './test-fixtures';

const MONDAY = '2026-11-30';

describeEachDatabase('closures', (db) => {
	let followUp = '';

	it('removes a closed day from availability and lists it with its reasons', async () => {
		await seedDemoClinic(db());
		followUp = await serviceIdOf(db(), 'FOLLOW');
		expect((await slotTimes(db(), followUp, MONDAY)).length).toBeGreaterThan(0);
		const result = await addClosure(db(), { date: MONDAY, reasonJa: '研修のため', reasonEn: 'Training day' }, owner, NOW);
		expect(result).toEqual({ ok: true, bookedAppointments: 0 });
		expect(await slotTimes(db(), followUp, MONDAY)).toEqual([]);
		expect((await slotTimes(db(), followUp, '2026-12-01')).length).toBeGreaterThan(0);
		expect((await loadClinicCalendar(db(), NOW)).closures).toEqual([{ date: MONDAY, reasonJa: '研修のため', reasonEn: 'Training day' }]);
	});

	it('refuses the same day twice and a day already past', async () => {
		expect(await addClosure(db(), { date: MONDAY, reasonJa: '', reasonEn: '' }, owner, NOW)).toEqual({ ok: false, code: 'already_closed' });
		expect(await addClosure(db(), { date: '2026-11-19', reasonJa: '', reasonEn: '' }, owner, NOW)).toEqual({ ok: false, code: 'in_the_past' });
	});

	it('gives the one of two simultaneous closures of a day a clear answer, on both engines', async () => {
		const attempts = await Promise.all([0, 1, 2].map(() => addClosure(db(), { date: '2026-12-07', reasonJa: '', reasonEn: '' }, owner, NOW)));
		expect(attempts.filter((a) => a.ok)).toHaveLength(1);
		expect(attempts.filter((a) => !a.ok)).toEqual([
			{ ok: false, code: 'already_closed' },
			{ ok: false, code: 'already_closed' }
		]);
	});

	it('counts the patients already booked on a day it closes, and leaves their appointments alone', async () => {
		const appointment = await bookFirstSlot(db(), followUp, '2026-12-01');
		expect(await addClosure(db(), { date: '2026-12-01', reasonJa: '', reasonEn: '' }, owner, NOW)).toEqual({ ok: true, bookedAppointments: 1 });
		const kept = await db().kysely.selectFrom('appointment').select('status').where('id', '=', appointment.id).executeTakeFirstOrThrow();
		expect(kept.status).toBe('booked');
	});

	it('opens the day again when the closure is removed', async () => {
		expect(await removeClosure(db(), MONDAY, owner)).toEqual({ ok: true });
		expect((await slotTimes(db(), followUp, MONDAY))[0]).toBe('09:00');
		expect(await removeClosure(db(), MONDAY, owner)).toEqual({ ok: false, code: 'not_found' });
	});

	it('lists only closures from today on', async () => {
		const later = Date.parse('2026-12-05T00:00:00Z');
		expect((await loadClinicCalendar(db(), later)).closures.map((c) => c.date)).toEqual(['2026-12-07']);
	});

	it('audits each closure added or removed', async () => {
		expect(await auditActions(db())).toEqual([
			'scheduling.closure_added',
			'scheduling.closure_added',
			'scheduling.closure_added',
			'scheduling.closure_removed'
		]);
	});
});
