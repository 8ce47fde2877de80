import { describe, expect, it } from 'vitest';
import { r4Problems } from '../../server/fhir/r4-validator.testing';
import { calmIntake } from '../intake/fixtures';
import { intakeQuestionnaireResponse, sciaticaCondition, type IntakeRow } from './intake';

const calm = calmIntake();
/** The calm intake with a blood thinner named and the pain on the right for six weeks. */
const INTAKE_ANSWERS = {
	...calm,
	safety: { ...calm.safety, bloodThinner: 'yes' as const, bloodThinnerKinds: ['antiplatelet' as const] },
	complaint: { ...calm.complaint, side: 'right' as const, durationValue: 6 }
};

const ctx = { origin: 'https://clinic.example', encounterIds: new Set(['visit-1']) };
const row: IntakeRow = {
	id: 'intake-1',
	patient_id: 'patient-1',
	appointment_id: 'visit-1',
	status: 'submitted',
	entered_by_staff_id: null,
	updated_at: '2026-03-01T00:00:00.000Z',
	submitted_at: '2026-03-01T00:00:00.000Z',
	answers: INTAKE_ANSWERS
};

const flatten = (items: { linkId: string; item?: unknown[] }[] = []): string[] =>
	items.flatMap((i) => [i.linkId, ...flatten(i.item as { linkId: string; item?: unknown[] }[] | undefined)]);

describe('intakeQuestionnaireResponse', () => {
	const response = intakeQuestionnaireResponse(row, ctx);

	it('is a completed, valid response with one linkId per question, grouped by step', () => {
		expect(response.status).toBe('completed');
		expect(response.item!.map((i) => i.linkId)).toEqual(['history', 'safety', 'complaint', 'red-flags', 'measures']);
		expect(flatten(response.item)).toEqual(
			expect.arrayContaining(['complaint.side', 'safety.bloodThinnerKinds', 'measures.psfs.activity', 'measures.sbi.sittingPain'])
		);
		expect(r4Problems(response)).toEqual([]);
	});

	it('answers choices with codes, free text with text, and leaves out empty answers', () => {
		const complaint = response.item!.find((i) => i.linkId === 'complaint')!.item!;
		expect(complaint.find((i) => i.linkId === 'complaint.side')!.answer).toEqual([
			{ valueCoding: { system: 'https://clinic.example/fhir/CodeSystem/intake-answer', code: 'right' } }
		]);
		expect(complaint.find((i) => i.linkId === 'complaint.durationValue')!.answer).toEqual([{ valueInteger: 6 }]);
		expect(complaint.find((i) => i.linkId === 'complaint.painFront')).toBeUndefined();
		const history = response.item!.find((i) => i.linkId === 'history')!.item!;
		expect(history.find((i) => i.linkId === 'history.operations')).toBeUndefined();
		expect(history.find((i) => i.linkId === 'history.diabetes')!.answer).toEqual([{ valueBoolean: false }]);
	});

	it('repeats the PSFS group once per activity', () => {
		const measures = response.item!.find((i) => i.linkId === 'measures')!.item!;
		expect(measures.filter((i) => i.linkId === 'measures.psfs')).toHaveLength(3);
	});

	it('is in progress while the patient is still answering', () => {
		const draft = intakeQuestionnaireResponse({ ...row, status: 'in_progress', submitted_at: null, answers: { history: INTAKE_ANSWERS.history } }, ctx);
		expect(draft.status).toBe('in-progress');
		expect(draft.authored).toBe(row.updated_at);
		expect(r4Problems(draft)).toEqual([]);
	});
});

describe('sciaticaCondition', () => {
	it('records the submitted complaint as provisional sciatica, SNOMED CT 23056005', () => {
		const condition = sciaticaCondition(row)!;
		expect(condition.code!.coding).toEqual([{ system: 'http://snomed.info/sct', code: '23056005', display: 'Sciatica' }]);
		expect(condition.verificationStatus!.coding![0]!.code).toBe('provisional');
		expect(condition.bodySite).toEqual([{ text: 'Right leg' }]);
		expect(r4Problems(condition)).toEqual([]);
	});

	it('is absent until the intake is submitted', () => {
		expect(sciaticaCondition({ ...row, status: 'in_progress' })).toBeNull();
	});
});
