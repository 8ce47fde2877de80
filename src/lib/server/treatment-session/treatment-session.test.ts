import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { recordCheckIn } from '../outcomes/record-check-in';
import { insertAppointment, insertPatient, insertPractitioner, insertStaff } from '../outcomes/test-fixtures';
import { closeSession } from './close-session';
import { setNeedleCounts, stepNeedleCount } from './needle-counts';
import { recordAdverseEvent } from './record-adverse-event';
import { recordNotes } from './record-notes';
import { recordPrePain } from './record-pre-pain';
import { recordTechniques } from './record-techniques';
import { addSessionPoint, removeSessionPoint } from './session-points';
import { getSessionRecord, listSessions } from './session-record';
import { startRetentionTimer } from './start-retention-timer';
import { startSession } from './start-session';
import { consentingPatient, openSession as openSessionAt, practitionerActor, recordingMailer } from './test-fixtures';

const NOW = new Date('2026-03-02T01:00:00.000Z'); // 10:00 in Tokyo
const LATER = new Date(NOW.getTime() + 25 * 60 * 60 * 1000);

/** A session opened at NOW for a new patient (or the one given). */
const openSession = (db: Db, actor: AuditActor, patientId?: string) => openSessionAt(db, actor, NOW, patientId);

const auditActions = async (db: Db, entityId: string) =>
	await db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', entityId).orderBy('seq').execute();

