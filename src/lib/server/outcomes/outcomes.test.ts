import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { checkInFormShape } from './check-in-form';
import { listCheckIns } from './list-check-ins';
import { progressSummary } from './progress-summary';
import { recordCheckIn } from './record-check-in';
import { ZCheckInFormSchema } from './schemas';
import { insertAppointment, insertPatient, insertPractitioner } from './test-fixtures';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (day: number) => new Date(T0 + day * DAY);
const staff: AuditActor = { type: 'staff', id: 'practitioner-1', ip: null, requestId: null };
const patientActor = (id: string): AuditActor => ({ type: 'patient', id, ip: '203.0.113.9', requestId: 'r1' });
const ACTIVITIES = ['靴下をはく', '30分歩く', '車の運転'];
const baseline = { legPain: 7, backPain: 5, psfs: ACTIVITIES.map((activity, i) => ({ activity, score: 2 + i })), sbi: [5, 4, 3, 6], pgic: null };

async function auditRows(db: Db, patientId: string) {
	return db.kysely.selectFrom('audit_log').selectAll().where('patient_id', '=', patientId).orderBy('seq').execute();
}

/** The intake helper writes the baseline directly, in the agreed JSON shapes. */
async function writeIntakeBaseline(db: Db, patientId: string, recordedAt: Date) {
	await db.kysely
		.insertInto('outcome_check_in')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: null,
			recorded_at: recordedAt.toISOString(),
			source: 'intake',
			leg_pain: 7,
			back_pain: 5,
			psfs: JSON.stringify(ACTIVITIES.map((activity, i) => ({ activity, score: 2 + i }))),
			sbi: JSON.stringify([5, 4, 3, 6]),
			pgic: null
		})
		.execute();
}

describeEachDatabase('outcome check-ins', (db) => {
	it('records a check-in and reads it back, auditing the measures but not the answers', async () => {
		const patientId = await insertPatient(db());
		const result = await recordCheckIn(db(), patientId, baseline, 'portal', patientActor(patientId), null, at(0));
		expect(result.ok).toBe(true);
		const list = await listCheckIns(db(), patientId, staff);
		expect(list).toEqual([{ id: (result as { id: string }).id, recordedAt: at(0).toISOString(), source: 'portal', appointmentId: null, ...baseline }]);
		const audit = await auditRows(db(), patientId);
		expect(audit.map((a) => a.action)).toEqual(['outcome.check_in.record', 'outcome.check_ins.read']);
		expect(audit[0]).toMatchObject({ actor_type: 'patient', actor_id: patientId });
		expect(JSON.parse(audit[0]!.detail!)).toEqual({ source: 'portal', measures: ['legPain', 'backPain', 'psfs', 'sbi'] });
		expect(audit.map((a) => a.detail ?? '').join()).not.toContain('靴下');
	});

	it('refuses answers out of range with a code per field, and stores nothing', async () => {
		const patientId = await insertPatient(db());
		const result = await recordCheckIn(
			db(),
			patientId,
			{ ...baseline, legPain: 11, sbi: [7, 0, 0, 0], psfs: baseline.psfs.slice(0, 2) },
			'portal',
			patientActor(patientId)
		);
		expect(result).toEqual({
			ok: false,
			code: 'invalid',
			fields: { legPain: 'outcomes.error.out_of_range', psfs: 'outcomes.error.item_count', sbi: 'outcomes.error.out_of_range' }
		});
		expect(
			await recordCheckIn(db(), patientId, { legPain: null, backPain: null, psfs: null, sbi: null, pgic: null }, 'portal', patientActor(patientId))
		).toMatchObject({
			fields: { _: 'outcomes.error.empty' }
		});
		expect(await recordCheckIn(db(), patientId, { ...baseline, legPain: '5' } as never, 'portal', patientActor(patientId))).toMatchObject({ code: 'invalid' });
		expect(await listCheckIns(db(), patientId, staff)).toEqual([]);
	});

	it('refuses an unknown or merged patient, and an appointment of someone else', async () => {
		const survivor = await insertPatient(db());
		const merged = await insertPatient(db(), { mergedInto: survivor });
		const other = await insertPatient(db());
		const practitioner = await insertPractitioner(db(), null);
		const othersVisit = await insertAppointment(db(), other, practitioner, at(-1).toISOString());
		expect(await recordCheckIn(db(), randomUUID(), baseline, 'portal', staff)).toEqual({ ok: false, code: 'not_found' });
		expect(await recordCheckIn(db(), merged, baseline, 'portal', staff)).toEqual({ ok: false, code: 'not_found' });
		expect(await recordCheckIn(db(), survivor, baseline, 'session', staff, othersVisit)).toEqual({ ok: false, code: 'not_found' });
		expect(await db().kysely.selectFrom('outcome_check_in').select('id').where('patient_id', 'in', [survivor, merged]).execute()).toEqual([]);
	});

	it('summarises progress from the intake baseline, with the activities named there', async () => {
		const patientId = await insertPatient(db());
		const practitioner = await insertPractitioner(db(), null);
		await writeIntakeBaseline(db(), patientId, at(0));
		for (const day of [1, 8, 15]) await insertAppointment(db(), patientId, practitioner, at(day).toISOString());
		await insertAppointment(db(), patientId, practitioner, at(20).toISOString(), 'cancelled');
		await insertAppointment(db(), patientId, practitioner, at(40).toISOString(), 'booked');
		const followUp = { legPain: 4, backPain: 4, psfs: ACTIVITIES.map((activity) => ({ activity, score: 6 })), sbi: [2, 2, 2, 2], pgic: 2 };
		expect((await recordCheckIn(db(), patientId, followUp, 'portal', patientActor(patientId), null, at(16))).ok).toBe(true);

		const summary = await progressSummary(db(), patientId, staff, at(17));
		expect(summary.baseline?.source).toBe('intake');
		expect(summary.latest?.source).toBe('portal');
		expect(summary.activities).toEqual(ACTIVITIES);
		expect(summary.sessions).toHaveLength(3);
		expect(summary.checkIns).toHaveLength(2);
		expect(summary.measures.legPain).toMatchObject({ difference: -3, status: 'responder' });
		expect(summary.measures.backPain).toMatchObject({ difference: -1, status: 'not_responder' });
		expect(summary.measures.psfs).toMatchObject({ difference: 3, status: 'responder' });
		expect(summary.measures.sbi).toMatchObject({ difference: -10, status: 'change_only' });
		expect(summary.measures.pgic.status).toBe('responder');
		expect(summary.notImproving).toMatchObject({ status: 'not_due', sessionsSinceBaseline: 3 });
		expect((await auditRows(db(), patientId)).at(-1)).toMatchObject({ action: 'outcome.progress.read', actor_id: 'practitioner-1' });
	});

	it('flags "not improving" after four sessions and three weeks without a leg-pain response', async () => {
		const patientId = await insertPatient(db());
		const practitioner = await insertPractitioner(db(), null);
		await writeIntakeBaseline(db(), patientId, at(0));
		for (const day of [1, 8, 15, 22]) await insertAppointment(db(), patientId, practitioner, at(day).toISOString());
		await recordCheckIn(db(), patientId, { ...baseline, legPain: 6, pgic: 4 }, 'session', staff, null, at(22));
		const summary = await progressSummary(db(), patientId, staff, at(23));
		expect(summary.notImproving).toEqual({ status: 'not_improving', reason: 'below_threshold', sessionsSinceBaseline: 4, reviewFrom: at(22).toISOString() });
	});

	it('asks for PSFS activities until the patient has named some, and PGIC only after a first visit', async () => {
		const patientId = await insertPatient(db());
		expect(await checkInFormShape(db(), patientId, patientActor(patientId), at(0))).toEqual({ activities: null, askPgic: false });
		const practitioner = await insertPractitioner(db(), null);
		await insertAppointment(db(), patientId, practitioner, at(1).toISOString());
		await insertAppointment(db(), patientId, practitioner, at(30).toISOString(), 'booked');
		await recordCheckIn(
			db(),
			patientId,
			{
				...baseline,
				psfs: [
					{ activity: '階段', score: 3 },
					{ activity: '正座', score: 1 },
					{ activity: '庭仕事', score: 4 }
				]
			},
			'portal',
			patientActor(patientId),
			null,
			at(0)
		);
		expect(await checkInFormShape(db(), patientId, patientActor(patientId), at(2))).toEqual({ activities: ['階段', '正座', '庭仕事'], askPgic: true });
	});
});

