import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { giveConsent } from '../consent/test-fixtures';
import { insertPatient, insertSubmittedIntake } from '../outcomes/test-fixtures';
import { savePlan } from '../treatment-plan/save-plan';
import { acknowledgeOpenConflicts } from './acknowledge-conflicts';
import { dropHeldPlanPoints, keepHeldPlanPoints } from './held-plan-points';
import { recordTechniques } from './record-techniques';
import { addSessionPoint } from './session-points';
import { getSessionRecord } from './session-record';
import { startSession } from './start-session';
import { openSession, practitionerActor } from './test-fixtures';

/*
 * The safety check at the bed (issue #15, docs/clinical-rules.md §3): the session record asks the
 * same reasons as the plan, stores them with the session and audits them; a refused change writes
 * nothing but the audit of the finding.
 */
const NOW = new Date('2026-03-02T01:00:00.000Z'); // 10:00 in Tokyo
const LATER = new Date(NOW.getTime() + 10 * 60_000);
const PREGNANT = { history: { pregnant: 'yes' } };
const PACEMAKER = { safety: { implantedDevice: true } };
const REASON = '産科の主治医に確認済み。刺激は弱く、置鍼は短くする。';

const points = (db: Db, sessionId: string) =>
	db.kysely.selectFrom('session_point').select(['code', 'side', 'deep']).where('session_id', '=', sessionId).orderBy('created_at').orderBy('code').execute();
const overrides = (db: Db, sessionId: string) =>
	db.kysely.selectFrom('contraindication_override').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('alert_code').execute();
const audit = async (db: Db, patientId: string) =>
	(await db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('patient_id', '=', patientId).orderBy('seq').execute()).map((a) => ({
		action: a.action,
		detail: a.detail === null ? null : (JSON.parse(a.detail) as Record<string, unknown>)
	}));

async function patientWith(db: Db, answers: object | null): Promise<string> {
	const patientId = await insertPatient(db);
	// Treatment needs the patient's consent first (docs/clinical-rules.md §6).
	await giveConsent(db, patientId);
	if (answers) await insertSubmittedIntake(db, patientId, answers, '2026-02-20T00:00:00.000Z');
	return patientId;
}

