import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { doctorConsentStatus, listExpiringDoctorConsents, recordDoctorConsent } from './doctor-consent';
import { billingWorld, CONSENT_INPUT, insuredPatient } from './test-fixtures';

const NOW = new Date('2027-09-30T15:30:00.000Z'); // 2027-10-01 00:30 in Tokyo: "today" is the clinic's day

describeEachDatabase('doctor consents (同意書)', (db) => {
	describe('recording', () => {
		it('records a consent that has not started until the first treatment under it', async () => {
			const { actor } = await billingWorld(db());
			const patientId = await insuredPatient(db());
			const recorded = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-09-20' }, actor, { now: NOW });
			expect(recorded).toMatchObject({ ok: true, consent: { status: 'not_started', expiresOn: null, conditions: ['neuralgia', 'lumbago'], kind: 'initial' } });
			const audit = await db()
				.kysely.selectFrom('audit_log')
				.select(['action', 'patient_id'])
				.where('entity_id', '=', recorded.ok ? recorded.id : '')
				.execute();
			expect(audit).toEqual([{ action: 'doctor_consent.record', patient_id: patientId }]);
		});

		it('starts a renewal (再同意) on the day it was signed', async () => {
			const { actor } = await billingWorld(db());
			const patientId = await insuredPatient(db());
			const recorded = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2027-09-16' }, actor, { now: NOW });
			expect(recorded).toMatchObject({ ok: true, consent: { firstTreatmentOn: '2027-09-16', expiresOn: '2028-03-31', status: 'valid', daysLeft: 182 } });
		});

		it('reports every bad field with a catalogue key', async () => {
			const { actor } = await billingWorld(db());
			const patientId = await insuredPatient(db());
			expect(
				await recordDoctorConsent(db(), patientId, { doctorName: ' ', institution: 'x', signedOn: '2027-02-29', conditions: ['headache'] }, actor, { now: NOW })
			).toEqual({
				ok: false,
				code: 'invalid',
				fields: { doctorName: 'billing.error.required', signedOn: 'billing.error.date', conditions: 'billing.error.conditions' }
			});
			expect(await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, conditions: [], signedOn: '2027-09-01' }, actor, { now: NOW })).toMatchObject({
				fields: { conditions: 'billing.error.conditions' }
			});
			expect(
				await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-09-10', firstTreatmentOn: '2027-09-09' }, actor, { now: NOW })
			).toMatchObject({
				fields: { firstTreatmentOn: 'billing.error.firstTreatmentBeforeSigning' }
			});
			expect(await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-10-02' }, actor, { now: NOW })).toMatchObject({
				fields: { signedOn: 'billing.error.dateInFuture' }
			});
			expect(await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2003-01-01' }, actor, { now: NOW })).toMatchObject({
				fields: { signedOn: 'billing.error.tooEarly' }
			});
		});

		it('accepts one condition as a single form value', async () => {
			const { actor } = await billingWorld(db());
			const patientId = await insuredPatient(db());
			expect(
				await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, conditions: 'lumbago', signedOn: '2027-09-01' }, actor, { now: NOW })
			).toMatchObject({ ok: true, consent: { conditions: ['lumbago'] } });
		});

		it('refuses an unknown or merged patient and anyone but staff', async () => {
			const { actor } = await billingWorld(db());
			expect(await recordDoctorConsent(db(), crypto.randomUUID(), { ...CONSENT_INPUT, signedOn: '2027-09-01' }, actor, { now: NOW })).toEqual({
				ok: false,
				code: 'not_found'
			});
			const patientId = await insuredPatient(db());
			expect(
				await recordDoctorConsent(
					db(),
					patientId,
					{ ...CONSENT_INPUT, signedOn: '2027-09-01' },
					{ type: 'patient', id: patientId, ip: null, requestId: null },
					{ now: NOW }
				)
			).toEqual({ ok: false, code: 'forbidden' });
		});
	});

	describe('status', () => {
		it('moves from valid to expiring to expired with the clinic’s calendar', async () => {
			const { actor } = await billingWorld(db());
			const patientId = await insuredPatient(db());
			await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-08-20', firstTreatmentOn: '2027-08-31' }, actor, { now: NOW }); // until 2028-02-29
			const on = async (today: string) => {
				const status = await doctorConsentStatus(db(), patientId, actor, { today });
				return status.ok ? status.current : undefined;
			};
			expect(await on('2028-01-29')).toMatchObject({ status: 'valid', expiresOn: '2028-02-29', daysLeft: 31 });
			expect(await on('2028-01-30')).toMatchObject({ status: 'expiring', daysLeft: 30 });
			expect(await on('2028-02-29')).toMatchObject({ status: 'expiring', daysLeft: 0 });
			expect(await on('2028-03-01')).toMatchObject({ status: 'expired', daysLeft: -1 });
		});

		it('takes today from the clinic’s time zone and audits the read', async () => {
			const { actor } = await billingWorld(db());
			const patientId = await insuredPatient(db());
			await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2027-04-10' }, actor, { now: NOW }); // until 2027-09-30
			const status = await doctorConsentStatus(db(), patientId, actor, { now: NOW });
			expect(status).toMatchObject({ ok: true, today: '2027-10-01', current: { status: 'expired', expiresOn: '2027-09-30' } });
			const reads = await db()
				.kysely.selectFrom('audit_log')
				.select('action')
				.where('patient_id', '=', patientId)
				.where('action', '=', 'doctor_consent.read')
				.execute();
			expect(reads).toHaveLength(1);
		});

		it('shows the renewal as current once signed, and no consent as none', async () => {
			const { actor } = await billingWorld(db());
			const patientId = await insuredPatient(db());
			expect(await doctorConsentStatus(db(), patientId, actor, { now: NOW })).toMatchObject({ ok: true, consents: [], current: null });
			await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2027-04-10' }, actor, { now: NOW });
			const renewal = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2027-09-28' }, actor, { now: NOW });
			const status = await doctorConsentStatus(db(), patientId, actor, { now: NOW });
			expect(status.ok && status.current?.id).toBe(renewal.ok ? renewal.id : 'missing');
			expect(status.ok && status.consents.map((c) => c.signedOn)).toEqual(['2027-09-28', '2027-04-10']);
		});
	});

	it('lists consents running out within 30 days, soonest first, and says which are already renewed', async () => {
		const { actor } = await billingWorld(db());
		const today = '2030-01-10';
		const later = { now: new Date('2030-01-10T03:00:00.000Z') };
		const soon = await insuredPatient(db());
		await recordDoctorConsent(db(), soon, { ...CONSENT_INPUT, signedOn: '2029-07-01', firstTreatmentOn: '2029-07-20' }, actor, later); // until 2030-01-31
		const renewed = await insuredPatient(db());
		await recordDoctorConsent(db(), renewed, { ...CONSENT_INPUT, signedOn: '2029-08-01', firstTreatmentOn: '2029-08-10' }, actor, later); // until 2030-01-31
		await recordDoctorConsent(db(), renewed, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2030-01-05' }, actor, later);
		const farOff = await insuredPatient(db());
		await recordDoctorConsent(db(), farOff, { ...CONSENT_INPUT, signedOn: '2029-09-01', firstTreatmentOn: '2029-09-20' }, actor, later); // until 2030-03-31
		const expiring = (await listExpiringDoctorConsents(db(), { today })).filter((c) => [soon, renewed, farOff].includes(c.patientId));
		expect(expiring.map((c) => [c.patientId, c.expiresOn, c.daysLeft, c.renewed]).sort()).toEqual(
			[
				[soon, '2030-01-31', 21, false],
				[renewed, '2030-01-31', 21, true]
			].sort()
		);
	});
});