describe('the portal check-in form', () => {
	const shape = { activities: ACTIVITIES, askPgic: true };
	const filled = { legPain: '6', backPain: '0', psfsScore0: '3', psfsScore1: '10', psfsScore2: '0', sbi0: '6', sbi1: '0', sbi2: '1', sbi3: '2', pgic: '3' };
	it('reads the portal form into a check-in for the activities named at intake', () => {
		expect(ZCheckInFormSchema(shape).parse(filled)).toEqual({
			legPain: 6,
			backPain: 0,
			psfs: [
				{ activity: ACTIVITIES[0], score: 3 },
				{ activity: ACTIVITIES[1], score: 10 },
				{ activity: ACTIVITIES[2], score: 0 }
			],
			sbi: [6, 0, 1, 2],
			pgic: 3
		});
	});

	it('names every unanswered or tampered question', () => {
		const result = ZCheckInFormSchema(shape).safeParse({ ...filled, legPain: undefined, sbi2: '7', pgic: '0', psfsScore1: 'x' });
		expect(result.success).toBe(false);
		const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(fields).toEqual({
			legPain: 'outcomes.error.choose',
			sbi2: 'outcomes.error.choose',
			pgic: 'outcomes.error.choose',
			psfsScore1: 'outcomes.error.choose'
		});
	});

	it('lets a patient without activities name three, each once, and skips PGIC before a first visit', () => {
		const named = ZCheckInFormSchema({ activities: null, askPgic: false });
		const values = { ...filled, pgic: undefined, psfsActivity0: ' 階段の上り下り ', psfsActivity1: '正座', psfsActivity2: '' };
		const result = named.safeParse(values);
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['psfsActivity2', 'outcomes.error.activityRequired']]);
		const repeated = named.safeParse({ ...values, psfsActivity2: '正座' });
		expect(repeated.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['psfsActivity2', 'outcomes.error.activityRepeated']]);
		const ok = named.parse({ ...values, psfsActivity2: '庭仕事' });
		expect(ok.psfs?.map((a) => a.activity)).toEqual(['階段の上り下り', '正座', '庭仕事']);
		expect(ok.pgic).toBeNull();
	});
});
