import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { consentWarningsForPatients } from './consent-warnings';
import { recordDoctorConsent } from './doctor-consent';
import { billingWorld, CONSENT_INPUT, insuredPatient } from './test-fixtures';

const NOW = new Date('2027-10-01T03:00:00.000Z');

describeEachDatabase('doctor-consent warnings for the schedule and the chart', (db) => {
	it('flags a consent running out within 30 days and one run out without a renewal, in one read', async () => {
		const { actor } = await billingWorld(db());
		const [expiring, renewed, none] = [await insuredPatient(db()), await insuredPatient(db()), await insuredPatient(db())];
		for (const patientId of [expiring, renewed]) {
			const recorded = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2027-09-16' }, actor, { now: NOW }); // valid until 2028-03-31
			expect(recorded.ok).toBe(true);
		}
		const later = new Date('2028-03-20T03:00:00.000Z');
		expect((await recordDoctorConsent(db(), renewed, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2028-03-18' }, actor, { now: later })).ok).toBe(true);

		const warnings = await consentWarningsForPatients(db(), [expiring, renewed, none], { today: '2028-03-15' });
		expect(warnings.get(expiring)).toEqual({ status: 'expiring', expiresOn: '2028-03-31', daysLeft: 16 });
		expect(warnings.has(none)).toBe(false);
		const afterExpiry = await consentWarningsForPatients(db(), [expiring, renewed], { today: '2028-04-02' });
		expect(afterExpiry.get(expiring)).toMatchObject({ status: 'expired', daysLeft: -2 });
		expect(afterExpiry.has(renewed)).toBe(false);
	});
});
