import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { emptySide, type ExamFindings } from '../../domain/clinical/examination';
import type { FhirResource } from '../../domain/fhir/types';
import { prepareDatabase } from '../app';
import { readConfig } from '../config';
import type { AuditActor } from '../audit/audit-log';
import { patientEverything } from './patient-everything';
import { r4Problems } from './r4-validator.testing';

const ORIGIN = 'https://clinic.example';

/** An L5 picture on the right leg: a positive raise at 40°, a weak big toe, reduced L5 sensation. */
const EXAM_FINDINGS: ExamFindings = {
	side: 'right',
	right: {
		...emptySide(),
		painAreas: ['buttock', 'sideOfThigh', 'outerShin'],
		slrAngle: 40,
		slrReproducesPain: true,
		reducedSensation: ['L5'],
		strength: { ...emptySide().strength, bigToeExtension: 4 }
	},
	left: { ...emptySide(), slrAngle: 85 },
	crossedSlr: false,
	redFlags: [],
	pattern: 'shaoyang',
	patternNotes: '',
	tongue: '',
	pulse: '',
	notes: ''
};

describeEachDatabase('Patient/$everything', (db) => {
	let patientId = '';
	let actor: AuditActor;
	const examId = randomUUID();
	const firstPlanId = randomUUID();

	beforeAll(async () => {
		await prepareDatabase(db(), { ...readConfig({}), seedDemo: true });
		const patient = await db()
			.kysely.selectFrom('patient')
			.select('id')
			.where('family_name', '=', '佐藤')
			.where('given_name', '=', '健')
			.executeTakeFirstOrThrow();
		patientId = patient.id;
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		actor = { type: 'staff', id: staff.id, ip: null, requestId: 'fhir-test' };
		// The demo's own record of this patient is set aside, so the export holds exactly what this
		// test writes: an examination at the first visit and two versions of the plan, one treated
		// visit with points and an adverse event, and a side-effect report from the portal, so every
		// resource type of the export appears.
		const demoSessions = db().kysely.selectFrom('treatment_session').select('id').where('patient_id', '=', patientId);
		await db().kysely.deleteFrom('session_point').where('session_id', 'in', demoSessions).execute();
		await db().kysely.deleteFrom('contraindication_override').where('patient_id', '=', patientId).execute();
		await db().kysely.deleteFrom('treatment_session').where('patient_id', '=', patientId).execute();
		await db().kysely.deleteFrom('treatment_plan').where('patient_id', '=', patientId).execute();
		await db().kysely.deleteFrom('examination').where('patient_id', '=', patientId).execute();
		const visits = await db()
			.kysely.selectFrom('appointment')
			.select(['id', 'starts_at', 'ends_at', 'bed_id'])
			.where('patient_id', '=', patientId)
			.where('status', 'in', ['arrived', 'completed'])
			.orderBy('starts_at')
			.execute();
		const firstVisit = visits[0]!;
		const visit = visits.at(-1)!;
		await db()
			.kysely.insertInto('examination')
			.values({
				id: examId,
				patient_id: patientId,
				appointment_id: firstVisit.id,
				practitioner_staff_id: staff.id,
				kind: 'initial',
				examined_at: firstVisit.starts_at,
				findings: JSON.stringify(EXAM_FINDINGS),
				suggested_root: 'L5',
				confirmed_root: 'L5',
				pattern: 'shaoyang',
				red_flag_positive: 0,
				created_at: firstVisit.starts_at,
				updated_at: firstVisit.ends_at
			})
			.execute();
		const plan = (id: string, status: 'active' | 'closed', createdAt: string, updatedAt: string) => ({
			id,
			patient_id: patientId,
			created_by: staff.id,
			status,
			goals: JSON.stringify(['車の運転を1時間続ける', '30分歩く']),
			frequency_per_week: 2,
			planned_sessions: 8,
			review_date: '2026-12-01',
			points: JSON.stringify([
				{ code: 'GB30', side: 'right', deep: false },
				{ code: 'GB34', side: 'right', deep: false },
				{ code: 'BL40', side: 'right', deep: true }
			]),
			electroacupuncture: 1,
			moxibustion: 0,
			bloodletting: 0,
			notes: '',
			created_at: createdAt,
			updated_at: updatedAt
		});
		await db()
			.kysely.insertInto('treatment_plan')
			.values([plan(firstPlanId, 'closed', firstVisit.ends_at, visit.starts_at), plan(randomUUID(), 'active', visit.starts_at, visit.starts_at)])
			.execute();
		const sessionId = randomUUID();
		await db()
			.kysely.insertInto('treatment_session')
			.values({
				id: sessionId,
				patient_id: patientId,
				appointment_id: visit.id,
				practitioner_staff_id: staff.id,
				bed_id: visit.bed_id,
				started_at: visit.starts_at,
				closed_at: visit.ends_at,
				pre_leg_pain: 3,
				pre_back_pain: 2,
				check_in_id: null,
				needles_in: 6,
				needles_out: 6,
				notes: '',
				created_at: visit.starts_at,
				updated_at: visit.ends_at
			})
			.execute();
		await db()
			.kysely.insertInto('session_point')
			.values(
				(['GB30', 'BL40', 'BL57'] as const).map((code) => ({
					id: randomUUID(),
					session_id: sessionId,
					code,
					side: 'right' as const,
					gauge: '3',
					length_mm: 40,
					depth_mm: 20,
					technique: null,
					deqi: null,
					created_at: visit.starts_at
				}))
			)
			.execute();
		await db()
			.kysely.insertInto('adverse_event')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				session_id: sessionId,
				occurred_at: visit.starts_at,
				kind: 'bruising',
				severity: 'mild',
				outcome: 'resolved',
				staff_id: staff.id,
				created_at: visit.ends_at
			})
			.execute();
		await db()
			.kysely.insertInto('side_effect_report')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				appointment_id: visit.id,
				created_at: visit.ends_at,
				kind: 'fatigue',
				severity: 'mild',
				description: '施術の夜、少しだるかった',
				handled_at: null,
				handled_by: null
			})
			.execute();
	});

	it('exports the demo patient as a searchset of valid R4 resources, every one of them', async () => {
		const bundle = (await patientEverything(db(), patientId, actor, ORIGIN))!;
		expect(bundle).not.toBeNull();
		expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: bundle.entry.length });
		for (const { resource } of bundle.entry) expect(r4Problems(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
		expect(r4Problems(bundle)).toEqual([]);
	});

	it('holds every kind of record the issue names, with standard codes', async () => {
		const bundle = (await patientEverything(db(), patientId, actor, ORIGIN))!;
		const resources = bundle.entry.map((e) => e.resource);
		const types = new Set(resources.map((r) => r.resourceType));
		for (const type of [
			'Patient',
			'Practitioner',
			'Appointment',
			'Encounter',
			'Condition',
			'Observation',
			'ClinicalImpression',
			'CarePlan',
			'Goal',
			'ServiceRequest',
			'Procedure',
			'QuestionnaireResponse',
			'Consent',
			'AdverseEvent'
		]) {
			expect(types, type).toContain(type);
		}
		const of = <T extends FhirResource['resourceType']>(type: T) =>
			resources.filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);
		expect(of('Patient')).toHaveLength(1);
		expect(of('Encounter')).toHaveLength(4);
		expect(of('Condition')[0]!.code!.coding![0]!.code).toBe('23056005');
		// Four check-ins: leg and back pain each time, PSFS and SBI each time, PGIC on the three follow-ups.
		expect(of('Observation').filter((o) => o.code.coding!.some((c) => c.code === '72514-3'))).toHaveLength(8);
		const survey = of('Observation').filter((o) => o.category![0]!.coding![0]!.code === 'survey');
		expect(survey).toHaveLength(4 * 4 + 3);
		expect(of('Consent').every((c) => c.status === 'active')).toBe(true);
		expect(of('QuestionnaireResponse')[0]!.status).toBe('completed');
		expect(
			of('Procedure')[0]!
				.bodySite!.map((b) => b.coding![0]!.code)
				.sort()
		).toEqual(['BL40', 'BL57', 'GB30']);
		expect(of('AdverseEvent')).toHaveLength(2);
		// The session's event happened at the start of the visit and was written down at its end.
		const sessionEvent = of('AdverseEvent').find((e) => e.suspectEntity)!;
		expect(sessionEvent.date! < sessionEvent.recordedDate!).toBe(true);
	});

	it('exports the examination as findings under an impression that confirms the sciatica Condition', async () => {
		const bundle = (await patientEverything(db(), patientId, actor, ORIGIN))!;
		const resources = bundle.entry.map((e) => e.resource);
		const exam = resources.filter((r) => r.resourceType === 'Observation' && r.category![0]!.coding![0]!.code === 'exam');
		// Both raises, reflexes, strength and sensation on each leg, and the crossed raise.
		expect(exam.map((o) => o.id.slice(examId.length + 1)).sort()).toEqual(
			['crossed-slr', 'reflexes-left', 'reflexes-right', 'sensation-left', 'sensation-right', 'slr-left', 'slr-right', 'strength-left', 'strength-right'].sort()
		);
		const impression = resources.find((r) => r.resourceType === 'ClinicalImpression')!;
		const condition = resources.find((r) => r.resourceType === 'Condition')!;
		expect(impression).toMatchObject({ id: examId, status: 'completed', problem: [{ reference: `Condition/${condition.id}` }] });
		expect(condition).toMatchObject({
			verificationStatus: { coding: [{ code: 'confirmed' }] },
			evidence: [{ detail: expect.arrayContaining([{ reference: `ClinicalImpression/${examId}` }]) }]
		});
		expect(condition.resourceType === 'Condition' && condition.bodySite!.map((b) => b.text)).toContain('L5 nerve root');
	});

	it('exports both versions of the plan, the active one replacing the first, with points and goals', async () => {
		const bundle = (await patientEverything(db(), patientId, actor, ORIGIN))!;
		const resources = bundle.entry.map((e) => e.resource);
		const plans = resources.filter((r) => r.resourceType === 'CarePlan');
		expect(plans.map((p) => p.status)).toEqual(['revoked', 'active']);
		expect(plans[1]).toMatchObject({ replaces: [{ reference: `CarePlan/${firstPlanId}` }], goal: [{}, {}] });
		const request = resources.find((r) => r.resourceType === 'ServiceRequest' && r.status === 'active')!;
		expect(request).toMatchObject({ occurrenceTiming: { repeat: { count: 8, frequency: 2, periodUnit: 'wk' } } });
		expect(request.resourceType === 'ServiceRequest' && request.bodySite!.map((b) => b.coding![0]!.code)).toEqual(['GB30', 'GB34', 'BL40']);
	});

	it('resolves every reference inside the bundle and gives each entry its absolute URL', async () => {
		const bundle = (await patientEverything(db(), patientId, actor, ORIGIN))!;
		const urls = new Set(bundle.entry.map((e) => e.fullUrl));
		expect(urls.size).toBe(bundle.entry.length);
		for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`${ORIGIN}/fhir/R4/${entry.resource.resourceType}/${entry.resource.id}`);
		const references = [...JSON.stringify(bundle.entry.map((e) => e.resource)).matchAll(/"reference":"([^"]+)"/g)].map((m) => m[1]!);
		expect(references.length).toBeGreaterThan(0);
		expect(references.filter((r) => !urls.has(`${ORIGIN}/fhir/R4/${r}`))).toEqual([]);
	});

	it('audits the export without clinical content', async () => {
		await patientEverything(db(), patientId, actor, ORIGIN);
		const row = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'patient_id', 'actor_id', 'detail'])
			.where('action', '=', 'fhir.patient_everything')
			.orderBy('seq', 'desc')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ patient_id: patientId, actor_id: actor.id });
		expect(row.detail).not.toMatch(/佐藤|サトウ|運転/);
	});

	it('finds nothing for an unknown or malformed id', async () => {
		expect(await patientEverything(db(), randomUUID(), actor, ORIGIN)).toBeNull();
		expect(await patientEverything(db(), '../etc/passwd', actor, ORIGIN)).toBeNull();
	});
});