describeEachDatabase('treatment session record', (db) => {
	describe('starting', () => {
		it('starts a session and pre-fills the pain from a portal check-in done the same clinic day', async () => {
			const actor = await practitionerActor(db());
			const patientId = await consentingPatient(db());
			await recordCheckIn(
				db(),
				patientId,
				{ legPain: 7, backPain: 4, psfs: null, sbi: null, pgic: null },
				'portal',
				actor,
				null,
				new Date('2026-03-01T23:30:00.000Z')
			);
			const started = await startSession(db(), patientId, {}, actor, { now: NOW });
			expect(started).toMatchObject({ ok: true, resumed: false, preFilled: true });
			const record = await getSessionRecord(db(), patientId, started.ok ? started.id : '', actor, NOW);
			expect(record).toMatchObject({
				preLegPain: 7,
				preBackPain: 4,
				checkInSource: 'portal',
				needlesIn: 0,
				needlesOut: 0,
				retentionMinutes: 20,
				closedAt: null,
				locked: false
			});
		});

		it('starts with the points of the patient’s active plan, leaving out any unknown code', async () => {
			const actor = await practitionerActor(db());
			const patientId = await consentingPatient(db());
			const at = NOW.toISOString();
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
						{ code: 'BL40', side: 'left', deep: false },
						{ code: 'EX-B2', side: 'both', deep: false },
						{ code: 'XX99', side: 'left', deep: false }
					]),
					electroacupuncture: 0,
					moxibustion: 0,
					bloodletting: 0,
					notes: '',
					created_at: at,
					updated_at: at
				})
				.execute();
			const started = await startSession(db(), patientId, {}, actor, { now: NOW });
			const points = await db()
				.kysely.selectFrom('session_point')
				.select(['code', 'side'])
				.where('session_id', '=', started.ok ? started.id : '')
				.orderBy('code')
				.execute();
			expect(points).toEqual([
				{ code: 'BL40', side: 'left' },
				{ code: 'EX-B2', side: 'both' }
			]);
		});

		it('does not pre-fill from a check-in of the day before in Tokyo', async () => {
			const actor = await practitionerActor(db());
			const patientId = await consentingPatient(db());
			await recordCheckIn(
				db(),
				patientId,
				{ legPain: 5, backPain: 5, psfs: null, sbi: null, pgic: null },
				'portal',
				actor,
				null,
				new Date('2026-03-01T14:59:00.000Z')
			);
			const started = await startSession(db(), patientId, {}, actor, { now: NOW });
			expect(started).toMatchObject({ ok: true, preFilled: false });
		});

		it('links an appointment of the patient and resumes rather than opening a second session for it', async () => {
			const actor = await practitionerActor(db());
			const patientId = await consentingPatient(db());
			const practitionerId = await insertPractitioner(db(), null);
			const appointmentId = await insertAppointment(db(), patientId, practitionerId, '2026-03-02T00:30:00.000Z', 'arrived');
			const first = await startSession(db(), patientId, { appointmentId }, actor, { now: NOW });
			const second = await startSession(db(), patientId, { appointmentId }, actor, { now: NOW });
			expect(first.ok && second.ok && second.id === first.id && second.resumed).toBe(true);
		});

		it('refuses an appointment of another patient with a field error, and an unknown patient', async () => {
			const actor = await practitionerActor(db());
			const other = await insertPatient(db());
			const appointmentId = await insertAppointment(db(), other, await insertPractitioner(db(), null), '2026-03-02T00:30:00.000Z', 'booked');
			expect(await startSession(db(), await insertPatient(db()), { appointmentId }, actor, { now: NOW })).toEqual({
				ok: false,
				code: 'invalid',
				fields: { appointmentId: 'treatmentSession.error.appointment' }
			});
			expect(await startSession(db(), crypto.randomUUID(), {}, actor, { now: NOW })).toEqual({ ok: false, code: 'not_found' });
		});

		it('lists open sessions before closed ones and audits the list', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId: older } = await openSession(db(), actor);
			await closeSession(db(), patientId, older, actor, NOW);
			const newer = await startSession(db(), patientId, {}, actor, { now: new Date(NOW.getTime() + 60_000) });
			const list = await listSessions(db(), patientId, actor, { now: NOW });
			expect(list.sessions.map((s) => s.id)).toEqual([newer.ok ? newer.id : '', older]);
			expect(list.sessions[0]!.practitionerName).toEqual({ ja: '佐藤 美穂', en: 'Miho Sato' });
			expect((await auditActions(db(), patientId)).map((a) => a.action)).toContain('treatment_session.list');
		});
	});

	describe('points and needles', () => {
		it('adds and removes points, refusing a depth beyond the needle length', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			const add = { code: 'GB30', side: 'left', gauge: '3', lengthMm: '50', depthMm: '40', technique: 'retention', deqi: 'strong' };
			expect(await addSessionPoint(db(), patientId, sessionId, add, actor, NOW)).toEqual({ ok: true, amended: false });
			expect(await addSessionPoint(db(), patientId, sessionId, { ...add, depthMm: '60' }, actor, NOW)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { depthMm: 'treatmentSession.error.depthBeyondLength' }
			});
			expect(await addSessionPoint(db(), patientId, sessionId, { code: 'XX99', side: 'up' }, actor, NOW)).toMatchObject({
				ok: false,
				fields: { code: 'treatmentSession.error.point', side: 'treatmentSession.error.side' }
			});
			const record = await getSessionRecord(db(), patientId, sessionId, actor, NOW);
			expect(record?.points).toEqual([
				expect.objectContaining({ code: 'GB30', side: 'left', gauge: '3', lengthMm: 50, depthMm: 40, technique: 'retention', deqi: 'strong' })
			]);
			expect(await removeSessionPoint(db(), patientId, sessionId, { pointId: record!.points[0]!.id }, actor, NOW)).toEqual({ ok: true, amended: false });
			expect((await getSessionRecord(db(), patientId, sessionId, actor, NOW))?.points).toEqual([]);
		});

		it('refuses needling to a practitioner without a はり師 licence', async () => {
			const actor = await practitionerActor(db(), { hari: false, kyu: true });
			const { patientId, sessionId } = await openSession(db(), actor);
			expect(await addSessionPoint(db(), patientId, sessionId, { code: 'BL40', side: 'right' }, actor, NOW)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { code: 'treatmentSession.error.needsHari' }
			});
		});

		it('counts needles with steps, never below zero nor more out than in', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			expect(await stepNeedleCount(db(), patientId, sessionId, { counter: 'in', step: '-1' }, actor, NOW)).toMatchObject({
				ok: false,
				fields: { needlesIn: 'treatmentSession.error.countRange' }
			});
			expect(await stepNeedleCount(db(), patientId, sessionId, { counter: 'out', step: '1' }, actor, NOW)).toMatchObject({
				ok: false,
				fields: { needlesOut: 'treatmentSession.error.outBeyondIn' }
			});
			await stepNeedleCount(db(), patientId, sessionId, { counter: 'in', step: '1' }, actor, NOW);
			await stepNeedleCount(db(), patientId, sessionId, { counter: 'in', step: '1' }, actor, NOW);
			await stepNeedleCount(db(), patientId, sessionId, { counter: 'out', step: '1' }, actor, NOW);
			expect(await getSessionRecord(db(), patientId, sessionId, actor, NOW)).toMatchObject({ needlesIn: 2, needlesOut: 1 });
			expect(await stepNeedleCount(db(), patientId, sessionId, { counter: 'sideways', step: '7' }, actor, NOW)).toMatchObject({ ok: false, code: 'invalid' });
		});
	});

	describe('closing', () => {
		it('refuses to close while the counts differ, naming both numbers, then closes when they match', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '6', needlesOut: '5' }, actor, NOW);
			expect(await closeSession(db(), patientId, sessionId, actor, NOW)).toEqual({ ok: false, code: 'counts_differ', needlesIn: 6, needlesOut: 5 });
			await stepNeedleCount(db(), patientId, sessionId, { counter: 'out', step: '1' }, actor, NOW);
			expect(await closeSession(db(), patientId, sessionId, actor, NOW)).toEqual({ ok: true, closedAt: NOW.toISOString() });
			expect(await closeSession(db(), patientId, sessionId, actor, NOW)).toEqual({ ok: false, code: 'already_closed' });
			// Closed: the counts and the timer stay as they were.
			expect(await stepNeedleCount(db(), patientId, sessionId, { counter: 'in', step: '1' }, actor, NOW)).toEqual({ ok: false, code: 'closed' });
			expect(await startRetentionTimer(db(), patientId, sessionId, { retentionMinutes: '20' }, actor, NOW)).toEqual({ ok: false, code: 'closed' });
		});

		it('has the database itself refuse a closed session whose counts differ', async () => {
			const actor = await practitionerActor(db());
			const { sessionId } = await openSession(db(), actor);
			await expect(
				db().kysely.updateTable('treatment_session').set({ needles_in: 3, needles_out: 1, closed_at: NOW.toISOString() }).where('id', '=', sessionId).execute()
			).rejects.toThrow();
		});
	});

	describe('techniques and timer', () => {
		it('stores techniques the licences allow and refuses moxibustion without きゅう師, saving nothing', async () => {
			const actor = await practitionerActor(db(), { hari: true, kyu: false });
			const { patientId, sessionId } = await openSession(db(), actor);
			const ea = { eaPairs: '2', eaFrequencyHz: '2', eaMinutes: '15' };
			expect(await recordTechniques(db(), patientId, sessionId, { ...ea, moxaType: 'direct', moxaCones: '3' }, actor, NOW)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { moxaType: 'treatmentSession.error.moxaNeedsKyu' }
			});
			expect((await getSessionRecord(db(), patientId, sessionId, actor, NOW))?.techniques.electroacupuncture).toBeNull();
			expect(await recordTechniques(db(), patientId, sessionId, { ...ea, cuppingCups: '4', cuppingMinutes: '5' }, actor, NOW)).toEqual({
				ok: true,
				amended: false
			});
			expect((await getSessionRecord(db(), patientId, sessionId, actor, NOW))?.techniques).toEqual({
				electroacupuncture: { pairs: 2, frequencyHz: 2, minutes: 15 },
				moxibustion: null,
				cupping: { cups: 4, minutes: 5 }
			});
		});

		it('asks for every field of a technique that was partly filled in', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			expect(await recordTechniques(db(), patientId, sessionId, { eaPairs: '2' }, actor, NOW)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { eaFrequencyHz: 'treatmentSession.error.groupIncomplete', eaMinutes: 'treatmentSession.error.groupIncomplete' }
			});
		});

		it('stores the timer start on the server so the end time survives a reload', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			expect(await startRetentionTimer(db(), patientId, sessionId, { retentionMinutes: '0' }, actor, NOW)).toMatchObject({
				ok: false,
				fields: { retentionMinutes: 'treatmentSession.error.retention' }
			});
			expect(await startRetentionTimer(db(), patientId, sessionId, { retentionMinutes: '25' }, actor, NOW)).toEqual({ ok: true, amended: false });
			const record = await getSessionRecord(db(), patientId, sessionId, actor, NOW);
			expect(record).toMatchObject({ retentionMinutes: 25, timerStartedAt: NOW.toISOString(), retentionEndsAt: '2026-03-02T01:25:00.000Z' });
		});
	});

	describe('pre-session pain', () => {
		it('records the NRS as one session check-in, corrected in place on a second save', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			expect(await recordPrePain(db(), patientId, sessionId, { preLegPain: '11', preBackPain: '' }, actor, NOW)).toMatchObject({
				ok: false,
				fields: { preLegPain: 'treatmentSession.error.nrs' }
			});
			expect(await recordPrePain(db(), patientId, sessionId, { preLegPain: '', preBackPain: '' }, actor, NOW)).toMatchObject({
				ok: false,
				fields: { preLegPain: 'treatmentSession.error.nrsRequired' }
			});
			await recordPrePain(db(), patientId, sessionId, { preLegPain: '6', preBackPain: '3' }, actor, NOW);
			await recordPrePain(db(), patientId, sessionId, { preLegPain: '5', preBackPain: '3' }, actor, NOW);
			const checkIns = await db()
				.kysely.selectFrom('outcome_check_in')
				.select(['source', 'leg_pain', 'back_pain'])
				.where('patient_id', '=', patientId)
				.execute();
			expect(checkIns).toEqual([{ source: 'session', leg_pain: 5, back_pain: 3 }]);
		});
	});

	describe('the 24-hour lock', () => {
		it('keeps every change after closing as an amendment, and asks for a reason once locked', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			await recordNotes(db(), patientId, sessionId, { notes: '初回。GB30で響きあり。' }, actor, NOW);
			await closeSession(db(), patientId, sessionId, actor, NOW);
			// Within 24 hours: no reason needed, but the earlier text is kept (issue 16).
			expect(await recordNotes(db(), patientId, sessionId, { notes: '初回。GB30で響きあり。寝返りで痛む。' }, actor, new Date(NOW.getTime() + 60_000))).toEqual(
				{ ok: true, amended: true }
			);
			// After: a reason is required, and nothing changes without it.
			expect(await recordNotes(db(), patientId, sessionId, { notes: '変更' }, actor, LATER)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { reason: 'treatmentSession.error.reasonRequired' }
			});
			expect(await recordNotes(db(), patientId, sessionId, { notes: '変更', reason: '記載漏れの追記' }, actor, LATER)).toEqual({ ok: true, amended: true });
			const record = await getSessionRecord(db(), patientId, sessionId, actor, LATER);
			expect(record?.locked).toBe(true);
			expect(record?.notes).toBe('変更');
			expect(record?.amendments).toEqual([
				expect.objectContaining({ reason: '', before: { notes: '初回。GB30で響きあり。' }, after: { notes: '初回。GB30で響きあり。寝返りで痛む。' } }),
				expect.objectContaining({ reason: '記載漏れの追記', before: { notes: '初回。GB30で響きあり。寝返りで痛む。' }, after: { notes: '変更' } })
			]);
		});

		it('keeps the original points list in an amendment after the lock', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			await addSessionPoint(db(), patientId, sessionId, { code: 'BL40', side: 'both' }, actor, NOW);
			await setNeedleCounts(db(), patientId, sessionId, { needlesIn: '2', needlesOut: '2' }, actor, NOW);
			expect(await closeSession(db(), patientId, sessionId, actor, NOW)).toMatchObject({ ok: true });
			await addSessionPoint(db(), patientId, sessionId, { code: 'GB34', side: 'left', reason: '記録漏れ' }, actor, LATER);
			const [amendment] = (await getSessionRecord(db(), patientId, sessionId, actor, LATER))!.amendments;
			expect((amendment!.before.points as Array<{ code: string }>).map((p) => p.code)).toEqual(['BL40']);
			expect((amendment!.after.points as Array<{ code: string }>).map((p) => p.code)).toEqual(['BL40', 'GB34']);
		});
	});

	describe('adverse events and the audit trail', () => {
		it('mails every active owner about a serious event with only the patient number and a link', async () => {
			const actor = await practitionerActor(db());
			const owner = await insertStaff(db(), 'owner');
			const disabledOwner = await insertStaff(db(), 'owner', { disabled: true });
			const patientId = await insertPatient(db(), { number: 'P777001' });
			const { sessionId } = await openSession(db(), actor, patientId);
			const mailer = recordingMailer();
			const description = '抜鍼後に気分不良、顔面蒼白。仰臥位で安静にし回復。';
			const result = await recordAdverseEvent(
				db(),
				mailer,
				patientId,
				sessionId,
				{ kind: 'fainting', severity: 'serious', outcome: 'resolved', description },
				actor,
				{
					origin: 'https://clinic.example.jp',
					now: NOW
				}
			);
			expect(result).toMatchObject({ ok: true });
			const to = mailer.sent.map((m) => m.to);
			expect(to).toContain(owner.email);
			expect(to).not.toContain(disabledOwner.email);
			for (const mail of mailer.sent) {
				expect(mail.subject).toContain('P777001');
				expect(mail.text).toContain(`https://clinic.example.jp/staff/patients/${patientId}/sessions/${sessionId}`);
				expect(`${mail.subject}${mail.text}`).not.toContain('気分不良');
				expect(mail.text).not.toContain('山田');
			}
			expect((await getSessionRecord(db(), patientId, sessionId, actor, NOW))?.adverseEvents).toEqual([
				expect.objectContaining({ kind: 'fainting', severity: 'serious', outcome: 'resolved', description })
			]);
		});

		it('mails nobody about a mild event and refuses an unknown kind', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			const mailer = recordingMailer();
			expect(
				await recordAdverseEvent(db(), mailer, patientId, sessionId, { kind: 'bruising', severity: 'mild', outcome: 'resolving' }, actor, { now: NOW })
			).toMatchObject({ ok: true, notified: 0 });
			expect(
				await recordAdverseEvent(db(), mailer, patientId, sessionId, { kind: 'explosion', severity: 'mild', outcome: 'resolved' }, actor, { now: NOW })
			).toEqual({
				ok: false,
				code: 'invalid',
				fields: { kind: 'treatmentSession.error.kind' }
			});
			expect(mailer.sent).toEqual([]);
		});

		it('audits every view and change without clinical text', async () => {
			const actor = await practitionerActor(db());
			const { patientId, sessionId } = await openSession(db(), actor);
			await recordNotes(db(), patientId, sessionId, { notes: '秘密の所見テキスト' }, actor, NOW);
			await addSessionPoint(db(), patientId, sessionId, { code: 'GB30', side: 'left' }, actor, NOW);
			await getSessionRecord(db(), patientId, sessionId, actor, NOW);
			const rows = await auditActions(db(), sessionId);
			expect(rows.map((r) => r.action)).toEqual([
				'treatment_session.start',
				'treatment_session.notes',
				'treatment_session.point.add',
				'treatment_session.read'
			]);
			expect(JSON.stringify(rows)).not.toContain('秘密');
			expect(JSON.stringify(rows)).not.toContain('GB30');
		});
	});
});
