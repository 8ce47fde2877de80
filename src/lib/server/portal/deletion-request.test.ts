import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { createMailer } from '../mail/mailer';
import { seedDemoClinic } from '../seed/demo-clinic';
import { createDeletionRequest, listDeletionRequests, listPatientDeletionRequests, resolveDeletionRequest } from './deletion-request';
import { insertAppointment, insertPatient } from './test-patients';

const ORIGIN = 'https://clinic.example.jp';
const NOW = new Date('2030-05-01T00:00:00Z');
const mailer = createMailer(undefined);

describeEachDatabase('deletion requests', (db) => {
	let owner: AuditActor;
	let practitionerId = '';

	beforeAll(async () => {
		await seedDemoClinic(db());
		const staff = await db().kysely.selectFrom('staff').select('id').where('email', '=', 'owner@example.jp').executeTakeFirstOrThrow();
		owner = { type: 'staff', id: staff.id, ip: null, requestId: null };
		practitionerId = (await db().kysely.selectFrom('practitioner').select('id').executeTakeFirstOrThrow()).id;
	});

	const patientActor = (id: string): AuditActor => ({ type: 'patient', id, ip: null, requestId: null });

	it('takes one open request, tells the clinic by mail without a name, and audits it', async () => {
		const id = await insertPatient(db(), { email: 'delete@example.jp', givenName: '削除', familyName: '依頼' });
		await db().kysely.updateTable('patient').set({ patient_number: 'P-000123' }).where('id', '=', id).execute();
		const first = await createDeletionRequest(db(), mailer, id, { reason: '通院を終えたため' }, patientActor(id), ORIGIN, NOW);
		expect(first.ok).toBe(true);
		expect(await createDeletionRequest(db(), mailer, id, { reason: 'もう一度' }, patientActor(id), ORIGIN, NOW)).toEqual({ ok: false, code: 'already_open' });
		expect(await listPatientDeletionRequests(db(), id)).toEqual([
			{ id: first.ok ? first.id : '', createdAt: NOW.toISOString(), reason: '通院を終えたため', status: 'open', handledAt: null, response: '' }
		]);
		const mails = await db().kysely.selectFrom('mail_outbox').selectAll().where('kind', '=', 'portal.deletion_request').execute();
		expect(mails).toHaveLength(1);
		expect(mails[0]!.recipient).toBe('clinic@example.jp');
		expect(mails[0]!.subject).toContain('P-000123');
		expect(mails[0]!.body).toContain('https://clinic.example.jp/staff/deletion-requests');
		expect(mails[0]!.body).not.toContain('依頼 削除');
		expect(mails[0]!.body).not.toContain('通院を終えた');
		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'portal.deletion_request').execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_type: 'patient', actor_id: id, patient_id: id, detail: null });
	});

	it('lets the owner answer once, and the patient sees the answer; a new request may follow', async () => {
		const id = await insertPatient(db(), { email: 'answer@example.jp', givenName: '回答' });
		const created = await createDeletionRequest(db(), mailer, id, { reason: '引っ越しのため' }, patientActor(id), ORIGIN, NOW);
		if (!created.ok) throw new Error(created.code);
		const answer = { id: created.id, status: 'declined' as const, response: '施術録は2035年まで保存が必要です。' };
		expect(await resolveDeletionRequest(db(), answer, owner, NOW)).toEqual({ ok: true, erasure: null });
		expect(await resolveDeletionRequest(db(), { ...answer, status: 'done' }, owner, NOW)).toEqual({ ok: false, code: 'already_handled' });
		expect(await resolveDeletionRequest(db(), { ...answer, id: randomUUID() }, owner, NOW)).toEqual({ ok: false, code: 'not_found' });
		const [seen] = await listPatientDeletionRequests(db(), id);
		expect(seen).toMatchObject({ status: 'declined', response: answer.response, handledAt: NOW.toISOString() });
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'deletion_request.resolve')
			.where('entity_id', '=', created.id)
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_id: owner.id, patient_id: id });
		expect(JSON.parse(audit[0]!.detail!)).toEqual({ status: 'declined' });
		expect((await createDeletionRequest(db(), mailer, id, { reason: 'もう一度お願いします' }, patientActor(id), ORIGIN, NOW)).ok).toBe(true);
	});

	it('shows the owner each request with each duty, its reason and until when', async () => {
		const treated = await insertPatient(db(), { email: 'treated@example.jp', givenName: '施術' });
		await insertAppointment(db(), practitionerId, treated, '2024-02-28T15:30:00.000Z', 'completed'); // 29 February in Tokyo
		await insertAppointment(db(), practitionerId, treated, '2024-01-10T01:00:00.000Z', 'completed');
		await insertAppointment(db(), practitionerId, treated, '2024-06-01T01:00:00.000Z', 'cancelled');
		const never = await insertPatient(db(), { email: 'never@example.jp', givenName: '未来院' });
		await insertAppointment(db(), practitionerId, never, '2030-06-01T01:00:00.000Z', 'booked');
		for (const id of [treated, never]) await createDeletionRequest(db(), mailer, id, { reason: '不要' }, patientActor(id), ORIGIN, NOW);

		const list = await listDeletionRequests(db(), NOW);
		const forTreated = list.find((r) => r.patient.id === treated)!;
		expect(forTreated.retention.duties).toEqual([
			expect.objectContaining({ reason: 'treatment_record', lastDay: '2024-02-29', lastKind: 'visit', keepUntil: '2029-02-28', over: true })
		]);
		expect(forTreated.patient).toMatchObject({ familyName: '山田', givenName: '施術', erased: false });
		// Marking it done would delete the cancelled booking too, now the 施術録 period is over.
		expect(forTreated.retention.preview?.deleted).toMatchObject({ appointment: 3 });
		const forNever = list.find((r) => r.patient.id === never)!;
		expect(forNever.retention.duties).toEqual([]);
		expect(forNever.retention.preview?.deleted).toMatchObject({ appointment: 1 });
		const before2029 = await listDeletionRequests(db(), new Date('2029-02-28T12:00:00Z'));
		const stillKept = before2029.find((r) => r.patient.id === treated)!.retention;
		expect(stillKept.duties[0]!.over).toBe(false);
		expect(stillKept.preview?.kept).toContainEqual({ table: 'appointment', rows: 2, reason: 'treatment_record', until: '2029-02-28' });
		expect(stillKept.preview?.deleted).toMatchObject({ appointment: 1 });
		// Open requests come first.
		const firstHandled = list.findIndex((r) => r.status !== 'open');
		expect(list.slice(firstHandled).every((r) => r.status !== 'open')).toBe(true);
		// The preview wrote nothing.
		expect(await db().kysely.selectFrom('appointment').select('id').where('patient_id', 'in', [treated, never]).execute()).toHaveLength(4);
	});
});
