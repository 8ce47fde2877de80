import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { claimMonths, claimVisitsForMonth } from './claims-export';
import { createChargeForAppointment } from './create-charge';
import { recordDoctorConsent } from './doctor-consent';
import { billingWorld, checkEligibility, CONSENT_INPUT, insertVisit, insuredPatient } from './test-fixtures';
import { voidCharge } from './void-charge';

const NOW = new Date('2028-06-01T03:00:00.000Z');

describeEachDatabase('monthly claim data', (db) => {
	it('lists each insured visit of the month once, without self-pay or voided charges', async () => {
		const world = await billingWorld(db());
		// A made-up insurer number that no other test uses keeps the shared database out of the count.
		const insurer = `9${String(randomInt(10_000_000)).padStart(7, '0')}`;
		const patientId = await insuredPatient(db(), { insurerNumber: insurer });
		await db().kysely.updateTable('patient').set({ family_name_kana: 'ヤマダ', given_name_kana: 'タロウ' }).where('id', '=', patientId).execute();
		const consent = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-09-10' }, world.actor, { now: NOW });
		expect(consent.ok).toBe(true);
		await checkEligibility(db(), world, patientId, '2027-09-16', { insurerNumber: insurer });
		await checkEligibility(db(), world, patientId, '2027-10-01', { insurerNumber: insurer });
		const charge = async (startsAt: string, payer: 'insurance' | 'self_pay') => {
			const visit = await insertVisit(db(), world, patientId, startsAt);
			const created = await createChargeForAppointment(db(), visit, { payer, sharePercent: '30' }, world.actor, { now: NOW });
			if (!created.ok) throw new Error(created.code);
			return created.chargeId;
		};
		await charge('2027-09-16T01:00:00.000Z', 'insurance');
		await charge('2027-09-23T01:00:00.000Z', 'insurance');
		await charge('2027-09-24T01:00:00.000Z', 'self_pay');
		const voided = await charge('2027-09-30T01:00:00.000Z', 'insurance');
		await voidCharge(db(), voided, { reason: '入力誤り' }, world.actor, { now: NOW });
		await charge('2027-10-01T01:00:00.000Z', 'insurance');

		const visits = await claimVisitsForMonth(db(), { month: '2027-09', insurerNumber: insurer }, world.actor, 'ja');
		expect(visits.map((v) => v.visitDate)).toEqual(['2027-09-16', '2027-09-23']);
		expect(visits[0]).toMatchObject({
			nameKana: 'ヤマダ タロウ',
			insurerNumber: insurer,
			insuranceSymbol: '12',
			insuranceNumber: '345',
			consentSignedOn: '2027-09-10',
			insuranceFeeJpy: 3560,
			sharePercent: 30,
			patientShareJpy: 1068,
			claimJpy: 2492
		});
		expect(visits[0]!.feeItems.reduce((sum, item) => sum + item.amountJpy, 0)).toBe(3560);
		expect(visits[0]!.feeItems[0]!.name).toMatch(/初検料/);
		expect(await claimVisitsForMonth(db(), { month: '2027-10', insurerNumber: insurer }, world.actor, 'en')).toHaveLength(1);

		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'entity_id'])
			.where('action', '=', 'claims.export')
			.where('entity_id', '=', '2027-09')
			.execute();
		expect(audit.length).toBeGreaterThan(0);
		const months = await claimMonths(db());
		expect(months.find((m) => m.month === '2027-09')?.visits).toBeGreaterThanOrEqual(2);
	});

	it('claims each visit from the insurer of its day when the card changes mid-month, and keeps the card as charged', async () => {
		const world = await billingWorld(db());
		const number = String(randomInt(10_000_000)).padStart(7, '0');
		const [before, after] = [`8${number}`, `7${number}`];
		const patientId = await insuredPatient(db(), { insurerNumber: before });
		const consent = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-11-01' }, world.actor, { now: NOW });
		expect(consent.ok).toBe(true);
		await checkEligibility(db(), world, patientId, '2027-11-05', { insurerNumber: before });
		const charge = async (startsAt: string) => {
			const created = await createChargeForAppointment(
				db(),
				await insertVisit(db(), world, patientId, startsAt),
				{ payer: 'insurance', sharePercent: '30' },
				world.actor,
				{ now: NOW }
			);
			if (!created.ok) throw new Error(created.code);
			return created.chargeId;
		};
		const first = await charge('2027-11-05T01:00:00.000Z');
		// A new job from the 15th: a new insurer and card, confirmed at the next visit (issue #19).
		await db()
			.kysely.updateTable('patient')
			.set({ insurer_number: after, insurance_symbol: '77', insurance_number: '888' })
			.where('id', '=', patientId)
			.execute();
		await checkEligibility(db(), world, patientId, '2027-11-20', {
			method: 'eligibility_certificate',
			validUntil: '2028-07-31',
			insurerNumber: after,
			insuranceSymbol: '77',
			insuranceNumber: '888'
		});
		await charge('2027-11-20T01:00:00.000Z');

		const old = await claimVisitsForMonth(db(), { month: '2027-11', insurerNumber: before }, world.actor, 'ja');
		expect(old.map((v) => [v.visitDate, v.insurerNumber, v.insuranceSymbol, v.insuranceNumber])).toEqual([['2027-11-05', before, '12', '345']]);
		const current = await claimVisitsForMonth(db(), { month: '2027-11', insurerNumber: after }, world.actor, 'ja');
		expect(current.map((v) => [v.visitDate, v.insurerNumber, v.insuranceSymbol, v.insuranceNumber])).toEqual([['2027-11-20', after, '77', '888']]);
		await expect(db().kysely.updateTable('charge_insurance_card').set({ insurer_number: after }).where('charge_id', '=', first).execute()).rejects.toThrow(
			/cannot be changed/
		);
		await expect(db().kysely.deleteFrom('charge_insurance_card').where('charge_id', '=', first).execute()).rejects.toThrow(/cannot be changed/);
	});

	describe('month boundaries', () => {
		it('takes December into the right year', async () => {
			const world = await billingWorld(db());
			expect(await claimVisitsForMonth(db(), { month: '2031-12', insurerNumber: '00000000' }, world.actor, 'ja')).toEqual([]);
		});
	});
});
