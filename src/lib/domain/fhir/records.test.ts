import { describe, expect, it } from 'vitest';
import { r4Problems } from '../../server/fhir/r4-validator.testing';
import { sessionAdverseEvent, sideEffectAdverseEvent } from './adverse-events';
import { everythingBundle, operationOutcome } from './bundle';
import { toFhirConsents, type ConsentAnswer } from './consent';
import { sessionProcedure } from './procedure';
import { toFhirAppointment, toFhirEncounter, type AppointmentRow } from './visits';

const ctx = { origin: 'https://clinic.example', encounterIds: new Set(['visit-1']), procedureIds: new Set(['session-1']) };

const visit: AppointmentRow = {
	id: 'visit-1',
	patient_id: 'patient-1',
	practitioner_id: 'pr-1',
	starts_at: '2026-03-04T01:00:00.000Z',
	ends_at: '2026-03-04T02:00:00.000Z',
	status: 'completed',
	created_at: '2026-02-28T00:00:00.000Z',
	note: '',
	service_code: 'FOLLOW',
	service_name_ja: '再診'
};

describe('appointments and encounters', () => {
	it('maps a completed visit to a fulfilled Appointment and a finished ambulatory Encounter', () => {
		const appointment = toFhirAppointment(visit, ctx);
		const encounter = toFhirEncounter(visit, ctx);
		expect(appointment.status).toBe('fulfilled');
		expect(appointment.participant.map((p) => p.actor!.reference)).toEqual(['Patient/patient-1', 'Practitioner/pr-1']);
		expect(encounter).toMatchObject({ status: 'finished', class: { code: 'AMB' }, appointment: [{ reference: 'Appointment/visit-1' }] });
		expect(r4Problems(appointment)).toEqual([]);
		expect(r4Problems(encounter)).toEqual([]);
	});

	it('keeps the FHIR status of a missed and a cancelled appointment', () => {
		expect(toFhirAppointment({ ...visit, status: 'no_show' }, ctx).status).toBe('noshow');
		expect(toFhirAppointment({ ...visit, status: 'cancelled' }, ctx).status).toBe('cancelled');
	});
});

describe('toFhirConsents', () => {
	const answer = (id: string, kind: string, version: number, agreed: boolean, signedAt: string): ConsentAnswer => ({
		id,
		documentId: `doc-${kind}-${version}`,
		kind,
		version,
		agreed,
		signedAt,
		title: '同意書'
	});

	it('makes the newest answer per kind active or rejected, earlier ones inactive, and names the version', () => {
		const consents = toFhirConsents(
			'patient-1',
			[
				answer('s3', 'reminders', 1, false, '2026-03-02T00:00:00.000Z'),
				answer('s2', 'treatment', 2, true, '2026-03-01T00:00:00.000Z'),
				answer('s1', 'treatment', 1, true, '2026-01-01T00:00:00.000Z')
			],
			ctx
		);
		expect(consents.map((c) => [c.id, c.status, c.provision!.type])).toEqual([
			['s3', 'rejected', 'deny'],
			['s2', 'active', 'permit'],
			['s1', 'inactive', 'permit']
		]);
		expect(consents[1]!.policy).toEqual([{ uri: 'https://clinic.example/fhir/consent-document/treatment/2' }]);
		expect(consents[1]!.sourceAttachment!.title).toBe('同意書 (version 2)');
		expect(consents[1]!.scope.coding![0]!.code).toBe('treatment');
		expect(consents[0]!.scope.coding![0]!.code).toBe('patient-privacy');
		for (const consent of consents) expect(r4Problems(consent)).toEqual([]);
	});
});

