import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { listBookableServices, listPractitionersFor } from '../booking/booking-flow';
import { seedDemoClinic } from '../seed/demo-clinic';
import { seedDemoProfiles } from '../seed/demo-profiles';
import { loadPractitionerSettings } from './practitioner-settings';
import { ZPractitionerProfileSchema, ZUpdateServiceSchema } from './schemas';
import { loadServiceCatalogue } from './service-catalogue';
import { auditActions, owner, practitionerIdOf, serviceIdOf } from './test-fixtures';
import { updatePractitionerProfile } from './update-practitioner-profile';
import { updateService } from './update-service';

const serviceForm = (serviceId: string, extra: Record<string, string> = {}) => ({
	serviceId,
	nameJa: '再診（鍼治療）',
	nameEn: 'Follow-up treatment',
	durationMinutes: '45',
	bufferMinutes: '10',
	priceJpy: '5500',
	needsBed: 'on',
	bookableOnline: 'on',
	...extra
});

it('reads the profile form: ticked languages in order, text trimmed, at most 400 characters', () => {
	const parsed = ZPractitionerProfileSchema.parse({
		bioJa: '  はり師です。\r\n英語も話します。 ',
		bioEn: '',
		'language-en': 'on',
		'language-ja': 'on',
		'language-fr': 'on'
	});
	expect(parsed).toEqual({ bioJa: 'はり師です。\n英語も話します。', bioEn: '', languages: ['ja', 'en'] });
	expect(ZPractitionerProfileSchema.parse({})).toEqual({ bioJa: '', bioEn: '', languages: [] });
	const tooLong = ZPractitionerProfileSchema.safeParse({ bioJa: 'あ'.repeat(401), bioEn: 'x'.repeat(400) });
	expect(tooLong.success).toBe(false);
	expect(tooLong.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['bioJa', 'too_big']]);
	expect(ZPractitionerProfileSchema.safeParse({ 'language-ko': 'yes' }).success).toBe(false);
	const longDescription = ZUpdateServiceSchema.safeParse(serviceForm('s', { descriptionEn: 'x'.repeat(401) }));
	expect(longDescription.error?.issues.map((i) => i.path.join('.'))).toEqual(['descriptionEn']);
});

describeEachDatabase('service descriptions and practitioner profiles', (db) => {
	let followUp = '';
	let takahashi = '';

	it('saves a service description and shows it where the patient chooses', async () => {
		await seedDemoClinic(db());
		followUp = await serviceIdOf(db(), 'FOLLOW');
		expect((await listBookableServices(db())).find((s) => s.id === followUp)?.description).toEqual({ ja: '', en: '' });
		const change = ZUpdateServiceSchema.parse(serviceForm(followUp, { descriptionJa: '2回目以降の方向けです。', descriptionEn: 'For returning patients.' }));
		expect(await updateService(db(), change, owner)).toEqual({ ok: true });
		expect((await listBookableServices(db())).find((s) => s.id === followUp)?.description).toEqual({
			ja: '2回目以降の方向けです。',
			en: 'For returning patients.'
		});
		expect((await loadServiceCatalogue(db())).services.find((s) => s.id === followUp)).toMatchObject({
			descriptionJa: '2回目以降の方向けです。',
			descriptionEn: 'For returning patients.'
		});
		expect(await auditActions(db())).toContain('scheduling.service_changed');
	});

	it('saves a practitioner profile, audited, and shows the bio and languages in the practitioner step', async () => {
		takahashi = await practitionerIdOf(db(), 'Takahashi');
		const profile = ZPractitionerProfileSchema.parse({ bioJa: 'はり師です。', bioEn: 'Licensed acupuncturist.', 'language-zh': 'on', 'language-ja': 'on' });
		expect(await updatePractitionerProfile(db(), takahashi, profile, owner)).toEqual({ ok: true });
		const offered = (await listPractitionersFor(db(), followUp)).find((p) => p.id === takahashi);
		expect(offered).toMatchObject({ bio: { ja: 'はり師です。', en: 'Licensed acupuncturist.' }, languages: ['ja', 'zh'] });
		expect((await loadPractitionerSettings(db(), takahashi))!.profile).toEqual({
			bioJa: 'はり師です。',
			bioEn: 'Licensed acupuncturist.',
			languages: ['ja', 'zh']
		});
		expect(await auditActions(db())).toContain('scheduling.practitioner_profile_changed');
		expect(await updatePractitionerProfile(db(), 'nobody', profile, owner)).toEqual({ ok: false, code: 'not_found' });
	});

	it('clears a profile to nothing', async () => {
		expect(await updatePractitionerProfile(db(), takahashi, { bioJa: '', bioEn: '', languages: [] }, owner)).toEqual({ ok: true });
		expect((await listPractitionersFor(db(), followUp)).find((p) => p.id === takahashi)).toMatchObject({ bio: { ja: '', en: '' }, languages: [] });
	});

	it('gives the demo clinic descriptions and profiles in both languages', async () => {
		await seedDemoProfiles(db());
		for (const service of await listBookableServices(db())) {
			expect(service.description.ja).not.toBe('');
			expect(service.description.en).not.toBe('');
		}
		const fujita = (await listPractitionersFor(db(), followUp)).find((p) => p.name.en === 'Makoto Fujita');
		expect(fujita?.languages).toEqual(['ja', 'en']);
		expect(fujita?.bio.en).not.toBe('');
	});
});
