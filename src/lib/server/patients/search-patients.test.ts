import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { getPatient } from './get-patient';
import { formatPatientNumber } from './patient-number';
import { nextPatientNumber } from './patient-repository';
import { readPatientQuery, searchPatients } from './search-patients';
import { searchKeyFor } from './update-patient';

const desk: AuditActor = { type: 'staff', id: 'reception-1', ip: '192.0.2.1', requestId: 'r1' };

const PEOPLE = [
	{ familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', phone: '090-0000-0001', dateOfBirth: '1960-03-10' },
	{ familyName: '鈴木', givenName: '一郎', familyNameKana: 'スズキ', givenNameKana: 'イチロウ', phone: '090-0000-0002', dateOfBirth: '1967-04-11' },
	{ familyName: 'Morgan', givenName: 'Alex', familyNameKana: '', givenNameKana: '', phone: '+44 20 7946 0003', dateOfBirth: '1974-05-12' },
	{ familyName: '中村', givenName: '由美', familyNameKana: 'ナカムラ', givenNameKana: 'ユミ', phone: '090-0000-0004', dateOfBirth: '1981-06-13' }
];

async function lastAuditSeq(db: Db): Promise<number> {
	const row = await db.kysely
		.selectFrom('audit_log')
		.select((eb) => eb.fn.max('seq').as('seq'))
		.executeTakeFirst();
	return Number(row?.seq ?? 0);
}

async function insertPatients(db: Db): Promise<string[]> {
	const ids: string[] = [];
	for (const p of PEOPLE) {
		const id = randomUUID();
		ids.push(id);
		await db.kysely
			.insertInto('patient')
			.values({
				id,
				patient_number: await nextPatientNumber(db),
				family_name: p.familyName,
				given_name: p.givenName,
				family_name_kana: p.familyNameKana,
				given_name_kana: p.givenNameKana,
				email: '',
				phone: p.phone,
				date_of_birth: p.dateOfBirth,
				preferred_locale: 'ja',
				romaji_key: searchKeyFor(p),
				created_at: new Date().toISOString()
			})
			.execute();
	}
	return ids;
}

it('reads what the desk typed as the key it most likely is', () => {
	expect(readPatientQuery('p000002')).toEqual({ kind: 'number', value: 'P000002' });
	expect(readPatientQuery('19600310')).toEqual({ kind: 'date_of_birth', value: '1960-03-10' });
	expect(readPatientQuery('０９０－００００－０００１')).toEqual({ kind: 'phone', value: '09000000001' });
	expect(readPatientQuery('Yamada')).toEqual({ kind: 'romaji', value: 'yamada' });
	expect(readPatientQuery('やまだ はなこ')).toEqual({ kind: 'name', value: 'やまだはなこ', kana: 'ヤマダハナコ' });
	expect(readPatientQuery('   ')).toBeNull();
});

describeEachDatabase('the patient register search', (db) => {
	let ids: string[] = [];
	const namesFor = async (q: string) => (await searchPatients(db(), q, desk)).map((p) => `${p.familyName} ${p.givenName}`);

	it('numbers patients in order', async () => {
		ids = await insertPatients(db());
		const numbers = await db().kysely.selectFrom('patient').select('patient_number').orderBy('patient_number').execute();
		expect(numbers.map((n) => n.patient_number)).toEqual([1, 2, 3, 4].map(formatPatientNumber));
	});

	it('finds a patient by kana typed in hiragana or katakana, and by kanji', async () => {
		for (const q of ['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'やまだ はなこ', '山田', '山田 花子', 'はなこ']) expect(await namesFor(q), q).toEqual(['山田 花子']);
	});

	it('finds a patient by romaji prefix', async () => {
		expect(await namesFor('yama')).toEqual(['山田 花子']);
		expect(await namesFor('Suzuki Ichiro')).toEqual(['鈴木 一郎']);
		expect(await namesFor('morgan')).toEqual(['Morgan Alex']);
	});

	it('finds a patient by phone digits with or without hyphens', async () => {
		expect(await namesFor('09000000001')).toEqual(['山田 花子']);
		expect(await namesFor('0001')).toEqual(['山田 花子']);
		expect(await namesFor('090-0000-0004')).toEqual(['中村 由美']);
		expect(await namesFor('7946 0003')).toEqual(['Morgan Alex']);
	});

	it('finds a patient by date of birth in either form, and by patient number', async () => {
		expect(await namesFor('1967-04-11')).toEqual(['鈴木 一郎']);
		expect(await namesFor('19810613')).toEqual(['中村 由美']);
		expect(await namesFor('P000001')).toEqual(['山田 花子']);
	});

	it('orders matches by kana reading', async () => {
		expect(await namesFor('090')).toEqual(['鈴木 一郎', '中村 由美', '山田 花子']);
	});

	it('treats LIKE wildcards as plain text', async () => {
		expect(await namesFor('%')).toEqual([]);
		expect(await namesFor('_')).toEqual([]);
	});

	it('audits each search with the query length only, never the query', async () => {
		const since = await lastAuditSeq(db());
		await searchPatients(db(), '09000000001', desk);
		const rows = await db().kysely.selectFrom('audit_log').selectAll().where('seq', '>', since).execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ action: 'patient.search', actor_id: 'reception-1', patient_id: null });
		expect(JSON.parse(rows[0]!.detail!)).toEqual({ kind: 'phone', queryLength: 11, results: 1 });
		expect(rows[0]!.detail).not.toContain('09000000001');
	});

	it('audits reading a record with the patient id, and returns nothing for an unknown id', async () => {
		const since = await lastAuditSeq(db());
		const view = await getPatient(db(), ids[0]!, desk);
		expect(view?.patient).toMatchObject({ familyName: '山田', patientNumber: 'P000001', postalCode: '', updatedAt: null });
		expect(view?.appointments).toEqual([]);
		expect(await getPatient(db(), randomUUID(), desk)).toBeNull();
		const rows = await db().kysely.selectFrom('audit_log').select(['action', 'patient_id']).where('seq', '>', since).execute();
		expect(rows).toEqual([{ action: 'patient.read', patient_id: ids[0] }]);
	});
});

describeEachDatabase('the register search on index ranges', (db) => {
	const ids: Record<string, string> = {};
	const idsFor = async (q: string) => (await searchPatients(db(), q, desk)).map((p) => p.id);

	it('finds names with characters beyond the basic plane, and no one for a prefix that runs past them', async () => {
		for (const [key, familyName, phone] of [
			['yoshida', '𠮷田', '090-1234-5678'],
			['yoshino', '𠮷野', '03-5555-1234']
		] as const) {
			ids[key] = randomUUID();
			await db()
				.kysely.insertInto('patient')
				.values({
					id: ids[key],
					patient_number: await nextPatientNumber(db()),
					family_name: familyName,
					given_name: '花子',
					family_name_kana: 'ヨシダ',
					given_name_kana: 'ハナコ',
					email: '',
					phone,
					date_of_birth: null,
					preferred_locale: 'ja',
					romaji_key: 'yoshidahanako',
					created_at: new Date().toISOString()
				})
				.execute();
		}
		expect(await idsFor('𠮷田')).toEqual([ids.yoshida]);
		expect((await idsFor('𠮷')).sort()).toEqual([ids.yoshida, ids.yoshino].sort());
		expect(await idsFor('𠮷田花子x')).toEqual([]);
	});

	it('finds a phone by its beginning or its end, not by digits in its middle', async () => {
		expect(await idsFor('5678')).toEqual([ids.yoshida]);
		expect(await idsFor('1234-5678')).toEqual([ids.yoshida]);
		expect(await idsFor('0312')).toEqual([]);
		expect(await idsFor('0355551234')).toEqual([ids.yoshino]);
		expect(await idsFor('03-5555')).toEqual([ids.yoshino]);
		expect(await idsFor('5555')).toEqual([]);
	});
});
