import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { missingForClaim } from '../../domain/jukyo/registration';
import { loadJukyoRegistration } from '../jukyo/registration';
import { seedDemoAppointments } from './demo-appointments';
import { seedDemoClinic } from './demo-clinic';
import { seedDemoJukyo } from './demo-jukyo';

// Mid-month in Tokyo: the insured patient's first visit of the month (the 1st) is charged.
const NOW = new Date('2026-11-18T03:00:00Z');

describeEachDatabase('the demo 受領委任', (db) => {
	it('fills the registration completely and gives an insured patient this month’s eligibility check and insured charge', async () => {
		await seedDemoClinic(db());
		await seedDemoAppointments(db(), NOW.getTime());
		await seedDemoJukyo(db(), NOW);
		const { registration } = await loadJukyoRegistration(db());
		expect(missingForClaim(registration, '2026-11', { insurerKinds: ['kyokai', 'kokuho'] }).items).toEqual([]);
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'insured@example.jp').executeTakeFirstOrThrow();
		const checks = await db().kysely.selectFrom('eligibility_check').select('checked_on').where('patient_id', '=', patient.id).orderBy('checked_on').execute();
		expect(checks.map((c) => c.checked_on)).toEqual(['2026-10-12', '2026-11-01']);
		const charge = await db()
			.kysely.selectFrom('charge')
			.innerJoin('charge_insurance_card as card', 'card.charge_id', 'charge.id')
			.select(['charge.payer', 'charge.service_date', 'card.insurer_number'])
			.where('charge.patient_id', '=', patient.id)
			.execute();
		expect(charge).toEqual([{ payer: 'insurance', service_date: '2026-11-01', insurer_number: '01130012' }]);
	});
});
