import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { setOffersCupping } from '../clinic/treatment-settings';
import { recordTechniques } from './record-techniques';
import { getSessionRecord } from './session-record';
import { openSession, practitionerActor } from './test-fixtures';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const cupping = { cuppingCups: '4', cuppingMinutes: '5' };

describeEachDatabase('cupping and the clinic setting', (db) => {
	afterEach(async () => setOffersCupping(db(), true, { type: 'system', id: null, ip: null, requestId: null }));

	it('refuses cupping with a field error while the clinic does not offer it, and takes the rest once it is left out', async () => {
		const actor = await practitionerActor(db());
		const { patientId, sessionId } = await openSession(db(), actor, NOW);
		await setOffersCupping(db(), false, actor);
		expect(await recordTechniques(db(), patientId, sessionId, { eaPairs: '2', eaFrequencyHz: '2', eaMinutes: '15', ...cupping }, actor, NOW)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { cuppingCups: 'treatmentSession.error.cuppingNotOffered' }
		});
		expect((await getSessionRecord(db(), patientId, sessionId, actor, NOW))!.techniques.electroacupuncture).toBeNull();
		expect(await recordTechniques(db(), patientId, sessionId, { eaPairs: '2', eaFrequencyHz: '2', eaMinutes: '15' }, actor, NOW)).toEqual({
			ok: true,
			amended: false
		});
	});

	it('keeps cupping recorded while it was offered, but refuses to change it after', async () => {
		const actor = await practitionerActor(db());
		const { patientId, sessionId } = await openSession(db(), actor, NOW);
		expect(await recordTechniques(db(), patientId, sessionId, cupping, actor, NOW)).toEqual({ ok: true, amended: false });
		await setOffersCupping(db(), false, actor);
		expect(await recordTechniques(db(), patientId, sessionId, { ...cupping, moxaType: 'stick', moxaCones: '2' }, actor, NOW)).toEqual({
			ok: true,
			amended: false
		});
		expect(await recordTechniques(db(), patientId, sessionId, { ...cupping, cuppingMinutes: '10' }, actor, NOW)).toMatchObject({
			ok: false,
			fields: { cuppingCups: 'treatmentSession.error.cuppingNotOffered' }
		});
		expect((await getSessionRecord(db(), patientId, sessionId, actor, NOW))!.techniques.cupping).toEqual({ cups: 4, minutes: 5 });
	});
});
