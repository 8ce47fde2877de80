import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { loadPractitionerSettings } from './practitioner-settings';
import { setPractitionerServices } from './set-practitioner-services';
import { auditActions, owner, practitionerIdOf, serviceIdOf } from './test-fixtures';
import { updatePractitionerLicences } from './update-practitioner-licences';

describeEachDatabase('practitioner services and licences', (db) => {
	let takahashi = '';
	let moxa = '';
	let followUp = '';

	it('refuses moxibustion for a practitioner without a きゅう師 licence (§6 of the clinical rules)', async () => {
		await seedDemoClinic(db());
		takahashi = await practitionerIdOf(db(), 'Takahashi');
		moxa = await serviceIdOf(db(), 'MOXA');
		followUp = await serviceIdOf(db(), 'FOLLOW');
		const before = (await loadPractitionerSettings(db(), takahashi))!.serviceIds;
		expect(before).not.toContain(moxa);
		expect(await setPractitionerServices(db(), takahashi, [...before, moxa], owner)).toEqual({ ok: false, code: 'kyu_licence_required', serviceIds: [moxa] });
		expect((await loadPractitionerSettings(db(), takahashi))!.serviceIds.sort()).toEqual([...before].sort());
	});

	it('allows it once the licence number is recorded', async () => {
		expect(await updatePractitionerLicences(db(), takahashi, { hariLicence: '第900301号', kyuLicence: '第900302号' }, owner)).toEqual({ ok: true });
		expect(await setPractitionerServices(db(), takahashi, [followUp, moxa], owner)).toEqual({ ok: true });
		const settings = (await loadPractitionerSettings(db(), takahashi))!;
		expect(settings.serviceIds.sort()).toEqual([followUp, moxa].sort());
		expect(settings.kyuLicence).toBe('第900302号');
	});

	it('will not clear the きゅう師 licence while moxibustion is still offered', async () => {
		expect(await updatePractitionerLicences(db(), takahashi, { hariLicence: '第900301号', kyuLicence: null }, owner)).toEqual({
			ok: false,
			code: 'kyu_licence_in_use',
			serviceCodes: ['MOXA']
		});
		await setPractitionerServices(db(), takahashi, [followUp], owner);
		expect(await updatePractitionerLicences(db(), takahashi, { hariLicence: '第900301号', kyuLicence: null }, owner)).toEqual({ ok: true });
		expect((await loadPractitionerSettings(db(), takahashi))!.kyuLicence).toBeNull();
	});

	it('lets a practitioner offer no service at all, and refuses unknown ones', async () => {
		expect(await setPractitionerServices(db(), takahashi, [], owner)).toEqual({ ok: true });
		expect((await loadPractitionerSettings(db(), takahashi))!.serviceIds).toEqual([]);
		expect(await setPractitionerServices(db(), takahashi, ['nope'], owner)).toEqual({ ok: false, code: 'unknown_service' });
		expect(await setPractitionerServices(db(), 'nobody', [], owner)).toEqual({ ok: false, code: 'not_found' });
		expect(await updatePractitionerLicences(db(), 'nobody', { hariLicence: null, kyuLicence: null }, owner)).toEqual({ ok: false, code: 'not_found' });
	});

	it('never ends with moxibustion offered and the licence cleared, however two saves interleave', async () => {
		await updatePractitionerLicences(db(), takahashi, { hariLicence: '第900301号', kyuLicence: '第900302号' }, owner);
		for (let round = 0; round < 5; round++) {
			await setPractitionerServices(db(), takahashi, [followUp], owner);
			await Promise.all([
				setPractitionerServices(db(), takahashi, [followUp, moxa], owner),
				updatePractitionerLicences(db(), takahashi, { hariLicence: '第900301号', kyuLicence: null }, owner)
			]);
			const settings = (await loadPractitionerSettings(db(), takahashi))!;
			expect(settings.serviceIds.includes(moxa) && settings.kyuLicence === null).toBe(false);
			await updatePractitionerLicences(db(), takahashi, { hariLicence: '第900301号', kyuLicence: '第900302号' }, owner);
		}
		await setPractitionerServices(db(), takahashi, [], owner);
	});

	it('audits only the changes that were made', async () => {
		expect((await auditActions(db())).slice(0, 5)).toEqual([
			'scheduling.practitioner_licences_changed',
			'scheduling.practitioner_services_changed',
			'scheduling.practitioner_services_changed',
			'scheduling.practitioner_licences_changed',
			'scheduling.practitioner_services_changed'
		]);
		const refused = await db()
			.kysely.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'scheduling.%')
			.where('entity_id', '!=', takahashi)
			.execute();
		expect(refused).toEqual([]);
	});
});
