import { describe, expect, it } from 'vitest';
import { r4Problems } from '../../server/fhir/r4-validator.testing';
import { emptySide, type ExamFindings } from '../clinical/examination';
import { examinationImpression, settlingExamination, withExamination } from './assessment';
import { SCIATICA, UCUM } from './codes';
import { examinationObservations, type ExaminationRow } from './examination';
import type { Condition } from './types';

const ctx = { origin: 'https://clinic.example', encounterIds: new Set(['visit-1']), problemId: 'intake-1' };
const LOCAL = 'https://clinic.example/fhir/CodeSystem/';

/** An L5 picture on the right: SLR positive at 40°, weak big toe, reduced sensation in L5; left raised to 80° without pain. */
const findings: ExamFindings = {
	side: 'right',
	right: {
		...emptySide(),
		painAreas: ['buttock', 'sideOfThigh', 'outerShin'],
		slrAngle: 40,
		slrReproducesPain: true,
		strength: { ...emptySide().strength, bigToeExtension: 3 },
		reducedSensation: ['L5']
	},
	left: { ...emptySide(), slrAngle: 80 },
	crossedSlr: true,
	redFlags: [],
	pattern: 'shaoyang',
	patternNotes: '',
	tongue: '舌質暗紅',
	pulse: '弦',
	notes: ''
};

const exam: ExaminationRow = {
	id: 'exam-1',
	patient_id: 'patient-1',
	appointment_id: 'visit-1',
	practitioner_id: 'pr-1',
	kind: 'initial',
	examined_at: '2026-03-04T01:10:00.000Z',
	updated_at: '2026-03-04T01:30:00.000Z',
	findings,
	suggested_root: 'L5',
	confirmed_root: 'L5',
	pattern: 'shaoyang',
	red_flag_positive: 0
};

const condition: Condition = {
	resourceType: 'Condition',
	id: 'intake-1',
	clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
	verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'provisional' }] },
	category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
	code: { coding: [SCIATICA], text: 'Sciatica' },
	bodySite: [{ text: 'Right leg' }],
	subject: { reference: 'Patient/patient-1' }
};

describe('examinationObservations', () => {
	const observations = examinationObservations(exam, ctx);
	const byId = (suffix: string) => observations.find((o) => o.id === `exam-1-${suffix}`)!;

	it('writes one valid exam Observation per test and leg, at the visit', () => {
		expect(observations.map((o) => o.id.replace('exam-1-', ''))).toEqual([
			'slr-left',
			'reflexes-left',
			'strength-left',
			'sensation-left',
			'slr-right',
			'reflexes-right',
			'strength-right',
			'sensation-right',
			'crossed-slr'
		]);
		for (const observation of observations) {
			expect(r4Problems(observation), observation.id).toEqual([]);
			expect(observation).toMatchObject({
				category: [{ coding: [{ code: 'exam' }] }],
				encounter: { reference: 'Encounter/visit-1' },
				performer: [{ reference: 'Practitioner/pr-1' }]
			});
		}
	});

	it('writes the raise in UCUM degrees on the SNOMED CT leg, positive only where it reproduced the pain in range', () => {
		expect(byId('slr-right')).toMatchObject({
			valueQuantity: { value: 40, unit: 'deg', system: UCUM, code: 'deg' },
			bodySite: { coding: [{ system: 'http://snomed.info/sct', code: '62175007' }] },
			interpretation: [{ coding: [{ code: 'POS' }] }],
			component: [{ valueBoolean: true }]
		});
		expect(byId('slr-left')).toMatchObject({
			valueQuantity: { value: 80 },
			bodySite: { coding: [{ code: '32153003' }] },
			interpretation: [{ coding: [{ code: 'NEG' }] }]
		});
		expect(byId('crossed-slr')).toMatchObject({ valueBoolean: true, interpretation: [{ coding: [{ code: 'POS' }] }] });
	});

	it('grades strength per muscle, reflexes by grade and sensation per root, all in the clinic’s own systems', () => {
		const strength = byId('strength-right');
		expect(strength.code.coding![0]).toMatchObject({ system: `${LOCAL}exam-finding`, code: 'muscle_strength' });
		expect(strength.component!.map((c) => [c.code.coding![0]!.code, c.valueQuantity!.value])).toEqual([
			['ankle_dorsiflexion', 5],
			['big_toe_extension', 3],
			['plantar_flexion', 5],
			['knee_extension', 5]
		]);
		expect(byId('reflexes-right').component!.map((c) => c.valueCodeableConcept!.coding![0])).toEqual([
			{ system: `${LOCAL}reflex-grade`, code: 'normal', display: 'Normal' },
			{ system: `${LOCAL}reflex-grade`, code: 'normal', display: 'Normal' }
		]);
		expect(byId('sensation-right').component!.map((c) => [c.code.coding![0]!.code, c.valueBoolean])).toEqual([
			['sensation_l4', false],
			['sensation_l5', true],
			['sensation_s1', false]
		]);
	});

	it('leaves out a raise that was not done and the encounter of a visit that was not one', () => {
		const untested = examinationObservations({ ...exam, appointment_id: 'cancelled-1', findings: { ...findings, left: emptySide() } }, ctx);
		expect(untested.map((o) => o.id)).not.toContain('exam-1-slr-left');
		expect(untested.every((o) => o.encounter === undefined)).toBe(true);
	});
});

