import fs from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { Observation } from '../../domain/fhir/types';
import { readClinicInstrument } from '../../domain/outcomes/clinic-instrument';
import type { Instrument } from '../../domain/outcomes/instrument';
import type { AuditActor } from '../audit/audit-log';
import { forgetClinicInstruments } from '../outcomes/clinic-instruments';
import { recordInstrumentScore } from '../outcomes/record-instrument-score';
import { insertAppointment, insertPatient, insertPractitioner } from '../outcomes/test-fixtures';
import { patientEverything } from './patient-everything';
import { r4Problems } from './r4-validator.testing';

const ORIGIN = 'https://clinic.example';
const parsed = readClinicInstrument(JSON.parse(fs.readFileSync('docs/instruments/example-instrument.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
/** The documented sample, which the clinic's folder below holds: four items 0–4, scored as a percentage. */
const SAMPLE: Instrument = parsed.instrument;
/** An instrument the clinic once had: its file is not in the folder any more. */
const REMOVED: Instrument = {
	...SAMPLE,
	code: 'clinic_removed',
	items: { kind: 'fixed', list: SAMPLE.items.kind === 'fixed' ? SAMPLE.items.list.slice(0, 2) : [] },
	score: 'sum'
};
const staff: AuditActor = { type: 'staff', id: 'practitioner-1', ip: null, requestId: 'fhir-instrument-test' };
const at = (day: number) => new Date(Date.parse('2026-05-01T01:00:00.000Z') + day * 86_400_000);

const observationsOf = (bundle: { entry: { resource: { resourceType: string } }[] }) =>
	bundle.entry.map((e) => e.resource).filter((r): r is Observation => r.resourceType === 'Observation');

describeEachDatabase('clinic instrument scores in Patient/$everything', (db) => {
	beforeAll(() => {
		// The export loads the definitions the way the app does, from INSTRUMENTS_DIR.
		vi.stubEnv('INSTRUMENTS_DIR', 'docs/instruments');
		forgetClinicInstruments();
	});
	afterAll(() => {
		vi.unstubAllEnvs();
		forgetClinicInstruments();
	});

	it('exports each score as a survey Observation coded like the built-in measures, even once its definition is gone', async () => {
		const patientId = await insertPatient(db());
		const otherId = await insertPatient(db());
		const visit = await insertAppointment(db(), patientId, await insertPractitioner(db(), null), at(0).toISOString());
		const first = await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: [3, 3, 2, 2] }, [SAMPLE, REMOVED], staff, {
			now: at(0),
			appointmentId: visit
		});
		const later = await recordInstrumentScore(db(), patientId, { instrument: REMOVED.code, answers: [4, 1] }, [SAMPLE, REMOVED], staff, { now: at(7) });
		const others = await recordInstrumentScore(db(), otherId, { instrument: SAMPLE.code, answers: [0, 0, 0, 1] }, [SAMPLE], staff, { now: at(1) });
		if (!first.ok || !later.ok || !others.ok) throw new Error('scores were not recorded');

		const bundle = (await patientEverything(db(), patientId, staff, ORIGIN))!;
		for (const { resource } of bundle.entry) expect(r4Problems(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
		expect(r4Problems(bundle)).toEqual([]);

		const survey = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] };
		const measure = `${ORIGIN}/fhir/CodeSystem/outcome-measure`;
		const scoreOf = (value: number) => ({ value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' });
		expect(observationsOf(bundle)).toEqual([
			{
				resourceType: 'Observation',
				id: first.id,
				status: 'final',
				category: [survey],
				code: { coding: [{ system: measure, code: SAMPLE.code, display: SAMPLE.name.en }], text: SAMPLE.name.ja },
				subject: { reference: `Patient/${patientId}` },
				encounter: { reference: `Encounter/${visit}` },
				effectiveDateTime: at(0).toISOString(),
				valueQuantity: scoreOf(62.5)
			},
			{
				resourceType: 'Observation',
				id: later.id,
				status: 'final',
				category: [survey],
				code: { coding: [{ system: measure, code: REMOVED.code }], text: REMOVED.code },
				subject: { reference: `Patient/${patientId}` },
				effectiveDateTime: at(7).toISOString(),
				valueQuantity: scoreOf(5)
			}
		]);
		const text = JSON.stringify(bundle);
		expect(text).not.toContain(others.id);
		expect(text).not.toContain(otherId);

		const otherBundle = (await patientEverything(db(), otherId, staff, ORIGIN))!;
		expect(observationsOf(otherBundle).map((o) => [o.id, o.subject!.reference, o.valueQuantity?.value])).toEqual([[others.id, `Patient/${otherId}`, 6.25]]);
	});

	it('counts the scores in the export’s audit row, without naming the instrument', async () => {
		const patientId = await insertPatient(db());
		await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: [1, 1, 1, 1] }, [SAMPLE], staff, { now: at(2) });
		await patientEverything(db(), patientId, staff, ORIGIN);
		const row = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('patient_id', '=', patientId)
			.where('action', '=', 'fhir.patient_everything')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(row.detail!)).toEqual({ resources: { Patient: 1, Observation: 1 } });
	});
});