describeEachDatabase('the safety check in the session record', (db) => {
	let actor: AuditActor;
	const add = (patientId: string, sessionId: string, input: Record<string, unknown>, at = LATER) =>
		addSessionPoint(db(), patientId, sessionId, input, actor, at);

	it('refuses LI4 for a pregnant patient until a reason is given, writing nothing but the finding', async () => {
		actor = await practitionerActor(db());
		const patientId = await patientWith(db(), PREGNANT);
		const { sessionId } = await openSession(db(), actor, NOW, patientId);

		const refused = await add(patientId, sessionId, { code: 'LI4', side: 'both' });
		expect(refused).toMatchObject({ ok: false, code: 'needs_acknowledgement', missing: ['pregnancy.point.LI4'] });
		if (refused.ok || refused.code !== 'needs_acknowledgement') throw new Error('expected a refusal');
		expect(refused.check.hasContraindication).toBe(true);
		const blank = await add(patientId, sessionId, { code: 'LI4', side: 'both', 'ack.pregnancy.point.LI4': '   ' });
		expect(blank).toMatchObject({ code: 'needs_acknowledgement', missing: ['pregnancy.point.LI4'] });
		expect(await points(db(), sessionId)).toEqual([]);
		expect(await overrides(db(), sessionId)).toEqual([]);
		const found = (await audit(db(), patientId)).filter((a) => a.action === 'treatment_session.conflicts_found');
		expect(found.map((a) => a.detail)).toEqual([
			{ conflicts: 1, unacknowledged: 1, contraindication: true },
			{ conflicts: 1, unacknowledged: 1, contraindication: true }
		]);

		const saved = await add(patientId, sessionId, { code: 'LI4', side: 'both', 'ack.pregnancy.point.LI4': `  ${REASON}  ` });
		expect(saved).toEqual({ ok: true, amended: false });
		expect(await points(db(), sessionId)).toEqual([{ code: 'LI4', side: 'both', deep: 0 }]);
		const stored = await overrides(db(), sessionId);
		expect(stored.map((o) => ({ plan: o.plan_id, alert: o.alert_code, reason: o.reason, staff: o.staff_id, at: o.created_at, patient: o.patient_id }))).toEqual(
			[{ plan: null, alert: 'pregnancy', reason: REASON, staff: actor.id, at: LATER.toISOString(), patient: patientId }]
		);
		expect(JSON.parse(stored[0]!.conflict)).toEqual({ alertCode: 'pregnancy', severity: 'contraindication', kind: 'point', pointCode: 'LI4' });
		const trail = await audit(db(), patientId);
		expect(trail.find((a) => a.action === 'treatment_session.contraindication_acknowledged')?.detail).toEqual({
			sessionId,
			alertCode: 'pregnancy',
			severity: 'contraindication',
			kind: 'point',
			pointCode: 'LI4'
		});
		expect(trail.find((a) => a.action === 'treatment_session.point.add')?.detail).toMatchObject({ acknowledged: 1 });
		expect(trail.map((a) => JSON.stringify(a.detail)).join()).not.toContain('産科');

		// Acknowledged once in this session, LI4 on the other side needs no second reason; SP6 does.
		expect(await add(patientId, sessionId, { code: 'LI4', side: 'left' })).toEqual({ ok: true, amended: false });
		expect(await add(patientId, sessionId, { code: 'SP6', side: 'left', origin: 'chart' })).toMatchObject({
			code: 'needs_acknowledgement',
			missing: ['pregnancy.point.SP6']
		});
		expect(await add(patientId, sessionId, { code: 'ST36', side: 'left', origin: 'chart' })).toEqual({ ok: true, amended: false });
		expect((await points(db(), sessionId)).map((p) => p.code)).toEqual(['LI4', 'LI4', 'ST36']);
	});

	it('refuses deep needling of BL54 and GB30 in pregnancy, and of BL40 for anyone, but not shallow needling there', async () => {
		const patientId = await patientWith(db(), PREGNANT);
		const { sessionId } = await openSession(db(), actor, NOW, patientId);
		expect(await add(patientId, sessionId, { code: 'BL54', side: 'left', deep: 'on' })).toMatchObject({ missing: ['pregnancy.deepNeedling.BL54'] });
		expect(await add(patientId, sessionId, { code: 'GB30', side: 'left', deep: 'on' })).toMatchObject({ missing: ['pregnancy.deepNeedling.GB30'] });
		expect(await add(patientId, sessionId, { code: 'BL54', side: 'left' })).toMatchObject({ ok: true });
		expect(await add(patientId, sessionId, { code: 'GB30', side: 'left', deep: '' })).toMatchObject({ ok: true });

		const plain = await patientWith(db(), null);
		const other = await openSession(db(), actor, NOW, plain);
		expect(await add(plain, other.sessionId, { code: 'BL40', side: 'right', deep: 'on' })).toMatchObject({ missing: ['pointCaution.deepNeedling.BL40'] });
		expect(
			await add(plain, other.sessionId, { code: 'BL40', side: 'right', deep: 'on', 'ack.pointCaution.deepNeedling.BL40': '膝窩動脈を触知して避けた。' })
		).toMatchObject({ ok: true });
		expect(await points(db(), other.sessionId)).toEqual([{ code: 'BL40', side: 'right', deep: 1 }]);
	});

	it('refuses electroacupuncture for a pacemaker wearer until acknowledged, keeping the techniques as they were', async () => {
		const patientId = await patientWith(db(), PACEMAKER);
		const { sessionId } = await openSession(db(), actor, NOW, patientId);
		const ea = { eaPairs: '2', eaFrequencyHz: '2', eaMinutes: '15' };
		const refused = await recordTechniques(db(), patientId, sessionId, ea, actor, LATER);
		expect(refused).toMatchObject({ ok: false, code: 'needs_acknowledgement', missing: ['implantedDevice.electroacupuncture'] });
		const before = await getSessionRecord(db(), patientId, sessionId, actor, LATER);
		expect(before!.techniques.electroacupuncture).toBeNull();
		expect(await overrides(db(), sessionId)).toEqual([]);

		// 灸頭鍼 and cupping meet no rule of the reference for a pacemaker: saved without a question.
		expect(
			await recordTechniques(db(), patientId, sessionId, { moxaType: 'needle_top', moxaCones: '2', cuppingCups: '2', cuppingMinutes: '5' }, actor, LATER)
		).toMatchObject({ ok: true });
		const reason = 'ペースメーカーの主治医に確認済み。心臓から離れた下腿のみ、低出力で行う。';
		const saved = await recordTechniques(
			db(),
			patientId,
			sessionId,
			{ ...ea, moxaType: 'needle_top', moxaCones: '2', 'ack.implantedDevice.electroacupuncture': reason },
			actor,
			LATER
		);
		expect(saved).toMatchObject({ ok: true });
		const after = await getSessionRecord(db(), patientId, sessionId, actor, LATER);
		expect(after!.techniques.electroacupuncture).toEqual({ pairs: 2, frequencyHz: 2, minutes: 15 });
		expect(after!.safety.acknowledgements.map((a) => [a.key, a.reason])).toEqual([['implantedDevice.electroacupuncture', reason]]);
		expect(after!.safety.open.conflicts).toEqual([]);
		// Saving the techniques again asks nothing more.
		expect(await recordTechniques(db(), patientId, sessionId, { ...ea, eaMinutes: '20' }, actor, LATER)).toMatchObject({ ok: true });
	});

	it('refuses direct moxibustion while BL40 is in the record (docs/clinical-rules.md §2)', async () => {
		const patientId = await patientWith(db(), null);
		const { sessionId } = await openSession(db(), actor, NOW, patientId);
		expect(await add(patientId, sessionId, { code: 'BL40', side: 'right' })).toMatchObject({ ok: true });
		expect(await recordTechniques(db(), patientId, sessionId, { moxaType: 'direct', moxaCones: '3' }, actor, LATER)).toMatchObject({
			code: 'needs_acknowledgement',
			missing: ['pointCaution.directMoxibustion.BL40']
		});
		expect(await recordTechniques(db(), patientId, sessionId, { moxaType: 'indirect', moxaCones: '3' }, actor, LATER)).toMatchObject({ ok: true });
	});

	it('refuses a reason too long on its own field', async () => {
		const patientId = await patientWith(db(), PREGNANT);
		const { sessionId } = await openSession(db(), actor, NOW, patientId);
		expect(await add(patientId, sessionId, { code: 'LI4', side: 'both', 'ack.pregnancy.point.LI4': 'x'.repeat(501) })).toEqual({
			ok: false,
			code: 'invalid',
			fields: { 'ack.pregnancy.point.LI4': 'treatmentSession.error.tooLong' }
		});
	});

	it('re-checks the plan at the start against the alerts of now, holding back what the plan did not meet when it was saved', async () => {
		const patientId = await patientWith(db(), null);
		const plan = await savePlan(
			db(),
			patientId,
			{
				goals: [],
				frequencyPerWeek: 1,
				plannedSessions: 6,
				reviewDate: '2026-04-01',
				points: [
					{ code: 'LI4', side: 'both', deep: false },
					{ code: 'ST36', side: 'right', deep: false },
					{ code: 'SP6', side: 'right', deep: false },
					{ code: 'BL25', side: 'both', deep: true }
				],
				electroacupuncture: false,
				moxibustion: false,
				bloodletting: false,
				acknowledgements: {}
			},
			actor.id!,
			actor,
			{ now: new Date('2026-02-01T01:00:00.000Z'), today: '2026-02-01' }
		);
		expect(plan.ok, 'the plan had no conflict when it was saved').toBe(true);
		// The intake says pregnant after the plan was saved.
		await insertSubmittedIntake(db(), patientId, PREGNANT, '2026-02-25T00:00:00.000Z');

		const started = await startSession(db(), patientId, {}, actor, { now: NOW });
		expect(started).toMatchObject({ ok: true, held: 3 });
		const sessionId = started.ok ? started.id : '';
		expect(await points(db(), sessionId)).toEqual([{ code: 'ST36', side: 'right', deep: 0 }]);
		const record = await getSessionRecord(db(), patientId, sessionId, actor, NOW);
		expect(record!.heldPlanPoints).toEqual([
			{ code: 'LI4', side: 'both', deep: false },
			{ code: 'SP6', side: 'right', deep: false },
			{ code: 'BL25', side: 'both', deep: true }
		]);
		expect(record!.safety.held.conflicts.map((c) => c.key)).toEqual(['pregnancy.point.LI4', 'pregnancy.point.SP6', 'pregnancy.deepNeedling.BL25']);
		expect((await audit(db(), patientId)).find((a) => a.action === 'treatment_session.start')?.detail).toMatchObject({ pointsFromPlan: 1, planPointsHeld: 3 });

		const reasons = { 'ack.pregnancy.point.LI4': REASON, 'ack.pregnancy.point.SP6': REASON };
		expect(await keepHeldPlanPoints(db(), patientId, sessionId, reasons, actor, LATER)).toMatchObject({
			code: 'needs_acknowledgement',
			missing: ['pregnancy.deepNeedling.BL25']
		});
		expect(await points(db(), sessionId)).toHaveLength(1);
		expect(await overrides(db(), sessionId)).toEqual([]);

		expect(await keepHeldPlanPoints(db(), patientId, sessionId, { ...reasons, 'ack.pregnancy.deepNeedling.BL25': REASON }, actor, LATER)).toMatchObject({
			ok: true
		});
		expect((await points(db(), sessionId)).map((p) => [p.code, p.deep])).toEqual([
			['ST36', 0],
			['BL25', 1],
			['LI4', 0],
			['SP6', 0]
		]);
		expect((await overrides(db(), sessionId)).map((o) => o.alert_code)).toEqual(['pregnancy', 'pregnancy', 'pregnancy']);
		const after = await getSessionRecord(db(), patientId, sessionId, actor, LATER);
		expect(after!.heldPlanPoints).toEqual([]);
		expect(after!.safety.open.conflicts).toEqual([]);
		expect(await keepHeldPlanPoints(db(), patientId, sessionId, {}, actor, LATER)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { _: 'treatmentSession.error.nothingHeld' }
		});
	});

	it('leaves the held plan points out when the practitioner chooses so', async () => {
		const patientId = await patientWith(db(), PACEMAKER);
		await db()
			.kysely.insertInto('treatment_plan')
			.values({
				id: crypto.randomUUID(),
				patient_id: patientId,
				created_by: actor.id!,
				status: 'active',
				goals: '[]',
				frequency_per_week: 1,
				planned_sessions: 6,
				review_date: '2026-04-15',
				points: JSON.stringify([
					{ code: 'BL40', side: 'left', deep: true },
					{ code: 'GB34', side: 'left', deep: false }
				]),
				electroacupuncture: 1,
				moxibustion: 0,
				bloodletting: 0,
				notes: '',
				created_at: NOW.toISOString(),
				updated_at: NOW.toISOString()
			})
			.execute();
		const started = await startSession(db(), patientId, {}, actor, { now: NOW });
		expect(started).toMatchObject({ ok: true, held: 1 });
		const sessionId = started.ok ? started.id : '';
		expect(await dropHeldPlanPoints(db(), patientId, sessionId, {}, actor, LATER)).toEqual({ ok: true, amended: false });
		expect((await points(db(), sessionId)).map((p) => p.code)).toEqual(['GB34']);
		expect((await getSessionRecord(db(), patientId, sessionId, actor, LATER))!.heldPlanPoints).toEqual([]);
		expect((await audit(db(), patientId)).some((a) => a.action === 'treatment_session.plan_points.drop')).toBe(true);
	});

	it('shows a conflict that an alert added mid-session brings to a recorded point, for acknowledgement on its own', async () => {
		const patientId = await patientWith(db(), null);
		const { sessionId } = await openSession(db(), actor, NOW, patientId);
		expect(await add(patientId, sessionId, { code: 'SP6', side: 'both' }, NOW)).toMatchObject({ ok: true });
		await insertSubmittedIntake(db(), patientId, { history: { pregnant: 'unsure' } }, LATER.toISOString());

		const record = await getSessionRecord(db(), patientId, sessionId, actor, LATER);
		expect(record!.safety.alerts.map((a) => a.code)).toEqual(['pregnancyUnknown']);
		expect(record!.safety.open.conflicts.map((c) => c.key)).toEqual(['pregnancyUnknown.point.SP6']);
		// Another change is not held up by it, and it is not taken as acknowledged.
		expect(await add(patientId, sessionId, { code: 'ST36', side: 'both' })).toMatchObject({ ok: true });
		expect(await acknowledgeOpenConflicts(db(), patientId, sessionId, {}, actor, LATER)).toMatchObject({
			code: 'needs_acknowledgement',
			missing: ['pregnancyUnknown.point.SP6']
		});
		expect(
			await acknowledgeOpenConflicts(db(), patientId, sessionId, { 'ack.pregnancyUnknown.point.SP6': '妊娠していないことを本人に確認した。' }, actor, LATER)
		).toMatchObject({ ok: true });
		const after = await getSessionRecord(db(), patientId, sessionId, actor, LATER);
		expect(after!.safety.open.conflicts).toEqual([]);
		expect(after!.safety.acknowledgements.map((a) => a.key)).toEqual(['pregnancyUnknown.point.SP6']);
		expect(await acknowledgeOpenConflicts(db(), patientId, sessionId, {}, actor, LATER)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { _: 'treatmentSession.error.nothingToAcknowledge' }
		});
	});
});
