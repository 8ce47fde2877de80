import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { recordVerbalTreatmentConsent } from '../consent/record-verbal-consent';
import { giveConsent } from '../consent/test-fixtures';
import type { Db } from '../db/database';
import { insertPatient } from '../outcomes/test-fixtures';
import { setNeedleCounts, stepNeedleCount } from './needle-counts';
import { startSession } from './start-session';
import { openSession, practitionerActor } from './test-fixtures';

/* Consent and licences where a session starts and its needles are counted (docs/clinical-rules.md §6). */

const NOW = new Date('2026-03-02T01:00:00.000Z');

async function activePlan(db: Db, patientId: string, createdBy: string) {
	const at = NOW.toISOString();
	await db.kysely
		.insertInto('treatment_plan')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			created_by: createdBy,
			status: 'active',
			goals: '[]',
			frequency_per_week: 1,
			planned_sessions: 6,
			review_date: '2026-04-15',
			points: JSON.stringify([
				{ code: 'BL40', side: 'left', deep: false },
				{ code: 'GB30', side: 'right', deep: false }
			]),
			electroacupuncture: 0,
			moxibustion: 1,
			bloodletting: 0,
			notes: '',
			created_at: at,
			updated_at: at
		})
		.execute();
}

const sessionsOf = async (db: Db, patientId: string) => db.kysely.selectFrom('treatment_session').select('id').where('patient_id', '=', patientId).execute();

describeEachDatabase('starting a session', (db) => {
	describe('treatment consent', () => {
		it('refuses a patient without a current treatment consent, writing nothing but the refusal to the audit trail', async () => {
			const actor = await practitionerActor(db());
			const patientId = await insertPatient(db());
			await giveConsent(db(), patientId, ['privacy']);
			expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toEqual({ ok: false, code: 'no_treatment_consent' });
			expect(await sessionsOf(db(), patientId)).toEqual([]);
			const audit = await db()
				.kysely.selectFrom('audit_log')
				.select(['action', 'detail'])
				.where('patient_id', '=', patientId)
				.where('action', 'like', 'treatment_session%')
				.execute();
			expect(audit).toEqual([{ action: 'treatment_session.start_refused', detail: JSON.stringify({ reason: 'no_treatment_consent' }) }]);
		});

		it('refuses a consent to an older version of the treatment text', async () => {
			const actor = await practitionerActor(db());
			const patientId = await insertPatient(db());
			await giveConsent(db(), patientId);
			const treatment = await db()
				.kysely.selectFrom('consent_document')
				.selectAll()
				.where('kind', '=', 'treatment')
				.orderBy('version', 'desc')
				.executeTakeFirstOrThrow();
			await db()
				.kysely.insertInto('consent_document')
				.values({ ...treatment, id: randomUUID(), version: Number(treatment.version) + 1 })
				.execute();
			expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toEqual({ ok: false, code: 'no_treatment_consent' });
			// A verbal consent to the new version, taken at the desk, lets the session start.
			expect(await recordVerbalTreatmentConsent(db(), patientId, { confirm: 'on' }, actor, NOW)).toMatchObject({
				ok: true,
				version: Number(treatment.version) + 1
			});
			expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toMatchObject({ ok: true, resumed: false });
		});

		it('starts with a signed treatment consent', async () => {
			const actor = await practitionerActor(db());
			const patientId = await insertPatient(db());
			await giveConsent(db(), patientId, ['treatment']);
			expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toMatchObject({ ok: true });
		});
	});

	describe('licences (docs/clinical-rules.md §6)', () => {
		it('copies the plan’s needling points into the session of a はり師', async () => {
			const actor = await practitionerActor(db(), { hari: true, kyu: false });
			const patientId = await insertPatient(db());
			await activePlan(db(), patientId, actor.id!);
			const { sessionId } = await openSession(db(), actor, NOW, patientId);
			expect(await db().kysely.selectFrom('session_point').select('code').where('session_id', '=', sessionId).orderBy('code').execute()).toEqual([
				{ code: 'BL40' },
				{ code: 'GB30' }
			]);
		});

		it('copies none of them into the session of a practitioner without はり師, and says so in the audit trail', async () => {
			const actor = await practitionerActor(db(), { hari: false, kyu: true });
			const patientId = await insertPatient(db());
			await activePlan(db(), patientId, actor.id!);
			const { sessionId } = await openSession(db(), actor, NOW, patientId);
			expect(await db().kysely.selectFrom('session_point').select('code').where('session_id', '=', sessionId).execute()).toEqual([]);
			const start = await db()
				.kysely.selectFrom('audit_log')
				.select('detail')
				.where('entity_id', '=', sessionId)
				.where('action', '=', 'treatment_session.start')
				.executeTakeFirstOrThrow();
			expect(JSON.parse(start.detail!)).toMatchObject({ pointsFromPlan: 0, planPointsNotCopied: 2 });
		});

		it('refuses a needle counted in without はり師, saving nothing, but lets any needle be counted out', async () => {
			const hari = await practitionerActor(db(), { hari: true, kyu: true });
			const kyuOnly: AuditActor = await practitionerActor(db(), { hari: false, kyu: true });
			const { patientId, sessionId } = await openSession(db(), kyuOnly, NOW);
			expect(await stepNeedleCount(db(), patientId, sessionId, { counter: 'in', step: '1' }, kyuOnly, NOW)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { needlesIn: 'treatmentSession.error.countNeedsHari' }
			});
			expect(await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '3', needlesOut: '0' }, kyuOnly, NOW)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { needlesIn: 'treatmentSession.error.countNeedsHari' }
			});
			// Another practitioner, even a はり師, may not count for this session: the record is its practitioner's.
			expect(await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '3', needlesOut: '0' }, hari, NOW)).toEqual({ ok: false, code: 'forbidden' });
			expect(
				await db().kysely.selectFrom('treatment_session').select(['needles_in', 'needles_out']).where('id', '=', sessionId).executeTakeFirstOrThrow()
			).toEqual({ needles_in: 0, needles_out: 0 });
			// Needles that are in (recorded before the licence was removed) can always be counted out.
			await db().kysely.updateTable('treatment_session').set({ needles_in: 2 }).where('id', '=', sessionId).execute();
			expect(await stepNeedleCount(db(), patientId, sessionId, { counter: 'out', step: '1' }, kyuOnly, NOW)).toEqual({ ok: true, amended: false });
			expect(await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '2', needlesOut: '2' }, kyuOnly, NOW)).toEqual({ ok: true, amended: false });
		});
	});
});
