import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { patientsWithoutCurrentTreatmentConsent } from '../consent/patients-without-current-treatment-consent';
import { seedDemoAppointments } from './demo-appointments';
import { seedDemoClinic } from './demo-clinic';

const NOW = Date.parse('2026-11-27T00:00:00Z');

describeEachDatabase('the demo appointments', (db) => {
	it('give every demo patient a treatment consent except 鈴木 一郎, whose missing one is shown', async () => {
		await seedDemoClinic(db());
		await seedDemoAppointments(db(), NOW);
		const patients = await db().kysely.selectFrom('patient').select(['id', 'family_name']).execute();
		const booked = await db().kysely.selectFrom('appointment').select('patient_id').distinct().execute();
		expect(booked.length).toBe(patients.length);
		const missing = await patientsWithoutCurrentTreatmentConsent(
			db(),
			patients.map((p) => p.id)
		);
		expect(patients.filter((p) => missing.has(p.id)).map((p) => p.family_name)).toEqual(['鈴木']);
	});
});
