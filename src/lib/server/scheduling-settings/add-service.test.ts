import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { getAvailability } from '../booking/get-availability';
import { seedDemoClinic } from '../seed/demo-clinic';
import { addService } from './add-service';
import { loadServiceCatalogue } from './service-catalogue';
import { setPractitionerServices } from './set-practitioner-services';
import { auditActions, NOW, owner, practitionerIdOf, serviceIdOf, slotTimes } from './test-fixtures';
import { updateService } from './update-service';

const MONDAY = '2026-11-30';
const cupping = {
	code: 'CUP',
	nameJa: '吸い玉',
	nameEn: 'Cupping',
	descriptionJa: '',
	descriptionEn: '',
	durationMinutes: 30,
	bufferMinutes: 5,
	priceJpy: 3300,
	needsBed: true,
	newPatientOnly: false,
	bookableOnline: true,
	isAddOn: false
};

describeEachDatabase('services', (db) => {
	let followUp = '';

	it('books a changed length and buffer from then on', async () => {
		await seedDemoClinic(db());
		followUp = await serviceIdOf(db(), 'FOLLOW');
		const service = (await loadServiceCatalogue(db())).services.find((s) => s.code === 'FOLLOW')!;
		const change = { ...service, serviceId: followUp, durationMinutes: 60, bufferMinutes: 0, priceJpy: 6000 };
		expect(await updateService(db(), change, owner)).toEqual({ ok: true });
		const availability = await getAvailability(db(), { service: followUp, from: MONDAY, to: MONDAY }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		expect(availability.slots.every((s) => s.end - s.start === 60 * 60_000)).toBe(true);
		// 60 minutes with no buffer end exactly at 19:30.
		expect((await slotTimes(db(), followUp, MONDAY)).at(-1)).toBe('18:30');
		expect((await loadServiceCatalogue(db())).services.find((s) => s.code === 'FOLLOW')).toMatchObject({ priceJpy: 6000, durationMinutes: 60 });
	});

	it('takes a service off online booking when it is no longer bookable online', async () => {
		const service = (await loadServiceCatalogue(db())).services.find((s) => s.code === 'EA')!;
		await updateService(db(), { ...service, serviceId: service.id, bookableOnline: false }, owner);
		expect(await getAvailability(db(), { service: service.id, from: MONDAY, to: MONDAY }, { now: NOW })).toEqual({ ok: false, code: 'service_not_found' });
	});

	it('answers not_found for a service that does not exist', async () => {
		expect(await updateService(db(), { ...cupping, serviceId: 'nope' }, owner)).toEqual({ ok: false, code: 'not_found' });
	});

	it('adds a service last in the list, offered once a practitioner performs it', async () => {
		const added = await addService(db(), cupping, owner);
		if (!added.ok) throw new Error(added.code);
		const { services } = await loadServiceCatalogue(db());
		expect(services.at(-1)).toMatchObject({ id: added.serviceId, code: 'CUP', nameEn: 'Cupping', priceJpy: 3300 });
		expect(await slotTimes(db(), added.serviceId, MONDAY)).toEqual([]);
		const sato = await practitionerIdOf(db(), 'Sato');
		const current = await db().kysely.selectFrom('practitioner_service').select('service_id').where('practitioner_id', '=', sato).execute();
		await setPractitionerServices(db(), sato, [...current.map((s) => s.service_id), added.serviceId], owner);
		expect((await slotTimes(db(), added.serviceId, MONDAY))[0]).toBe('09:00');
	});

	it('refuses a code that is taken or not uppercase letters and digits', async () => {
		expect(await addService(db(), cupping, owner)).toEqual({ ok: false, code: 'code_taken' });
		expect(await addService(db(), { ...cupping, code: 'cup-2' }, owner)).toEqual({ ok: false, code: 'invalid_code' });
		const attempts = await Promise.all([0, 1].map(() => addService(db(), { ...cupping, code: 'HOT' }, owner)));
		expect(attempts.filter((a) => a.ok)).toHaveLength(1);
		expect(attempts.find((a) => !a.ok)).toEqual({ ok: false, code: 'code_taken' });
	});

	it('audits the changes', async () => {
		expect(await auditActions(db())).toEqual([
			'scheduling.service_changed',
			'scheduling.service_changed',
			'scheduling.service_added',
			'scheduling.practitioner_services_changed',
			'scheduling.service_added'
		]);
	});
});
