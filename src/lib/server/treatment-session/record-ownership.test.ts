import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { insertStaff } from '../outcomes/test-fixtures';
import { closeSession } from './close-session';
import { recordNotes } from './record-notes';
import { getSessionRecord } from './session-record';
import { openSession, practitionerActor } from './test-fixtures';

/* Issue 16: a session record belongs to its practitioner; nobody else overwrites it unseen. */
const NOW = new Date('2026-03-02T01:00:00.000Z');
const SOON = new Date(NOW.getTime() + 60_000);

const actorOf = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });

describeEachDatabase('who may change a session record', (db) => {
	it('refuses another practitioner and reception, and changes nothing', async () => {
		const author = await practitionerActor(db());
		const colleague = await practitionerActor(db());
		const reception = actorOf((await insertStaff(db(), 'reception')).id);
		const { patientId, sessionId } = await openSession(db(), author, NOW);
		await recordNotes(db(), patientId, sessionId, { notes: '右GB30で響き' }, author, NOW);
		for (const other of [colleague, reception]) {
			expect(await recordNotes(db(), patientId, sessionId, { notes: '上書き', reason: '訂正' }, other, SOON)).toEqual({ ok: false, code: 'forbidden' });
		}
		const record = await getSessionRecord(db(), patientId, sessionId, colleague, SOON);
		expect(record).toMatchObject({ notes: '右GB30で響き', mayEdit: false, amendments: [] });
	});

	it('lets the owner change it only as an amendment with a reason, keeping the author’s text', async () => {
		const author = await practitionerActor(db());
		const owner = actorOf((await insertStaff(db(), 'owner')).id);
		const { patientId, sessionId } = await openSession(db(), author, NOW);
		await recordNotes(db(), patientId, sessionId, { notes: '右GB30で響き' }, author, NOW);
		expect((await getSessionRecord(db(), patientId, sessionId, owner, SOON))!).toMatchObject({ mayEdit: true, reasonRequired: true });
		expect(await recordNotes(db(), patientId, sessionId, { notes: '院長が補足' }, owner, SOON)).toMatchObject({ ok: false, code: 'invalid' });
		expect(await recordNotes(db(), patientId, sessionId, { notes: '院長が補足', reason: '患者の申告を追記' }, owner, SOON)).toEqual({
			ok: true,
			amended: true
		});
		const record = (await getSessionRecord(db(), patientId, sessionId, author, SOON))!;
		expect(record.notes).toBe('院長が補足');
		expect(record.amendments).toEqual([
			expect.objectContaining({ reason: '患者の申告を追記', before: { notes: '右GB30で響き' }, after: { notes: '院長が補足' } })
		]);
	});

	it('keeps the author’s earlier values once closed, before the 24-hour lock too', async () => {
		const author = await practitionerActor(db());
		const { patientId, sessionId } = await openSession(db(), author, NOW);
		await recordNotes(db(), patientId, sessionId, { notes: '初回' }, author, NOW);
		expect(await recordNotes(db(), patientId, sessionId, { notes: '初回。寝返りで痛む' }, author, NOW)).toEqual({ ok: true, amended: false });
		await closeSession(db(), patientId, sessionId, author, NOW);
		expect(await recordNotes(db(), patientId, sessionId, { notes: '初回。寝返りで痛む。入浴可' }, author, SOON)).toEqual({ ok: true, amended: true });
		const record = (await getSessionRecord(db(), patientId, sessionId, author, SOON))!;
		expect(record).toMatchObject({ mayEdit: true, reasonRequired: false });
		expect(record.amendments).toEqual([expect.objectContaining({ before: { notes: '初回。寝返りで痛む' }, after: { notes: '初回。寝返りで痛む。入浴可' } })]);
	});
});
