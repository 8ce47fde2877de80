import { describe, expect, it } from 'vitest';
import { r4Problems } from '../../server/fhir/r4-validator.testing';
import type { CheckIn } from '../outcomes/check-in';
import { LOINC, UCUM } from './codes';
import { checkInObservations } from './observations';

const ctx = { origin: 'https://clinic.example', encounterIds: new Set(['visit-1']) };
const checkIn: CheckIn = {
	id: 'ci-1',
	recordedAt: '2026-03-04T00:30:00.000Z',
	source: 'portal',
	appointmentId: 'visit-1',
	legPain: 6,
	backPain: 4,
	psfs: [
		{ activity: '車の運転を1時間続ける', score: 4 },
		{ activity: '30分歩く', score: 5 },
		{ activity: '靴下をはく', score: 5 }
	],
	sbi: [4, 4, 1, 5],
	pgic: 3
};

describe('checkInObservations', () => {
	const observations = checkInObservations('patient-1', checkIn, ctx);

	it('writes one valid Observation per measure answered', () => {
		expect(observations.map((o) => o.id)).toEqual(['ci-1-leg-pain', 'ci-1-back-pain', 'ci-1-psfs', 'ci-1-sbi', 'ci-1-pgic']);
		for (const observation of observations) expect(r4Problems(observation), observation.id).toEqual([]);
	});

	it('codes pain with LOINC 72514-3 and every value as a UCUM score', () => {
		const leg = observations[0]!;
		expect(leg.code.coding![0]).toMatchObject({ system: LOINC, code: '72514-3' });
		expect(leg.valueQuantity).toEqual({ value: 6, unit: '{score}', system: UCUM, code: '{score}' });
		expect(leg.encounter).toEqual({ reference: 'Encounter/visit-1' });
	});

	it('codes PSFS, SBI and PGIC in the clinic’s own system, never as LOINC', () => {
		for (const observation of observations.slice(2)) {
			expect(observation.code.coding!.every((c) => c.system === 'https://clinic.example/fhir/CodeSystem/outcome-measure')).toBe(true);
		}
	});

	it('scores PSFS as the mean with each activity as a component, and SBI as the sum of four items', () => {
		const psfs = observations[2]!;
		expect(psfs.valueQuantity!.value).toBe(4.7);
		expect(psfs.component!.map((c) => c.code.text)).toEqual(['車の運転を1時間続ける', '30分歩く', '靴下をはく']);
		const sbi = observations[3]!;
		expect(sbi.valueQuantity!.value).toBe(14);
		expect(sbi.component!.map((c) => c.code.coding![0]!.code)).toEqual(['leg_pain', 'numbness', 'weakness', 'sitting_pain']);
	});

	it('writes nothing for a measure left unanswered and no encounter for a visit that was not one', () => {
		const partial = checkInObservations('patient-1', { ...checkIn, appointmentId: 'cancelled-1', psfs: null, sbi: null, pgic: null, backPain: null }, ctx);
		expect(partial.map((o) => o.id)).toEqual(['ci-1-leg-pain']);
		expect(partial[0]).not.toHaveProperty('encounter');
	});
});
