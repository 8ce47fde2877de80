import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { insertPatient, insertStaff, insertSubmittedIntake } from '../outcomes/test-fixtures';
import { getActivePlan } from './get-active-plan';
import { loadPlanPage } from './load-plan-page';
import { latestExamination } from '../examination/latest-examination';
import { planSuggestions } from './plan-suggestions';
import { savePlan } from './save-plan';
import type { TSavePlanInput } from './schemas';

const INTAKE_AT = '2026-02-20T00:00:00.000Z';

const TODAY = '2026-03-02';
const NOW = new Date('2026-03-02T01:00:00.000Z');
const REASON = '主治医に確認済み。浅刺で行い、抜鍼後は十分に圧迫する。';

function actorFor(staffId: string): AuditActor {
	return { type: 'staff', id: staffId, ip: null, requestId: 'r1' };
}

function planInput(overrides: Partial<TSavePlanInput> = {}): TSavePlanInput {
	return {
		goals: ['車の運転を1時間続ける', '30分歩く'],
		frequencyPerWeek: 1,
		plannedSessions: 6,
		reviewDate: '2026-04-13',
		points: [
			{ code: 'BL25', side: 'both', deep: false },
			{ code: 'GB30', side: 'right', deep: true }
		],
		electroacupuncture: false,
		moxibustion: true,
		bloodletting: true,
		notes: '',
		acknowledgements: {},
		...overrides
	};
}

const BLOOD_THINNER = { safety: { bloodThinner: 'yes' }, complaint: { side: 'right' } };

async function insertExamination(
	db: Db,
	patientId: string,
	staffId: string,
	row: { confirmed: string | null; suggested: string | null; pattern: string | null; createdAt: string }
) {
	await db.kysely
		.insertInto('examination')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			practitioner_staff_id: staffId,
			kind: 'initial',
			examined_at: row.createdAt,
			findings: '{}',
			suggested_root: row.suggested,
			confirmed_root: row.confirmed,
			pattern: row.pattern,
			red_flag_positive: 0,
			created_at: row.createdAt,
			updated_at: row.createdAt
		})
		.execute();
}

async function auditRows(db: Db, patientId: string) {
	return db.kysely.selectFrom('audit_log').selectAll().where('patient_id', '=', patientId).orderBy('seq').execute();
}

async function storedPlans(db: Db, patientId: string) {
	return db.kysely.selectFrom('treatment_plan').selectAll().where('patient_id', '=', patientId).orderBy('created_at').execute();
}

async function storedOverrides(db: Db, patientId: string) {
	return db.kysely.selectFrom('contraindication_override').selectAll().where('patient_id', '=', patientId).orderBy('created_at').execute();
}

