import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { createChargeForAppointment } from '../billing/create-charge';
import { billingWorld, insertVisit, insuredPatient } from '../billing/test-fixtures';
import { giveConsent } from '../consent/test-fixtures';
import type { Db } from '../db/database';
import { setStatus } from '../schedule/set-status';
import { attentionCounts } from '../staff/attention-counts';
import { closeSession } from './close-session';
import { listOpenSessions, listUnaccountedSessions } from './needle-account';
import { setNeedleCounts } from './needle-counts';
import { addSessionPoint } from './session-points';
import { startSession } from './start-session';
import { practitionerActor } from './test-fixtures';

/*
 * No forgotten needle (docs/clinical-rules.md §3), end to end on the server: the reproduced bug was a
 * visit charged and completed while its session had 5 needles in and 3 out.
 */

const NOW = new Date('2027-11-02T02:00:00.000Z'); // 11:00 in Tokyo

async function visitWithSession(db: Db) {
	const world = await billingWorld(db);
	const practitioner = await practitionerActor(db);
	const patientId = await insuredPatient(db);
	await giveConsent(db, patientId);
	const appointmentId = await insertVisit(db, world, patientId, '2027-11-02T01:00:00.000Z', 'arrived');
	const started = await startSession(db, patientId, { appointmentId }, practitioner, { now: NOW });
	if (!started.ok) throw new Error(started.code);
	return { world, practitioner, patientId, appointmentId, sessionId: started.id };
}

const rowCount = async (db: Db, table: 'charge' | 'charge_line', appointmentId: string) =>
	table === 'charge'
		? (await db.kysely.selectFrom('charge').select('id').where('appointment_id', '=', appointmentId).execute()).length
		: (
				await db.kysely
					.selectFrom('charge_line')
					.innerJoin('charge', 'charge.id', 'charge_line.charge_id')
					.select('charge_line.id')
					.where('charge.appointment_id', '=', appointmentId)
					.execute()
			).length;

const statusOf = async (db: Db, appointmentId: string) =>
	(await db.kysely.selectFrom('appointment').select('status').where('id', '=', appointmentId).executeTakeFirstOrThrow()).status;

