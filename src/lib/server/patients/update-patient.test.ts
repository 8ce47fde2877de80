import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { runDueJobs } from '../jobs/worker';
import { createMailer } from '../mail/mailer';
import { seedClinic } from '../seed/demo-clinic';
import { EMAIL_CHANGED_JOB } from './email-changed-mail';
import { searchPatients } from './search-patients';
import { updatePatient, type PatientEditor } from './update-patient';

const deskActor: AuditActor = { type: 'staff', id: 'reception-1', ip: null, requestId: null };
const desk: PatientEditor = { actor: deskActor, role: 'reception' };
const practitioner: PatientEditor = { actor: { ...deskActor, id: 'practitioner-1' }, role: 'practitioner' };
const TODAY = '2026-05-01';

const form = {
	familyName: '山田',
	givenName: '花子',
	familyNameKana: 'やまだ',
	givenNameKana: 'はなこ',
	email: 'hanako@example.jp',
	phone: '０９０ー１２３４ー５６７８',
	dateOfBirth: '1960年3月10日',
	sex: 'female',
	postalCode: '〒150-0001',
	address: '東京都渋谷区神宮前1-1-1',
	emergencyContact: '山田 太郎 090-1111-2222',
	preferredLocale: 'ja'
};

describeEachDatabase('changing a patient record', (db) => {
	const id = randomUUID();

	it('saves a normalised change, with its search key, and audits it with the patient id', async () => {
		await db()
			.kysely.insertInto('patient')
			.values({
				id,
				family_name: '山田',
				given_name: '花子',
				family_name_kana: '',
				given_name_kana: '',
				email: 'hanako@example.jp',
				phone: '090-0000-0001',
				date_of_birth: null,
				preferred_locale: 'ja',
				created_at: '2026-01-01T00:00:00.000Z'
			})
			.execute();
		const at = new Date('2026-05-01T01:00:00Z');
		expect(await updatePatient(db(), id, form, desk, TODAY, at)).toEqual({ ok: true });
		const row = await db().kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			family_name_kana: 'ヤマダ',
			given_name_kana: 'ハナコ',
			phone: '090-1234-5678',
			date_of_birth: '1960-03-10',
			postal_code: '150-0001',
			romaji_key: 'yamadahanako',
			updated_at: at.toISOString()
		});
		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'patient.update').execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ patient_id: id, entity_id: id, actor_id: 'reception-1' });
		expect(audit[0]!.detail).not.toContain('5678');
		expect(JSON.parse(audit[0]!.detail!).changed).toContain('postal_code');
		expect((await searchPatients(db(), 'yamada hana', deskActor)).map((p) => p.id)).toEqual([id]);
	});

	it('refuses bad input with a code per field and changes nothing', async () => {
		const before = await db().kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		const auditRows = (await db().kysely.selectFrom('audit_log').select('id').execute()).length;
		const result = await updatePatient(
			db(),
			id,
			{
				...form,
				familyName: ' ',
				familyNameKana: '山田',
				phone: '12345',
				postalCode: '150-00',
				dateOfBirth: '2026-05-02',
				address: 'あ'.repeat(201),
				sex: 'x'
			},
			desk,
			TODAY
		);
		expect(result).toEqual({
			ok: false,
			code: 'invalid',
			fields: {
				familyName: 'validation.required',
				familyNameKana: 'patients.error.kana',
				phone: 'patients.error.phone',
				postalCode: 'patients.error.postalCode',
				dateOfBirth: 'patients.error.dobFuture',
				address: 'validation.invalid',
				sex: 'validation.choice'
			}
		});
		expect(await db().kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
		expect((await db().kysely.selectFrom('audit_log').select('id').execute()).length).toBe(auditRows);
	});

	it('keeps the health-insurance card, checking the insurer number and the branch', async () => {
		const card = { insurerNumber: '０１１３００１２', insuranceSymbol: '12345', insuranceNumber: '678', insuranceBranch: '01' };
		expect(await updatePatient(db(), id, { ...form, ...card }, desk, TODAY)).toEqual({ ok: true });
		expect(
			await db()
				.kysely.selectFrom('patient')
				.select(['insurer_number', 'insurance_symbol', 'insurance_number', 'insurance_branch'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).toEqual({
			insurer_number: '01130012',
			insurance_symbol: '12345',
			insurance_number: '678',
			insurance_branch: '01'
		});
		const wrong = await updatePatient(db(), id, { ...form, ...card, insurerNumber: '01130013', insuranceBranch: '1' }, desk, TODAY);
		expect(wrong).toEqual({
			ok: false,
			code: 'invalid',
			fields: { insurerNumber: 'patients.error.insurerNumber', insuranceBranch: 'patients.error.insuranceBranch' }
		});
	});

	it('says so for an unknown patient', async () => {
		expect(await updatePatient(db(), randomUUID(), form, desk, TODAY)).toEqual({ ok: false, code: 'not_found' });
	});
});

const AT = '2026-01-01T00:00:00.000Z';

async function givePortalAccess(db: Db, patientId: string) {
	await db.kysely
		.insertInto('patient_session')
		.values({ id: randomUUID(), patient_id: patientId, created_at: AT, last_seen_at: AT, expires_at: '2099-01-01T00:00:00.000Z' })
		.execute();
	await db.kysely
		.insertInto('patient_magic_link')
		.values({ id: randomUUID(), patient_id: patientId, created_at: AT, expires_at: '2099-01-01T00:00:00.000Z', used_at: null })
		.execute();
}

async function portalAccess(db: Db, patientId: string) {
	const sessions = await db.kysely.selectFrom('patient_session').select('id').where('patient_id', '=', patientId).execute();
	const links = await db.kysely.selectFrom('patient_magic_link').select('id').where('patient_id', '=', patientId).execute();
	return { sessions: sessions.length, links: links.length };
}

describeEachDatabase('changing a patient’s e-mail address (issue #16)', (db) => {
	const id = randomUUID();
	const at = new Date('2026-05-01T01:00:00Z');

	it('is refused to reception, changing nothing', async () => {
		await seedClinic(db(), false);
		await db()
			.kysely.insertInto('patient')
			.values({
				id,
				family_name: '山田',
				given_name: '花子',
				family_name_kana: '',
				given_name_kana: '',
				email: 'hanako@example.jp',
				email_source: 'booking',
				phone: '090-0000-0001',
				date_of_birth: null,
				preferred_locale: 'ja',
				created_at: AT
			})
			.execute();
		await givePortalAccess(db(), id);
		const result = await updatePatient(db(), id, { ...form, email: 'someone@example.com', confirmEmailChange: 'yes' }, desk, TODAY, at);
		expect(result).toEqual({ ok: false, code: 'invalid', fields: { email: 'patients.error.emailChangeRole' } });
		expect(await db().kysely.selectFrom('patient').select('email').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ email: 'hanako@example.jp' });
		expect(await portalAccess(db(), id)).toEqual({ sessions: 1, links: 1 });
		// The same address in another case is no change: reception may save the rest of the record.
		expect(await updatePatient(db(), id, { ...form, email: 'Hanako@Example.jp' }, desk, TODAY, at)).toEqual({ ok: true });
		expect(await db().kysely.selectFrom('patient').select('email').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ email: 'hanako@example.jp' });
	});

	it('asks a practitioner to confirm the change', async () => {
		const result = await updatePatient(db(), id, { ...form, email: 'new@example.jp' }, practitioner, TODAY, at);
		expect(result).toEqual({ ok: false, code: 'invalid', fields: { confirmEmailChange: 'patients.error.confirmEmailChange' } });
		expect(await db().kysely.selectFrom('job').select('id').where('kind', '=', EMAIL_CHANGED_JOB).execute()).toEqual([]);
	});

	it('ends the portal sessions and sign-in links, and tells the old address through the job queue', async () => {
		expect(await updatePatient(db(), id, { ...form, email: 'new@example.jp', confirmEmailChange: 'yes' }, practitioner, TODAY, at)).toEqual({ ok: true });
		expect(await db().kysely.selectFrom('patient').select(['email', 'email_source']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
			email: 'new@example.jp',
			email_source: 'desk'
		});
		expect(await portalAccess(db(), id)).toEqual({ sessions: 0, links: 0 });
		const jobs = await db().kysely.selectFrom('job').select(['payload', 'run_at']).where('kind', '=', EMAIL_CHANGED_JOB).execute();
		expect(jobs).toHaveLength(1);
		expect(JSON.parse(jobs[0]!.payload)).toEqual({ patientId: id, oldEmail: 'hanako@example.jp', locale: 'ja' });
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['actor_id', 'detail'])
			.where('action', '=', 'patient.update')
			.orderBy('seq', 'desc')
			.executeTakeFirstOrThrow();
		expect(audit.actor_id).toBe('practitioner-1');
		expect(JSON.parse(audit.detail!)).toEqual({ changed: ['email'], portalAccessEnded: { sessions: 1, links: 1 } });

		await runDueJobs({ db: db(), mailer: createMailer(undefined), origin: 'https://clinic.example.jp' }, at);
		const mails = await db().kysely.selectFrom('mail_outbox').selectAll().where('recipient', '=', 'hanako@example.jp').execute();
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toContain('登録メールアドレス変更のお知らせ');
		expect(mails[0]!.body).not.toContain('new@example.jp');
		expect(mails[0]!.body).not.toContain('花子');
	});
});