describe('examinationImpression', () => {
	const observations = examinationObservations(exam, ctx);

	it('is a completed, valid impression of the sciatica Condition with the root and pattern as findings', () => {
		const impression = examinationImpression(exam, observations, ctx);
		expect(r4Problems(impression)).toEqual([]);
		expect(impression).toMatchObject({
			status: 'completed',
			problem: [{ reference: 'Condition/intake-1' }],
			assessor: { reference: 'Practitioner/pr-1' },
			summary: 'Nerve root L5 (confirmed by the practitioner). Shaoyang (gallbladder channel) pattern.'
		});
		expect(impression.investigation![0]!.item).toHaveLength(observations.length);
		expect(impression.finding!.map((f) => f.itemCodeableConcept!.coding![0]!.code)).toEqual(['L5', 'shaoyang']);
		expect(impression.note!.map((n) => n.text)).toEqual(['Tongue: 舌質暗紅', 'Pulse: 弦']);
	});

	it('stays in progress while the root is only suggested, and names a red flag found again', () => {
		const impression = examinationImpression(
			{ ...exam, confirmed_root: null, red_flag_positive: 1, findings: { ...findings, redFlags: ['saddleNumbness'] } },
			observations,
			{ ...ctx, problemId: null }
		);
		expect(r4Problems(impression)).toEqual([]);
		expect(impression.status).toBe('in-progress');
		expect(impression).not.toHaveProperty('problem');
		expect(impression.summary).toContain('suggested, not yet confirmed');
		expect(impression.summary).toContain('red flag');
		expect(impression.finding!.at(-1)!.itemCodeableConcept!.coding![0]).toEqual({ system: `${LOCAL}red-flag`, code: 'saddleNumbness' });
	});
});

describe('the sciatica Condition after the examination', () => {
	const observations = examinationObservations(exam, ctx);

	it('is confirmed with the root as a body site, the pattern in a note and the examination as evidence', () => {
		const confirmed = withExamination(condition, exam, observations, ctx);
		expect(r4Problems(confirmed)).toEqual([]);
		expect(confirmed.verificationStatus!.coding![0]!.code).toBe('confirmed');
		expect(confirmed.bodySite!.map((b) => b.text)).toEqual(['Right leg', 'L5 nerve root']);
		expect(confirmed.note).toEqual([{ text: 'Traditional pattern: Shaoyang (gallbladder channel) pattern', time: exam.updated_at }]);
		expect(confirmed.evidence![0]!.detail![0]).toEqual({ reference: 'ClinicalImpression/exam-1' });
		expect(confirmed.evidence![0]!.detail).toHaveLength(1 + observations.length);
	});

	it('stays provisional when the root was left unclear, and unchanged without a settled examination', () => {
		expect(withExamination(condition, { ...exam, confirmed_root: 'unclear' }, observations, ctx).verificationStatus!.coding![0]!.code).toBe('provisional');
		expect(withExamination(condition, null, [], ctx)).toBe(condition);
	});

	it('is settled by the newest examination whose root was confirmed, not by a newer unconfirmed one', () => {
		const older = { ...exam, id: 'exam-0', examined_at: '2026-02-01T00:00:00.000Z' };
		const newerUnconfirmed = { ...exam, id: 'exam-2', examined_at: '2026-04-01T00:00:00.000Z', confirmed_root: null };
		expect(settlingExamination([older, exam, newerUnconfirmed])?.id).toBe('exam-1');
		expect(settlingExamination([newerUnconfirmed])).toBeNull();
	});
});