describeEachDatabase('no forgotten needle', (db) => {
	describe('a session with 5 needles in and 3 out', () => {
		it('is listed on every role’s banner, and its visit can be neither charged nor completed; nothing is written', async () => {
			const { world, practitioner, patientId, appointmentId, sessionId } = await visitWithSession(db());
			expect(await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '5', needlesOut: '3' }, practitioner, NOW)).toEqual({ ok: true, amended: false });

			for (const role of ['owner', 'practitioner', 'reception'] as const) {
				const { openNeedles } = await attentionCounts(db(), role);
				expect(openNeedles).toContainEqual(
					expect.objectContaining({ sessionId, patientId, needlesIn: 5, needlesOut: 3, missing: 2, problem: 'needles_in_body' })
				);
			}

			expect(await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay' }, world.actor, { now: NOW })).toEqual({
				ok: false,
				code: 'needles_unaccounted',
				sessionId,
				patientId,
				problem: 'needles_in_body',
				needlesIn: 5,
				needlesOut: 3
			});
			expect(await createChargeForAppointment(db(), appointmentId, { payer: 'insurance', sharePercent: '30' }, world.actor, { now: NOW })).toMatchObject({
				ok: false,
				code: 'needles_unaccounted'
			});
			expect(await rowCount(db(), 'charge', appointmentId)).toBe(0);
			expect(await rowCount(db(), 'charge_line', appointmentId)).toBe(0);

			expect(await setStatus(db(), appointmentId, 'completed', world.actor, NOW.getTime())).toEqual({
				ok: false,
				code: 'needles_unaccounted',
				sessionId,
				problem: 'needles_in_body',
				needlesIn: 5,
				needlesOut: 3
			});
			expect(await statusOf(db(), appointmentId)).toBe('arrived');
			const refusals = await db()
				.kysely.selectFrom('audit_log')
				.select(['action', 'detail'])
				.where('entity_id', '=', appointmentId)
				.where('action', 'in', ['charge.refused', 'schedule.status_refused'])
				.execute();
			expect(refusals.map((r) => [r.action, JSON.parse(r.detail!).reason])).toEqual([
				['charge.refused', 'needles_unaccounted'],
				['charge.refused', 'needles_unaccounted'],
				['schedule.status_refused', 'needles_unaccounted']
			]);
		});

		it('clears everywhere once the needles are counted out and the session is closed: charged and completed', async () => {
			const { world, practitioner, patientId, appointmentId, sessionId } = await visitWithSession(db());
			await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '5', needlesOut: '3' }, practitioner, NOW);
			expect(await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '5', needlesOut: '5' }, practitioner, NOW)).toEqual({ ok: true, amended: false });
			expect((await listUnaccountedSessions(db())).map((s) => s.sessionId)).not.toContain(sessionId);
			// Accounted for but not closed yet: the owner's day-end list still shows it, without a problem.
			expect(await listOpenSessions(db(), new Date(NOW.getTime() + 86_400_000).toISOString())).toContainEqual(
				expect.objectContaining({ sessionId, problem: null })
			);
			expect(await closeSession(db(), patientId, sessionId, practitioner, NOW)).toEqual({ ok: true, closedAt: NOW.toISOString() });
			expect((await listOpenSessions(db(), new Date(NOW.getTime() + 86_400_000).toISOString())).map((s) => s.sessionId)).not.toContain(sessionId);

			expect(await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay' }, world.actor, { now: NOW })).toMatchObject({ ok: true });
			expect(await setStatus(db(), appointmentId, 'completed', world.actor, NOW.getTime())).toMatchObject({ ok: true, changed: true });
		});
	});

	describe('a session with needled points and no needle count', () => {
		it('is listed, blocks charging and completing, and cannot close until the count is recorded', async () => {
			const { world, practitioner, patientId, appointmentId, sessionId } = await visitWithSession(db());
			expect(await addSessionPoint(db(), patientId, sessionId, { code: 'GB30', side: 'left' }, practitioner, NOW)).toEqual({ ok: true, amended: false });
			expect((await listUnaccountedSessions(db())).find((s) => s.sessionId === sessionId)).toMatchObject({
				needlesIn: 0,
				needledPoints: 1,
				problem: 'count_missing'
			});
			expect(await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay' }, world.actor, { now: NOW })).toMatchObject({
				ok: false,
				code: 'needles_unaccounted',
				problem: 'count_missing'
			});
			expect(await setStatus(db(), appointmentId, 'completed', world.actor, NOW.getTime())).toMatchObject({
				ok: false,
				code: 'needles_unaccounted',
				problem: 'count_missing'
			});
			expect(await closeSession(db(), patientId, sessionId, practitioner, NOW)).toEqual({ ok: false, code: 'count_missing', needlesIn: 0, needlesOut: 0 });
			expect(await db().kysely.selectFrom('treatment_session').select('closed_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).toEqual({
				closed_at: null
			});

			await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '1', needlesOut: '1' }, practitioner, NOW);
			expect(await closeSession(db(), patientId, sessionId, practitioner, NOW)).toMatchObject({ ok: true });
			expect(await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay' }, world.actor, { now: NOW })).toMatchObject({ ok: true });
		});
	});

	it('leaves a visit without a session, or with a session that used no needle, free to charge and complete', async () => {
		const world = await billingWorld(db());
		const patientId = await insuredPatient(db());
		const plain = await insertVisit(db(), world, patientId, '2027-11-02T00:30:00.000Z', 'arrived');
		expect(await createChargeForAppointment(db(), plain, { payer: 'self_pay' }, world.actor, { now: NOW })).toMatchObject({ ok: true });
		const { world: w2, appointmentId } = await visitWithSession(db());
		expect(await setStatus(db(), appointmentId, 'completed', w2.actor, NOW.getTime())).toMatchObject({ ok: true, changed: true });
		expect(await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay' }, w2.actor, { now: NOW })).toMatchObject({ ok: true });
	});

	it('lists only open sessions started before the end of the day asked for, oldest first', async () => {
		const { practitioner, patientId, sessionId } = await visitWithSession(db());
		await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '4', needlesOut: '1' }, practitioner as AuditActor, NOW);
		expect((await listOpenSessions(db(), NOW.toISOString())).map((s) => s.sessionId)).not.toContain(sessionId);
		const listed = await listOpenSessions(db(), new Date(NOW.getTime() + 1).toISOString());
		expect(listed.find((s) => s.sessionId === sessionId)).toMatchObject({ needlesIn: 4, needlesOut: 1, problem: 'needles_in_body', familyName: '山田' });
		expect(listed.map((s) => s.startedAt)).toEqual([...listed.map((s) => s.startedAt)].sort());
	});
});