describeEachDatabase('treatment plans', (db) => {
	let staffId = '';
	beforeAll(async () => {
		staffId = (await insertStaff(db(), 'practitioner')).id;
	});
	const save = (patientId: string, input: TSavePlanInput, now = NOW) => savePlan(db(), patientId, input, staffId, actorFor(staffId), { now, today: TODAY });

	it('saves a plan for a patient without alerts and reads it back as the active plan', async () => {
		const patientId = await insertPatient(db());
		const result = await save(patientId, planInput({ notes: '  初回は短めに  ' }));
		expect(result.ok).toBe(true);
		const plan = await getActivePlan(db(), patientId, actorFor(staffId));
		expect(plan).toMatchObject({
			patientId,
			createdBy: staffId,
			status: 'active',
			goals: ['車の運転を1時間続ける', '30分歩く'],
			frequencyPerWeek: 1,
			plannedSessions: 6,
			reviewDate: '2026-04-13',
			points: [
				{ code: 'BL25', side: 'both', deep: false },
				{ code: 'GB30', side: 'right', deep: true }
			],
			electroacupuncture: false,
			moxibustion: true,
			bloodletting: true,
			notes: '初回は短めに',
			acknowledgements: []
		});
		const audit = await auditRows(db(), patientId);
		expect(audit.map((a) => a.action)).toEqual(['plan.create', 'plan.read']);
		expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ points: ['BL25', 'GB30'], conflicts: 0, replacedActivePlan: false });
		expect(audit.map((a) => a.detail ?? '').join()).not.toContain('車の運転');
	});

	it('refuses deep needling and bloodletting for a patient on blood thinners until each has a reason, storing nothing', async () => {
		const patientId = await insertPatient(db());
		await insertSubmittedIntake(db(), patientId, BLOOD_THINNER, INTAKE_AT);
		const first = await save(patientId, planInput());
		expect(first).toMatchObject({ ok: false, code: 'needs_acknowledgement', missing: ['anticoagulants.deepNeedling.GB30', 'anticoagulants.bloodletting'] });
		const half = await save(patientId, planInput({ acknowledgements: { 'anticoagulants.bloodletting': REASON, 'anticoagulants.deepNeedling.GB30': '  ' } }));
		expect(half).toMatchObject({ ok: false, code: 'needs_acknowledgement', missing: ['anticoagulants.deepNeedling.GB30'] });
		expect(await storedPlans(db(), patientId)).toEqual([]);
		expect(await storedOverrides(db(), patientId)).toEqual([]);
		const audit = await auditRows(db(), patientId);
		expect(audit.map((a) => a.action)).toEqual(['plan.conflicts_found', 'plan.conflicts_found']);
		expect(JSON.parse(audit[1]!.detail!)).toEqual({ conflicts: 2, unacknowledged: 1, contraindication: false });
	});

	it('stores the plan and one acknowledgement per conflict, auditing alert and point without the reason', async () => {
		const patientId = await insertPatient(db());
		await insertSubmittedIntake(db(), patientId, BLOOD_THINNER, INTAKE_AT);
		const result = await save(
			patientId,
			planInput({
				acknowledgements: { 'anticoagulants.deepNeedling.GB30': REASON, 'anticoagulants.bloodletting': '刺絡は行わず、記録のみ残す', 'other.key': 'ignored' }
			})
		);
		expect(result.ok).toBe(true);
		const overrides = await storedOverrides(db(), patientId);
		expect(overrides.map((o) => [o.alert_code, JSON.parse(o.conflict).kind, o.reason, o.staff_id, o.session_id])).toEqual([
			['anticoagulants', 'deepNeedling', REASON, staffId, null],
			['anticoagulants', 'bloodletting', '刺絡は行わず、記録のみ残す', staffId, null]
		]);
		const plan = await getActivePlan(db(), patientId, actorFor(staffId));
		expect(overrides.every((o) => o.plan_id === plan!.id)).toBe(true);
		expect(plan!.acknowledgements.map((a) => [a.conflict.kind, a.reason])).toEqual([
			['deepNeedling', REASON],
			['bloodletting', '刺絡は行わず、記録のみ残す']
		]);
		const acknowledged = (await auditRows(db(), patientId)).filter((a) => a.action === 'plan.contraindication_acknowledged');
		expect(acknowledged.map((a) => JSON.parse(a.detail!))).toEqual([
			{ planId: plan!.id, alertCode: 'anticoagulants', severity: 'caution', kind: 'deepNeedling', pointCode: 'GB30' },
			{ planId: plan!.id, alertCode: 'anticoagulants', severity: 'caution', kind: 'bloodletting', pointCode: null }
		]);
		const allDetails = (await auditRows(db(), patientId)).map((a) => a.detail ?? '').join();
		expect(allDetails).not.toContain('主治医');
		expect(allDetails).not.toContain('刺絡');
	});

	it('asks for a reason for deep needling at BL40 from the point’s own caution, with no alert at all', async () => {
		const patientId = await insertPatient(db());
		const points = [{ code: 'BL40', side: 'right' as const, deep: true }];
		const first = await save(patientId, planInput({ points, bloodletting: false }));
		expect(first).toMatchObject({ ok: false, code: 'needs_acknowledgement', missing: ['pointCaution.deepNeedling.BL40'] });
		const saved = await save(
			patientId,
			planInput({ points, bloodletting: false, acknowledgements: { 'pointCaution.deepNeedling.BL40': '膝窩の血管を避け、浅めの角度で刺入する。' } })
		);
		expect(saved.ok).toBe(true);
		expect((await storedOverrides(db(), patientId)).map((o) => o.alert_code)).toEqual(['pointCaution']);
	});

	it('asks for a reason for electroacupuncture with an implanted device, a contraindication', async () => {
		const patientId = await insertPatient(db());
		await insertSubmittedIntake(db(), patientId, { safety: { implantedDevice: true } }, INTAKE_AT);
		const result = await save(patientId, planInput({ electroacupuncture: true, bloodletting: false }));
		expect(result.ok).toBe(false);
		if (result.ok || result.code !== 'needs_acknowledgement') throw new Error('expected conflicts');
		expect(result.check.hasContraindication).toBe(true);
		expect(result.check.conflicts.map((c) => [c.key, c.prominent])).toEqual([['implantedDevice.electroacupuncture', true]]);
	});

	it('closes the previous plan when a new one is saved, keeping one active plan', async () => {
		const patientId = await insertPatient(db());
		expect((await save(patientId, planInput(), NOW)).ok).toBe(true);
		const second = await save(patientId, planInput({ frequencyPerWeek: 2 }), new Date(NOW.getTime() + 60_000));
		expect(second).toMatchObject({ ok: true, replacedActivePlan: true, plan: { frequencyPerWeek: 2 } });
		expect((await storedPlans(db(), patientId)).map((p) => p.status)).toEqual(['closed', 'active']);
	});

	it('refuses bad input with a code per field and stores nothing', async () => {
		const patientId = await insertPatient(db());
		const result = await save(
			patientId,
			planInput({
				goals: ['歩く', 'x'.repeat(201)],
				frequencyPerWeek: '0',
				plannedSessions: 'abc',
				reviewDate: '2026-03-01',
				points: [{ code: 'XX99', side: 'right', deep: false }],
				notes: 'x'.repeat(2001),
				acknowledgements: { 'anticoagulants.bloodletting': 'x'.repeat(501) }
			})
		);
		expect(result).toEqual({
			ok: false,
			code: 'invalid',
			fields: {
				'goals.1': 'treatmentPlan.error.goalTooLong',
				frequencyPerWeek: 'treatmentPlan.error.frequency',
				plannedSessions: 'treatmentPlan.error.sessions',
				reviewDate: 'treatmentPlan.error.reviewPast',
				points: 'treatmentPlan.error.unknownPoint',
				notes: 'treatmentPlan.error.notesTooLong',
				'acknowledgements.anticoagulants.bloodletting': 'treatmentPlan.error.reasonTooLong'
			}
		});
		const empty = await save(patientId, planInput({ points: [], reviewDate: '2026-02-30' }));
		expect(empty).toMatchObject({ code: 'invalid', fields: { points: 'treatmentPlan.error.noPoints', reviewDate: 'treatmentPlan.error.reviewDate' } });
		const twice = await save(
			patientId,
			planInput({
				points: [
					{ code: 'BL40', side: 'left', deep: false },
					{ code: 'bl40', side: 'right', deep: false }
				]
			})
		);
		expect(twice).toMatchObject({ code: 'invalid', fields: { points: 'treatmentPlan.error.duplicatePoint' } });
		const side = await save(patientId, planInput({ points: [{ code: 'BL40', side: 'up' as never, deep: false }] }));
		expect(side).toMatchObject({ code: 'invalid', fields: { points: 'treatmentPlan.error.side' } });
		expect(await storedPlans(db(), patientId)).toEqual([]);
		expect(await auditRows(db(), patientId)).toEqual([]);
	});

	it('answers not_found for an unknown patient', async () => {
		expect(await save(randomUUID(), planInput())).toEqual({ ok: false, code: 'not_found' });
	});

	it('suggests the local points and the baseline goals before any examination', async () => {
		const patientId = await insertPatient(db());
		await db()
			.kysely.insertInto('outcome_check_in')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				appointment_id: null,
				recorded_at: '2026-02-20T00:00:00.000Z',
				source: 'intake',
				leg_pain: 7,
				back_pain: 4,
				psfs: JSON.stringify([
					{ activity: '靴下をはく', score: 4 },
					{ activity: '30分歩く', score: 5 }
				]),
				sbi: null,
				pgic: null
			})
			.execute();
		expect(await latestExamination(db(), patientId)).toBeNull();
		const suggestions = await planSuggestions(db(), patientId, actorFor(staffId));
		expect(suggestions).toMatchObject({ exam: null, root: null, pattern: null, side: null, goals: ['靴下をはく', '30分歩く'] });
		expect(suggestions.points.map((p) => p.code)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30']);
		const audit = await auditRows(db(), patientId);
		expect(audit.map((a) => a.action)).toEqual(['plan.suggestions.read']);
		expect(audit[0]!.detail).not.toContain('靴下');
	});

	it('suggests from the newest examination, preferring the confirmed root, on the painful side', async () => {
		const patientId = await insertPatient(db());
		await insertSubmittedIntake(db(), patientId, BLOOD_THINNER, INTAKE_AT);
		await insertExamination(db(), patientId, staffId, { confirmed: null, suggested: 'L5', pattern: 'shaoyang', createdAt: '2026-02-01T00:00:00.000Z' });
		await insertExamination(db(), patientId, staffId, { confirmed: 'S1', suggested: 'L5', pattern: 'taiyang', createdAt: '2026-02-20T00:00:00.000Z' });
		const suggestions = await planSuggestions(db(), patientId, actorFor(staffId));
		expect(suggestions).toMatchObject({ root: 'S1', pattern: 'taiyang', side: 'right', exam: { confirmedRoot: 'S1', redFlagPositive: false } });
		expect(suggestions.points.find((p) => p.code === 'BL40')).toEqual({ code: 'BL40', side: 'right', reason: 'pattern' });
		expect(suggestions.points.find((p) => p.code === 'BL23')).toEqual({ code: 'BL23', side: 'both', reason: 'local' });
	});

	it('uses the suggested root when none is confirmed', async () => {
		const patientId = await insertPatient(db());
		await insertExamination(db(), patientId, staffId, { confirmed: null, suggested: 'L4', pattern: 'other', createdAt: '2026-02-01T00:00:00.000Z' });
		const suggestions = await planSuggestions(db(), patientId, actorFor(staffId));
		expect(suggestions).toMatchObject({ root: 'L4', pattern: 'other' });
		// The reference names no points for L4 (docs/clinical-rules.md §2): the local points remain.
		expect(suggestions.points.filter((p) => p.reason === 'root').map((p) => p.code)).toEqual([]);
		expect(suggestions.points.map((p) => p.code)).toEqual(['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30']);
	});

	it('loads the plan page with the alerts, or null for an unknown patient', async () => {
		const patientId = await insertPatient(db());
		await insertSubmittedIntake(db(), patientId, BLOOD_THINNER, INTAKE_AT);
		const page = await loadPlanPage(db(), patientId, actorFor(staffId));
		expect(page).toMatchObject({ intakeSubmitted: true, activePlan: null, patient: { id: patientId } });
		expect(page!.safetyAlerts.map((a) => a.code)).toEqual(['anticoagulants']);
		expect(await loadPlanPage(db(), randomUUID(), actorFor(staffId))).toBeNull();
	});
});
