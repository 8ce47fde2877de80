import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import type { AuditActor } from '../audit/audit-log';
import { readConfig } from '../config';
import { fieldErrorsFrom } from '../http/field-errors';
import { insertStaff } from '../outcomes/test-fixtures';
import { getExamination, listExaminations, recordExamination, updateExamination } from './examination-service';
import { hasBlockingRedFlag, latestExamination } from './latest-examination';
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
			'pain.back.thigh-right': 'on',
			'pain.back.lowerLeg-right': 'on',
			'numb.back.ankleFoot-right': 'on',
			'right.numb.littleToe': 'on',
			'pain.back.lowerLeg-left': 'on',
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
		expect(exam!.findings.right.painAreas).toEqual(['backOfThigh', 'backOfCalf']);
		expect(exam!.findings.right.numbAreas).toEqual(['heelAndSole', 'littleToe']);
		expect(exam!.findings.left.painAreas).toEqual(['backOfCalf']);
		expect(await latestExamination(db(), patient.id)).toMatchObject({
			examinationId: id,
			confirmedRoot: null,
			suggestedRoot: 'S1',
			pattern: 'taiyang',
			redFlagPositive: false
		});

		expect(await updateExamination(db(), patient.id, id, { root: 'S1', pattern: 'taiyang' }, actor)).toEqual({ ok: true });
		expect(await latestExamination(db(), patient.id)).toMatchObject({ confirmedRoot: 'S1', pattern: 'taiyang' });
		expect(await latestExamination(db(), patient.id)).toMatchObject({ confirmedRoot: 'S1', pattern: 'taiyang' });
		expect(await hasBlockingRedFlag(db(), patient.id)).toBe(false);
		// The demo patient's first-visit examination comes before this one.
		expect((await listExaminations(db(), patient.id, actor)).map((e) => e.id)).toContain(id);
		const audit = await db().kysely.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).execute();
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['examination.create', 'examination.read', 'examination.confirm']));
		expect(JSON.stringify(audit)).not.toContain('SLR陽性');
		expect(JSON.stringify(audit)).not.toContain('backOfCalf');
	});

	it('keeps a red flag found again as blocking treatment, and refuses another patient’s exam id', async () => {
		const patients = await db().kysely.selectFrom('patient').select('id').orderBy('created_at').limit(2).execute();
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		const actor: AuditActor = { type: 'staff', id: staff.id, ip: null, requestId: null };
		const form = ZExamFormSchema.parse({ kind: 'initial', side: 'both', 'redFlag.saddleNumbness': 'on' });
		const recorded = await recordExamination(db(), patients[0]!.id, form, staff.id, actor);
		expect(recorded).toMatchObject({ ok: true, blocked: true });
		expect(await hasBlockingRedFlag(db(), patients[0]!.id)).toBe(true);
		expect(await latestExamination(db(), patients[0]!.id)).toMatchObject({ redFlagPositive: true });
		expect(await getExamination(db(), patients[1]!.id, recorded.ok ? recorded.id : '', actor)).toBeNull();
		expect(await updateExamination(db(), patients[1]!.id, recorded.ok ? recorded.id : '', { root: 'L5', pattern: 'mixed' }, actor)).toEqual({
			ok: false,
			code: 'not_found'
		});
	});

	it('lifts the block when a later examination finds no red flag', async () => {
		const patient = await db().kysely.selectFrom('patient').select('id').orderBy('created_at').executeTakeFirstOrThrow();
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		const actor: AuditActor = { type: 'staff', id: staff.id, ip: null, requestId: null };
		await recordExamination(
			db(),
			patient.id,
			ZExamFormSchema.parse({ kind: 'initial', side: 'left', 'redFlag.progressiveWeakness': 'on' }),
			staff.id,
			actor,
			new Date('2030-01-01T00:00:00Z')
		);
		expect(await hasBlockingRedFlag(db(), patient.id)).toBe(true);
		await recordExamination(db(), patient.id, ZExamFormSchema.parse({ kind: 'reassessment', side: 'left' }), staff.id, actor, new Date('2030-01-08T00:00:00Z'));
		expect(await hasBlockingRedFlag(db(), patient.id)).toBe(false);
	});

	it('refuses a merged or unknown patient and saves nothing', async () => {
		const [kept, merged] = await db().kysely.selectFrom('patient').select('id').orderBy('created_at').limit(2).execute();
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		const actor: AuditActor = { type: 'staff', id: staff.id, ip: null, requestId: null };
		const form = ZExamFormSchema.parse({ kind: 'initial', side: 'right' });
		const earlier = await db().kysely.selectFrom('examination').select('id').where('patient_id', '=', merged!.id).execute();
		await db().kysely.updateTable('patient').set({ merged_into_id: kept!.id }).where('id', '=', merged!.id).execute();
		try {
			expect(await recordExamination(db(), merged!.id, form, staff.id, actor)).toEqual({ ok: false, code: 'not_found' });
			expect(await recordExamination(db(), crypto.randomUUID(), form, staff.id, actor)).toEqual({ ok: false, code: 'not_found' });
			expect(await db().kysely.selectFrom('examination').select('id').where('patient_id', '=', merged!.id).execute()).toEqual(earlier);
			expect(await listExaminations(db(), merged!.id, actor)).toEqual([]);
			if (earlier[0])
				expect(await updateExamination(db(), merged!.id, earlier[0].id, { root: 'L4', pattern: 'other' }, actor)).toEqual({ ok: false, code: 'not_found' });
		} finally {
			await db().kysely.updateTable('patient').set({ merged_into_id: null }).where('id', '=', merged!.id).execute();
		}
	});

	it('links the examination to a visit of this patient only', async () => {
		const appointment = await db().kysely.selectFrom('appointment').select(['id', 'patient_id']).where('patient_id', 'is not', null).executeTakeFirst();
		if (!appointment) return;
		const other = await db().kysely.selectFrom('patient').select('id').where('id', '!=', appointment.patient_id!).executeTakeFirstOrThrow();
		const staff = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		const actor: AuditActor = { type: 'staff', id: staff.id, ip: null, requestId: null };
		const form = ZExamFormSchema.parse({ kind: 'initial', side: 'right', appointmentId: appointment.id });
		const own = await recordExamination(db(), appointment.patient_id!, form, staff.id, actor);
		const foreign = await recordExamination(db(), other.id, form, staff.id, actor);
		const stored = await db()
			.kysely.selectFrom('examination')
			.select(['id', 'appointment_id'])
			.where('id', 'in', [own.ok ? own.id : '', foreign.ok ? foreign.id : ''])
			.execute();
		expect(Object.fromEntries(stored.map((r) => [r.id, r.appointment_id]))).toEqual({
			[own.ok ? own.id : '']: appointment.id,
			[foreign.ok ? foreign.id : '']: null
		});
	});

	it('names each bad field in the viewer’s language', () => {
		const input = { kind: 'initial', side: 'sideways', 'right.slrAngle': '-5', 'right.reflex.knee': 'brisk', notes: 'x'.repeat(2001) };
		const result = ZExamFormSchema.safeParse(input);
		expect(result.success).toBe(false);
		expect(fieldErrorsFrom(result.error!, 'ja', input)).toEqual({
			side: '症状のある側を選んでください。',
			notes: expect.any(String),
			'right.slrAngle': '0から90の数字を入力してください。',
			'right.reflex.knee': expect.any(String)
		});
		expect(fieldErrorsFrom(result.error!, 'en', input).side).toBe('Choose the affected side.');
		expect(ZExamFormSchema.safeParse({ kind: 'initial', side: 'left', 'left.slrAngle': '４５' }).data?.findings.left.slrAngle).toBe(45);
	});

	it('refuses an impossible angle or grade with a code per field', () => {
		const result = ZExamFormSchema.safeParse({ kind: 'initial', side: 'left', 'left.slrAngle': '120', 'left.strength.kneeExtension': '7' });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['left.slrAngle', 'examination.error.slrAngle'],
			['left.strength.kneeExtension', 'examination.error.strength']
		]);
	});

	it('lets only the examining practitioner, or the owner, confirm the root; the audit keeps the earlier values', async () => {
		// The demo clinic is seeded by the first test of this database.
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'patient5@example.jp').executeTakeFirstOrThrow();
		const author = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow();
		const colleague = await insertStaff(db(), 'practitioner');
		const owner = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow();
		const reception = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirstOrThrow();
		const as = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });
		const form = ZExamFormSchema.safeParse({
			kind: 'initial',
			side: 'right',
			'pain.back.thigh-right': 'on',
			'right.slrAngle': '45',
			'right.slrPain': 'on',
			notes: ''
		});
		expect(form.success).toBe(true);
		const recorded = await recordExamination(db(), patient.id, form.data!, author.id, as(author.id));
		if (!recorded.ok) throw new Error('not recorded');
		for (const other of [colleague, reception]) {
			expect(await updateExamination(db(), patient.id, recorded.id, { root: 'L5', pattern: 'shaoyang' }, as(other.id))).toEqual({
				ok: false,
				code: 'forbidden'
			});
		}
		expect(await updateExamination(db(), patient.id, recorded.id, { root: 'S1', pattern: 'taiyang' }, as(author.id))).toEqual({ ok: true });
		expect(await updateExamination(db(), patient.id, recorded.id, { root: 'L5', pattern: 'mixed' }, as(owner.id))).toEqual({ ok: true });
		const audits = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'examination.confirm')
			.where('entity_id', '=', recorded.id)
			.orderBy('seq')
			.execute();
		expect(audits.map((a) => JSON.parse(a.detail!))).toEqual([
			{ root: 'S1', pattern: 'taiyang', before: { root: null, pattern: expect.any(String) } },
			{ root: 'L5', pattern: 'mixed', before: { root: 'S1', pattern: 'taiyang' } }
		]);
	});
});
