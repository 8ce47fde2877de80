import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import type { AuditActor } from '../audit/audit-log';
import { readConfig } from '../config';
import { findLatestExamFacts } from '../treatment-plan/plan-repository';
import { confirmExamination, getExamination, listExaminations, recordExamination } from './examination-service';
import { ZExamFormSchema } from './schemas';

describeEachDatabase('examinations', (db) => {
	it('records S1 findings from the form, suggests S1 and Taiyang, and the plan reads the confirmed root', async () => {
		await prepareDatabase(db(), { ...readConfig({}), seedDemo: true });
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'patient5@example.jp').executeTakeFirstOrThrow();
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		const actor: AuditActor = { type: 'staff', id: staff.id, ip: null, requestId: null };
		const form = ZExamFormSchema.safeParse({
			kind: 'initial',
			side: 'right',
			'right.area.backOfThigh': 'on',
			'right.area.backOfCalf': 'on',
			'right.area.heelAndSole': 'on',
			'right.slrAngle': '45',
			'right.slrPain': 'on',
			'right.reflex.ankle': 'reduced',
			'right.strength.plantarFlexion': '4',
			notes: '右SLR陽性'
		});
		expect(form.success).toBe(true);
		const recorded = await recordExamination(db(), patient.id, form.data!, staff.id, actor);
		expect(recorded).toMatchObject({ ok: true, blocked: false });
		const id = recorded.ok ? recorded.id : '';
		const exam = await getExamination(db(), patient.id, id, actor);
		expect(exam).toMatchObject({ suggestedRoot: 'S1', pattern: 'taiyang', confirmedRoot: null, redFlagPositive: false });
		expect(exam!.findings.right.slrAngle).toBe(45);

		expect(await confirmExamination(db(), patient.id, id, { root: 'S1', pattern: 'taiyang' }, actor)).toBe(true);
		expect(await findLatestExamFacts(db(), patient.id)).toMatchObject({ confirmedRoot: 'S1', pattern: 'taiyang' });
		expect((await listExaminations(db(), patient.id, actor)).map((e) => e.id)).toEqual([id]);
		const audit = await db().kysely.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).execute();
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['examination.create', 'examination.read', 'examination.confirm']));
		expect(JSON.stringify(audit)).not.toContain('SLR陽性');
	});

	it('keeps a red flag found again as blocking treatment, and refuses another patient’s exam id', async () => {
		const patients = await db().kysely.selectFrom('patient').select('id').orderBy('created_at').limit(2).execute();
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		const actor: AuditActor = { type: 'staff', id: staff.id, ip: null, requestId: null };
		const form = ZExamFormSchema.parse({ kind: 'initial', side: 'both', 'redFlag.saddleNumbness': 'on' });
		const recorded = await recordExamination(db(), patients[0]!.id, form, staff.id, actor);
		expect(recorded).toMatchObject({ ok: true, blocked: true });
		expect(await getExamination(db(), patients[1]!.id, recorded.ok ? recorded.id : '', actor)).toBeNull();
		expect(await confirmExamination(db(), patients[1]!.id, recorded.ok ? recorded.id : '', { root: 'L5', pattern: 'mixed' }, actor)).toBe(false);
	});

	it('refuses an impossible angle or grade with a code per field', () => {
		const result = ZExamFormSchema.safeParse({ kind: 'initial', side: 'left', 'left.slrAngle': '120', 'left.strength.kneeExtension': '7' });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['left.slrAngle', 'examination.error.slrAngle'],
			['left.strength.kneeExtension', 'examination.error.strength']
		]);
	});
});
