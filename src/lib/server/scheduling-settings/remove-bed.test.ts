import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { addBed } from './add-bed';
import { moveBed } from './move-bed';
import { removeBed } from './remove-bed';
import { renameBed } from './rename-bed';
import { loadServiceCatalogue } from './service-catalogue';
import { auditActions, bookFirstSlot, NOW, owner, serviceIdOf } from './test-fixtures';

const bedNames = async (db: Parameters<typeof loadServiceCatalogue>[0]) => (await loadServiceCatalogue(db)).beds.map((b) => b.nameEn);

describeEachDatabase('beds', (db) => {
	it('adds a bed last, renames it and moves it up the order', async () => {
		await seedDemoClinic(db());
		const added = await addBed(db(), { nameJa: '個室', nameEn: 'Private room' }, owner);
		expect(await bedNames(db())).toEqual(['Bed 1', 'Bed 2', 'Bed 3', 'Private room']);
		expect(await renameBed(db(), added.bedId, { nameJa: '個室A', nameEn: 'Room A' }, owner)).toEqual({ ok: true });
		expect(await moveBed(db(), added.bedId, 'up', owner)).toEqual({ ok: true });
		expect(await bedNames(db())).toEqual(['Bed 1', 'Bed 2', 'Room A', 'Bed 3']);
		await moveBed(db(), added.bedId, 'up', owner);
		await moveBed(db(), added.bedId, 'up', owner);
		// Already first: nothing moves further.
		expect(await moveBed(db(), added.bedId, 'up', owner)).toEqual({ ok: true });
		expect(await bedNames(db())).toEqual(['Room A', 'Bed 1', 'Bed 2', 'Bed 3']);
		await moveBed(db(), added.bedId, 'down', owner);
		expect(await bedNames(db())).toEqual(['Bed 1', 'Room A', 'Bed 2', 'Bed 3']);
		expect(await renameBed(db(), 'nope', { nameJa: 'x', nameEn: 'x' }, owner)).toEqual({ ok: false, code: 'not_found' });
		expect(await moveBed(db(), 'nope', 'down', owner)).toEqual({ ok: false, code: 'not_found' });
	});

	it('refuses to remove a bed a future appointment uses, and says how many', async () => {
		const appointment = await bookFirstSlot(db(), await serviceIdOf(db(), 'FOLLOW'), '2026-11-30');
		const bedId = appointment.bed_id!;
		expect(await removeBed(db(), bedId, owner, NOW)).toEqual({ ok: false, code: 'bed_in_use', appointments: 1 });
		expect((await loadServiceCatalogue(db())).beds.some((b) => b.id === bedId)).toBe(true);
	});

	it('removes it once that appointment is in the past, keeping the appointment without a bed', async () => {
		const appointment = await db().kysely.selectFrom('appointment').selectAll().executeTakeFirstOrThrow();
		const later = Date.parse(appointment.held_until) + 60_000;
		expect(await removeBed(db(), appointment.bed_id!, owner, later)).toEqual({ ok: true });
		const kept = await db().kysely.selectFrom('appointment').select(['status', 'bed_id']).where('id', '=', appointment.id).executeTakeFirstOrThrow();
		expect(kept).toEqual({ status: 'booked', bed_id: null });
		const grains = await db().kysely.selectFrom('occupancy').select('resource').where('appointment_id', '=', appointment.id).execute();
		expect(grains.map((g) => g.resource)).toEqual(grains.map(() => `practitioner:${appointment.practitioner_id}`));
		expect(await bedNames(db())).toEqual(['Room A', 'Bed 2', 'Bed 3']);
	});

	it('keeps the last bed while a service needs one', async () => {
		const beds = (await loadServiceCatalogue(db())).beds;
		expect(await removeBed(db(), beds[0]!.id, owner, NOW)).toEqual({ ok: true });
		expect(await removeBed(db(), beds[1]!.id, owner, NOW)).toEqual({ ok: true });
		expect(await removeBed(db(), beds[2]!.id, owner, NOW)).toEqual({ ok: false, code: 'last_bed' });
		expect(await removeBed(db(), 'nope', owner, NOW)).toEqual({ ok: false, code: 'not_found' });
	});

	it('audits every change to the beds', async () => {
		const actions = await auditActions(db());
		expect(actions.filter((a) => a === 'scheduling.bed_moved')).toHaveLength(5);
		expect(actions.filter((a) => a === 'scheduling.bed_removed')).toHaveLength(3);
		expect(actions.slice(0, 2)).toEqual(['scheduling.bed_added', 'scheduling.bed_renamed']);
	});
});
