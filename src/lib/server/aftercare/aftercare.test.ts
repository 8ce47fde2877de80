import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { insertPatient, insertStaff } from '../outcomes/test-fixtures';
import { addAftercareNote } from './add-aftercare-note';
import { listAftercareNotes } from './list-aftercare-notes';

const NOTE = '毎晩お風呂のあとに、太ももの裏を30秒ずつ伸ばしましょう。';

describeEachDatabase('aftercare notes', (db) => {
	it('keeps shared and staff-only notes, newest first; the portal sees only shared ones', async () => {
		const author = await insertStaff(db(), 'practitioner', { name: '佐藤 美穂' });
		const actor: AuditActor = { type: 'staff', id: author.id, ip: null, requestId: null };
		const patientId = await insertPatient(db());
		const shared = await addAftercareNote(db(), patientId, author.id, `  ${NOTE}\r\n`, true, actor, new Date('2026-05-01T00:00:00Z'));
		const internal = await addAftercareNote(db(), patientId, author.id, '腰部の深刺は避ける', false, actor, new Date('2026-05-02T00:00:00Z'));
		if (!shared.ok || !internal.ok) throw new Error('notes not saved');

		const all = await listAftercareNotes(db(), patientId, { sharedOnly: false }, actor);
		expect(all.map((n) => [n.id, n.shared])).toEqual([
			[internal.id, false],
			[shared.id, true]
		]);
		expect(all[1]).toMatchObject({ body: NOTE, authorName: '佐藤 美穂', createdAt: '2026-05-01T00:00:00.000Z' });
		const portal = await listAftercareNotes(db(), patientId, { sharedOnly: true }, { type: 'patient', id: patientId, ip: null, requestId: null });
		expect(portal.map((n) => n.id)).toEqual([shared.id]);

		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('patient_id', '=', patientId).orderBy('seq').execute();
		expect(audit.map((a) => a.action)).toEqual(['aftercare.create', 'aftercare.create', 'aftercare.read', 'aftercare.read']);
		expect(audit.at(-1)).toMatchObject({ actor_type: 'patient', actor_id: patientId });
		expect(audit.map((a) => a.detail ?? '').join()).not.toMatch(/お風呂|深刺/);
	});

	it('refuses an empty or overlong note and an unknown patient, and keeps nothing', async () => {
		const author = await insertStaff(db(), 'owner');
		const actor: AuditActor = { type: 'staff', id: author.id, ip: null, requestId: null };
		const patientId = await insertPatient(db());
		expect(await addAftercareNote(db(), patientId, author.id, ' \n ', true, actor)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { body: 'outcomes.error.noteRequired' }
		});
		expect(await addAftercareNote(db(), patientId, author.id, 'あ'.repeat(4001), true, actor)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { body: 'outcomes.error.noteTooLong' }
		});
		expect(await addAftercareNote(db(), randomUUID(), author.id, NOTE, true, actor)).toEqual({ ok: false, code: 'not_found' });
		expect(await db().kysely.selectFrom('aftercare_note').select('id').where('patient_id', '=', patientId).execute()).toEqual([]);
	});
});