describe('adverse events', () => {
	it('maps a patient’s side-effect report, keeping the description as escaped narrative', () => {
		const event = sideEffectAdverseEvent(
			{
				id: 'se-1',
				patient_id: 'patient-1',
				appointment_id: 'visit-1',
				created_at: '2026-03-05T00:00:00.000Z',
				kind: 'bruising',
				severity: 'mild',
				description: 'あざ <2cm> & 痛み'
			},
			ctx
		);
		expect(event.text!.div).toBe('<div xmlns="http://www.w3.org/1999/xhtml"><p>あざ &lt;2cm&gt; &amp; 痛み</p></div>');
		expect(event.seriousness!.coding![0]!.code).toBe('Non-serious');
		expect(event.recorder).toEqual({ reference: 'Patient/patient-1' });
		expect(r4Problems(event)).toEqual([]);
	});

	it('maps a serious event from a session as severe and serious, with the session as suspect', () => {
		const event = sessionAdverseEvent(
			{
				id: 'ae-1',
				patient_id: 'patient-1',
				session_id: 'session-1',
				appointment_id: 'visit-1',
				occurred_at: '2026-03-04T01:30:00.000Z',
				kind: 'fainting',
				severity: 'serious',
				outcome: 'referred',
				description: '',
				created_at: '2026-03-04T01:40:00.000Z',
				recorder_practitioner_id: 'pr-1'
			},
			ctx
		);
		expect(event.severity!.coding![0]!.code).toBe('severe');
		expect(event.seriousness!.coding![0]!.code).toBe('Serious');
		expect(event.outcome).toMatchObject({ coding: [{ code: 'ongoing' }], text: 'Referred to a doctor' });
		expect(event.suspectEntity).toEqual([{ instance: { reference: 'Procedure/session-1' } }]);
		expect(event).not.toHaveProperty('text');
		expect(r4Problems(event)).toEqual([]);
	});
});

describe('sessionProcedure', () => {
	it('writes acupuncture with each point as a body site and its side', () => {
		const procedure = sessionProcedure(
			{
				id: 'session-1',
				patient_id: 'patient-1',
				appointment_id: 'visit-1',
				started_at: '2026-03-04T01:05:00.000Z',
				closed_at: '2026-03-04T01:45:00.000Z',
				needles_in: 8,
				notes: '',
				practitioner_id: 'pr-1'
			},
			[
				{ code: 'GB30', side: 'right' },
				{ code: 'BL40', side: 'both' }
			],
			ctx
		);
		expect(procedure.status).toBe('completed');
		expect(procedure.bodySite!.map((b) => b.text)).toEqual(['GB30 right', 'BL40 both']);
		expect(procedure.bodySite![0]!.coding![0]).toMatchObject({ system: 'https://clinic.example/fhir/CodeSystem/acupoint', code: 'GB30' });
		expect(procedure.encounter).toEqual({ reference: 'Encounter/visit-1' });
		expect(r4Problems(procedure)).toEqual([]);
	});

	it('is in progress while the session is open', () => {
		const procedure = sessionProcedure(
			{
				id: 'session-2',
				patient_id: 'patient-1',
				appointment_id: null,
				started_at: '2026-03-04T01:05:00.000Z',
				closed_at: null,
				needles_in: 0,
				notes: '',
				practitioner_id: null
			},
			[],
			ctx
		);
		expect(procedure).toMatchObject({ status: 'in-progress', performedPeriod: { start: '2026-03-04T01:05:00.000Z' } });
		expect(r4Problems(procedure)).toEqual([]);
	});
});

describe('the bundle', () => {
	it('is a searchset with the total, the patient as match and an absolute fullUrl per entry', () => {
		const encounter = toFhirEncounter(visit, ctx);
		const bundle = everythingBundle('patient-1', [encounter], ctx, 'b-1', new Date('2026-03-06T00:00:00Z'));
		expect(bundle).toMatchObject({ type: 'searchset', total: 1 });
		expect(bundle.entry[0]).toMatchObject({ fullUrl: 'https://clinic.example/fhir/R4/Encounter/visit-1', search: { mode: 'include' } });
		expect(r4Problems(bundle)).toEqual([]);
	});

	it('answers errors as a valid OperationOutcome', () => {
		expect(r4Problems(operationOutcome('not-found', 'No patient with this id.'))).toEqual([]);
	});
});
