import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { billingWorld, checkEligibility, insuredPatient } from '../billing/test-fixtures';
import { listExpiringEligibilityCards } from './card-warnings';
import { eligibilityWarningsForPatients } from './eligibility';

const CERTIFICATE = { method: 'eligibility_certificate' };

describeEachDatabase('expiring 資格確認書 warn like an expiring 同意書', (db) => {
	it('lists the patients whose newest check ends within 30 days or ended, for the dashboard, chart and schedule alike', async () => {
		const world = await billingWorld(db());
		const soon = await insuredPatient(db());
		const ended = await insuredPatient(db());
		const renewed = await insuredPatient(db());
		const far = await insuredPatient(db());
		const myna = await insuredPatient(db());
		await checkEligibility(db(), world, soon, '2031-03-02', { ...CERTIFICATE, validUntil: '2031-03-20' });
		await checkEligibility(db(), world, ended, '2031-02-02', { ...CERTIFICATE, validUntil: '2031-02-28' });
		// A newer check with a new certificate: the old one needs no warning.
		await checkEligibility(db(), world, renewed, '2031-02-02', { ...CERTIFICATE, validUntil: '2031-03-10' });
		await checkEligibility(db(), world, renewed, '2031-03-01', { ...CERTIFICATE, validUntil: '2032-03-31' });
		await checkEligibility(db(), world, far, '2031-03-02', { ...CERTIFICATE, validUntil: '2031-06-30' });
		await checkEligibility(db(), world, myna, '2031-03-02');

		const today = '2031-03-05';
		const listed = (await listExpiringEligibilityCards(db(), { today })).filter((w) => [soon, ended, renewed, far, myna].includes(w.patientId));
		expect(listed).toEqual([
			{ patientId: ended, status: 'expired', validUntil: '2031-02-28', daysLeft: -5 },
			{ patientId: soon, status: 'expiring', validUntil: '2031-03-20', daysLeft: 15 }
		]);
		const flags = await eligibilityWarningsForPatients(db(), [soon, ended, renewed, far, myna], { today });
		expect([...flags.keys()].sort()).toEqual([soon, ended].sort());
		// Past the 90-day reminder window the warning stops.
		expect((await listExpiringEligibilityCards(db(), { today: '2031-06-01' })).some((w) => w.patientId === ended)).toBe(false);
	});
});
