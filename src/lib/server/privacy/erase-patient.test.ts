import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { findOrCreatePatient } from '../patients/find-or-create-patient';
import { resolveDeletionRequest } from '../portal/deletion-request';
import {
	insertClinicalRecord,
	insertDoctorConsent,
	insertPaidCharge,
	insertPerson,
	insertPortalTraces,
	insertSession,
	insertVisit,
	openDeletionRequest,
	privacyWorld,
	rowsOf,
	type PrivacyWorld
} from './test-fixtures';

const AT = '2020-01-01T00:00:00.000Z';

describeEachDatabase('marking a deletion request done', (db, dialect) => {
	let world: PrivacyWorld;
	let owner: AuditActor;

	beforeAll(async () => {
		world = await privacyWorld(db());
		owner = { type: 'staff', id: world.staffId, ip: null, requestId: null };
	});

	/** A patient with a whole history: a completed visit in 2024, a later walk-in session, a charge, and what a portal user leaves. */
	async function treatedPatient(options: { sessionAt: string; email: string }) {
		const id = await insertPerson(db(), { email: options.email });
		const visit = await insertVisit(db(), world, id, '2024-01-10T01:00:00.000Z', 'completed');
		await insertSession(db(), world, id, visit, '2024-01-10T01:10:00.000Z');
		// A walk-in treated without an appointment: the last treatment, though no appointment shows it.
		await insertSession(db(), world, id, null, options.sessionAt);
		await insertClinicalRecord(db(), world, id, visit, '2024-01-10T01:00:00.000Z');
		const cancelled = await insertVisit(db(), world, id, '2024-02-01T01:00:00.000Z', 'cancelled');
		const booked = await insertVisit(db(), world, id, '2031-01-10T01:00:00.000Z', 'booked');
		await db()
			.kysely.insertInto('intake')
			.values({
				id: crypto.randomUUID(),
				patient_id: id,
				appointment_id: booked,
				status: 'in_progress',
				current_step: 'history',
				answers: '{}',
				red_flag_level: null,
				red_flag_acknowledged_at: null,
				red_flag_acknowledged_by: null,
				entered_by_staff_id: null,
				created_at: AT,
				updated_at: AT,
				submitted_at: null
			})
			.execute();
		const chargedConsent = await insertDoctorConsent(db(), world, id, '2024-01-05');
		await insertDoctorConsent(db(), world, id, '2023-06-01');
		await insertPaidCharge(db(), world, id, visit, '2024-01-10', chargedConsent);
		await insertPortalTraces(db(), id, options.email, booked, AT);
		const request = await openDeletionRequest(db(), id, '2030-02-01T00:00:00.000Z');
		return { id, visit, cancelled, booked, request };
	}

	it('keeps the 施術録 for five years from the last treatment of any kind, and deletes everything else', async () => {
		const p = await treatedPatient({ sessionAt: '2025-06-01T02:00:00.000Z', email: `kept-${dialect}@example.jp` });
		// By completed visits alone the period would have ended on 2029-01-10; the walk-in session keeps it to 2030-06-01.
		const now = new Date('2030-03-01T00:00:00Z');
		const result = await resolveDeletionRequest(db(), { id: p.request, status: 'done', response: '保存義務のない記録を削除しました。' }, owner, now);
		if (!result.ok) throw new Error(result.code);

		const rows = await rowsOf(db(), p.id);
		expect(rows).toMatchObject({
			// kept, as 施術録
			treatment_session: 2,
			session_point: 2,
			session_amendment: 2,
			adverse_event: 2,
			examination: 1,
			intake: 1,
			consent_signature: 1,
			outcome_check_in: 1,
			clinic_instrument_score: 1,
			side_effect_report: 1,
			aftercare_note: 1,
			treatment_plan: 1,
			contraindication_override: 1,
			doctor_consent: 2,
			// kept, as accounting records
			charge: 1,
			payment: 1,
			receipt: 1,
			// the completed visit stays; the cancelled and the future booking go, with the booking's slot
			appointment: 1,
			occupancy: 0,
			deletion_request: 1,
			patient_session: 0,
			patient_magic_link: 0,
			patient: 1
		});
		expect(await db().kysely.selectFrom('appointment').select('id').where('patient_id', '=', p.id).execute()).toEqual([{ id: p.visit }]);
		expect(result.erasure!.kept).toContainEqual({ table: 'treatment_session', rows: 2, reason: 'treatment_record', until: '2030-06-01' });
		expect(result.erasure!.kept).toContainEqual({ table: 'receipt', rows: 1, reason: 'accounting_record', until: '2032-03-15' });
		expect(result.erasure!.kept).toContainEqual({ table: 'deletion_request', rows: 1, reason: 'request_record', until: null });
		expect(result.erasure!.deleted).toMatchObject({ appointment: 2, intake: 1, patient_session: 1, patient_magic_link: 1, mail_outbox: 1 });

		// The record keeps what a 施術録 holds; the e-mail and the emergency contact go, and nobody can sign in.
		const person = await db().kysely.selectFrom('patient').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
		expect(person).toMatchObject({
			family_name: '山田',
			date_of_birth: '1960-03-10',
			address: '東京都江戸川区松島1-1-1',
			insurer_number: '06130012',
			email: '',
			emergency_contact: '',
			erased_at: now.toISOString()
		});
		expect(result.erasure!.clearedFields.sort()).toEqual(['email', 'emergency_contact']);
		expect(await db().kysely.selectFrom('job').select('done_at').where('payload', 'like', `%${p.booked}%`).executeTakeFirstOrThrow()).toEqual({
			done_at: now.toISOString()
		});
		expect(await db().kysely.selectFrom('deletion_request').select(['status', 'response']).where('id', '=', p.request).executeTakeFirstOrThrow()).toEqual({
			status: 'done',
			response: '保存義務のない記録を削除しました。'
		});
		// Booking again by the same name and phone starts a new record rather than reopening the erased one.
		const again = await findOrCreatePatient(
			db(),
			{ familyName: '山田', givenName: '花子', email: `kept-${dialect}@example.jp`, phone: '090-1234-5678', dateOfBirth: '1960-03-10' },
			'ja'
		);
		expect(again).toMatchObject({ created: true });
		expect(again.id).not.toBe(p.id);
	});

	it('audits what went and what stayed, with reasons and without personal details', async () => {
		const [audit] = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'deletion_request.resolve').execute();
		expect(audit).toMatchObject({ actor_id: world.staffId, entity_type: 'deletion_request' });
		const detail = JSON.parse(audit!.detail!);
		expect(detail.status).toBe('done');
		expect(detail.deleted).toMatchObject({ appointment: 2 });
		expect(detail.kept).toContainEqual({ table: 'examination', rows: 1, reason: 'treatment_record', until: '2030-06-01' });
		for (const secret of ['山田', '1960', '090', 'example.jp', '江戸川']) expect(audit!.detail).not.toContain(secret);
	});

	it('after the 施術録 period keeps only the books, the visit they charge and the name they are made out to', async () => {
		const p = await treatedPatient({ sessionAt: '2024-01-11T02:00:00.000Z', email: `books-${dialect}@example.jp` });
		const now = new Date('2030-03-01T00:00:00Z'); // 施術録 kept until 2029-01-11; the books until 2032-03-15
		const result = await resolveDeletionRequest(db(), { id: p.request, status: 'done', response: '' }, owner, now);
		if (!result.ok) throw new Error(result.code);
		const rows = await rowsOf(db(), p.id);
		expect(rows).toMatchObject({
			treatment_session: 0,
			session_point: 0,
			session_amendment: 0,
			adverse_event: 0,
			examination: 0,
			intake: 0,
			consent_signature: 0,
			outcome_check_in: 0,
			clinic_instrument_score: 0,
			side_effect_report: 0,
			aftercare_note: 0,
			treatment_plan: 0,
			contraindication_override: 0,
			// the doctor's consent the charge names stays with it; the older one goes
			doctor_consent: 1,
			charge: 1,
			payment: 1,
			receipt: 1,
			appointment: 1,
			deletion_request: 1,
			patient: 1
		});
		expect(result.erasure!.kept).toContainEqual({ table: 'appointment', rows: 1, reason: 'accounting_record', until: '2032-03-15' });
		expect(result.erasure!.kept).toContainEqual({ table: 'doctor_consent', rows: 1, reason: 'accounting_record', until: '2032-03-15' });
		expect(result.erasure!.kept.some((k) => k.reason === 'treatment_record' && k.table !== 'patient')).toBe(false);
		const person = await db().kysely.selectFrom('patient').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
		expect(person).toMatchObject({
			family_name: '山田',
			given_name: '花子',
			date_of_birth: null,
			address: '',
			phone: '',
			insurer_number: '',
			email: '',
			postal_code: ''
		});
		expect(result.erasure!.keptFields.map((f) => f.reason)).toEqual(['accounting_record', 'accounting_record', 'accounting_record', 'accounting_record']);
	});

	it('deletes everything of a person who never came but the request and a nameless record', async () => {
		const id = await insertPerson(db(), { email: `never-${dialect}@example.jp` });
		const booking = await insertVisit(db(), world, id, '2029-12-01T01:00:00.000Z', 'cancelled');
		await db()
			.kysely.insertInto('consent_signature')
			.values({
				id: crypto.randomUUID(),
				patient_id: id,
				document_id: world.documentId,
				agreed: 1,
				signed_name: '山田花子',
				signed_at: AT,
				ip: '203.0.113.9',
				user_agent: null,
				recorded_by_staff_id: null
			})
			.execute();
		await db()
			.kysely.insertInto('intake')
			.values({
				id: crypto.randomUUID(),
				patient_id: id,
				appointment_id: booking,
				status: 'submitted',
				current_step: 'done',
				answers: '{"history":{}}',
				red_flag_level: null,
				red_flag_acknowledged_at: null,
				red_flag_acknowledged_by: null,
				entered_by_staff_id: null,
				created_at: AT,
				updated_at: AT,
				submitted_at: AT
			})
			.execute();
		const shell = await insertPerson(db(), { email: `old-${dialect}@example.jp`, mergedInto: id });
		const request = await openDeletionRequest(db(), id, AT);
		const result = await resolveDeletionRequest(db(), { id: request, status: 'done', response: '' }, owner, new Date('2030-01-05T00:00:00Z'));
		if (!result.ok) throw new Error(result.code);
		const rows = await rowsOf(db(), id);
		expect(Object.entries(rows).filter(([, n]) => n > 0)).toEqual([
			['deletion_request', 1],
			['patient', 1]
		]);
		const records = await db().kysely.selectFrom('patient').selectAll().where('id', 'in', [id, shell]).execute();
		for (const record of records)
			expect(record).toMatchObject({
				family_name: '',
				given_name: '',
				family_name_kana: '',
				email: '',
				phone: '',
				date_of_birth: null,
				address: '',
				romaji_key: ''
			});
		expect(result.erasure!.kept).toContainEqual({ table: 'patient', rows: 2, reason: 'request_record', until: null });
	});

	it('changes nothing when any step fails: one transaction', async () => {
		const p = await treatedPatient({ sessionAt: '2024-01-11T02:00:00.000Z', email: `rollback-${dialect}@example.jp` });
		const before = await rowsOf(db(), p.id);
		const auditBefore = await db().kysely.selectFrom('audit_log').select('id').execute();
		// Sign-in links are deleted near the end, after the 施術録 and the appointments.
		if (dialect === 'sqlite') {
			await sql`create trigger refuse_link_delete before delete on patient_magic_link begin select raise(abort, 'refused'); end`.execute(db().kysely);
		} else {
			await sql`create function refuse_link_delete() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(db().kysely);
			await sql`create trigger refuse_link_delete before delete on patient_magic_link for each row execute function refuse_link_delete()`.execute(db().kysely);
		}
		try {
			await expect(resolveDeletionRequest(db(), { id: p.request, status: 'done', response: '' }, owner, new Date('2030-03-01T00:00:00Z'))).rejects.toThrow(
				/refused/
			);
		} finally {
			await sql`drop trigger refuse_link_delete${dialect === 'postgres' ? sql` on patient_magic_link` : sql``}`.execute(db().kysely);
		}
		expect(await rowsOf(db(), p.id)).toEqual(before);
		const person = await db().kysely.selectFrom('patient').select(['email', 'erased_at']).where('id', '=', p.id).executeTakeFirstOrThrow();
		expect(person).toEqual({ email: `rollback-${dialect}@example.jp`, erased_at: null });
		expect(await db().kysely.selectFrom('deletion_request').select('status').where('id', '=', p.request).executeTakeFirstOrThrow()).toEqual({ status: 'open' });
		expect(await db().kysely.selectFrom('audit_log').select('id').execute()).toHaveLength(auditBefore.length);
	});

	it('still refuses to delete a consent signature of a patient who is not being erased', async () => {
		const id = await insertPerson(db());
		await db()
			.kysely.insertInto('consent_signature')
			.values({
				id: crypto.randomUUID(),
				patient_id: id,
				document_id: world.documentId,
				agreed: 1,
				signed_name: '山田花子',
				signed_at: AT,
				ip: null,
				user_agent: null,
				recorded_by_staff_id: null
			})
			.execute();
		await expect(db().kysely.deleteFrom('consent_signature').where('patient_id', '=', id).execute()).rejects.toThrow(/consent_signature cannot be changed/);
		await expect(db().kysely.updateTable('consent_signature').set({ signed_name: '別人' }).where('patient_id', '=', id).execute()).rejects.toThrow(
			/consent_signature cannot be changed/
		);
	});
});
