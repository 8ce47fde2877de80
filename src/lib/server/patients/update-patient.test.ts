import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { searchPatients } from './search-patients';
import { updatePatient } from './update-patient';

const desk: AuditActor = { type: 'staff', id: 'reception-1', ip: null, requestId: null };
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
		await db().kysely
			.insertInto('patient')
			.values({ id, family_name: '山田', given_name: '花子', family_name_kana: '', given_name_kana: '', email: '', phone: '090-0000-0001', date_of_birth: null, preferred_locale: 'ja', created_at: '2026-01-01T00:00:00.000Z' })
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
		expect((await searchPatients(db(), 'yamada hana', desk)).map((p) => p.id)).toEqual([id]);
	});

	it('refuses bad input with a code per field and changes nothing', async () => {
		const before = await db().kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		const auditRows = (await db().kysely.selectFrom('audit_log').select('id').execute()).length;
		const result = await updatePatient(
			db(),
			id,
			{ ...form, familyName: ' ', familyNameKana: '山田', phone: '12345', postalCode: '150-00', dateOfBirth: '2026-05-02', address: 'あ'.repeat(201), sex: 'x' },
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
				address: 'validation.too_big',
				sex: 'validation.invalid_value'
			}
		});
		expect(await db().kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
		expect((await db().kysely.selectFrom('audit_log').select('id').execute()).length).toBe(auditRows);
	});

	it('keeps the health-insurance card, checking the insurer number and the branch', async () => {
		const card = { insurerNumber: '０１１３００１２', insuranceSymbol: '12345', insuranceNumber: '678', insuranceBranch: '01' };
		expect(await updatePatient(db(), id, { ...form, ...card }, desk, TODAY)).toEqual({ ok: true });
		expect(await db().kysely.selectFrom('patient').select(['insurer_number', 'insurance_symbol', 'insurance_number', 'insurance_branch']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
			insurer_number: '01130012',
			insurance_symbol: '12345',
			insurance_number: '678',
			insurance_branch: '01'
		});
		const wrong = await updatePatient(db(), id, { ...form, ...card, insurerNumber: '01130013', insuranceBranch: '1' }, desk, TODAY);
		expect(wrong).toEqual({ ok: false, code: 'invalid', fields: { insurerNumber: 'patients.error.insurerNumber', insuranceBranch: 'patients.error.insuranceBranch' } });
	});

	it('says so for an unknown patient', async () => {
		expect(await updatePatient(db(), randomUUID(), form, desk, TODAY)).toEqual({ ok: false, code: 'not_found' });
	});
});
