import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { giveConsent } from '../consent/test-fixtures';
import { insertPatient, insertStaff, insertSubmittedIntake } from '../outcomes/test-fixtures';
import { addSessionPoint, editSessionPoint } from './session-points';
import { getSessionRecord } from './session-record';
import { openSession, practitionerActor } from './test-fixtures';

/* Issue #22: a point copied from the plan is completed at the bed in place, not removed and added again. */
const NOW = new Date('2026-03-02T01:00:00.000Z');
const LATER = new Date(NOW.getTime() + 10 * 60_000);
const REASON = '産科の主治医に確認済み。浅く短く。';
const actorOf = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });

const audit = async (db: Db, patientId: string) =>
	(await db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('patient_id', '=', patientId).orderBy('seq').execute()).map((a) => ({
		action: a.action,
		detail: a.detail === null ? null : (JSON.parse(a.detail) as Record<string, unknown>)
	}));

async function sessionWithPoint(db: Db, actor: AuditActor, code = 'BL25', answers?: object) {
	let patientId: string | undefined;
	if (answers) {
		patientId = await insertPatient(db);
		await giveConsent(db, patientId);
		await insertSubmittedIntake(db, patientId, answers, '2026-02-20T00:00:00.000Z');
	}
	const opened = await openSession(db, actor, NOW, patientId);
	expect(await addSessionPoint(db, opened.patientId, opened.sessionId, { code, side: 'both' }, actor, NOW)).toEqual({ ok: true, amended: false });
	const record = (await getSessionRecord(db, opened.patientId, opened.sessionId, actor, NOW))!;
	return { ...opened, pointId: record.points[0]!.id };
}

describeEachDatabase('completing a session point in place', (db) => {
	it('records gauge, length, depth, technique and de qi on the same point, audited without clinical content', async () => {
		const actor = await practitionerActor(db());
		const { patientId, sessionId, pointId } = await sessionWithPoint(db(), actor);
		const input = { pointId, side: 'left', gauge: '3', lengthMm: '50', depthMm: '30', technique: 'retention', deqi: 'mild' };
		expect(await editSessionPoint(db(), patientId, sessionId, input, actor, LATER)).toEqual({ ok: true, amended: false });
		const record = (await getSessionRecord(db(), patientId, sessionId, actor, LATER))!;
		expect(record.points).toEqual([
			{ id: pointId, code: 'BL25', side: 'left', gauge: '3', lengthMm: 50, depthMm: 30, technique: 'retention', deqi: 'mild', deep: false }
		]);
		const edits = (await audit(db(), patientId)).filter((a) => a.action === 'treatment_session.point.edit');
		expect(edits).toHaveLength(1);
		expect(JSON.stringify(edits[0]!.detail)).not.toContain('retention');
	});

	it('refuses bad details with field errors and changes nothing', async () => {
		const actor = await practitionerActor(db());
		const { patientId, sessionId, pointId } = await sessionWithPoint(db(), actor);
		expect(await editSessionPoint(db(), patientId, sessionId, { pointId, side: 'both', lengthMm: '30', depthMm: '40' }, actor, LATER)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { depthMm: 'treatmentSession.error.depthBeyondLength' }
		});
		expect(await editSessionPoint(db(), patientId, sessionId, { pointId, side: 'both', gauge: '99' }, actor, LATER)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { gauge: 'treatmentSession.error.gauge' }
		});
		const other = await sessionWithPoint(db(), actor);
		expect(await editSessionPoint(db(), patientId, sessionId, { pointId: other.pointId, side: 'both' }, actor, LATER)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { pointId: 'treatmentSession.error.point' }
		});
		expect((await getSessionRecord(db(), patientId, sessionId, actor, LATER))!.points[0]).toMatchObject({
			side: 'both',
			gauge: null,
			lengthMm: null,
			depthMm: null
		});
	});

	it('is refused to anyone but the record’s practitioner', async () => {
		const author = await practitionerActor(db());
		const colleague = await practitionerActor(db());
		const reception = actorOf((await insertStaff(db(), 'reception')).id);
		const { patientId, sessionId, pointId } = await sessionWithPoint(db(), author);
		for (const other of [colleague, reception]) {
			expect(await editSessionPoint(db(), patientId, sessionId, { pointId, side: 'left', gauge: '1', reason: '訂正' }, other, LATER)).toEqual({
				ok: false,
				code: 'forbidden'
			});
		}
		expect((await getSessionRecord(db(), patientId, sessionId, author, LATER))!.points[0]).toMatchObject({ side: 'both', gauge: null });
	});

	it('asks for a reason when marking the point deep brings in a conflict (docs/clinical-rules.md §3)', async () => {
		const actor = await practitionerActor(db());
		// BL40 is not to be needled deeply for anyone; shallow it needs no reason.
		const { patientId, sessionId, pointId } = await sessionWithPoint(db(), actor, 'BL40', { history: { pregnant: 'no' } });
		const deep = { pointId, side: 'both', deep: 'on' };
		const refused = await editSessionPoint(db(), patientId, sessionId, deep, actor, LATER);
		expect(refused).toMatchObject({ ok: false, code: 'needs_acknowledgement' });
		if (refused.ok || refused.code !== 'needs_acknowledgement') throw new Error('expected a refusal');
		expect((await getSessionRecord(db(), patientId, sessionId, actor, LATER))!.points[0]!.deep).toBe(false);
		const reasons = Object.fromEntries(refused.missing.map((key) => [`ack.${key}`, REASON]));
		expect(await editSessionPoint(db(), patientId, sessionId, { ...deep, ...reasons }, actor, LATER)).toEqual({ ok: true, amended: false });
		expect((await getSessionRecord(db(), patientId, sessionId, actor, LATER))!.points[0]!.deep).toBe(true);
	});
});
