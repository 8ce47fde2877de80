import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createStaffAppointment } from './create-staff-appointment';
import { searchPatients } from './search-patients';
import { at, seedSchedule } from './test-schedule';

describeEachDatabase('finding a patient at the desk', (db) => {
	let actor: Parameters<typeof searchPatients>[2];
	beforeAll(async () => {
		const s = await seedSchedule(db());
		actor = s.actor;
		const people = [
			{ familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', phone: '090-1234-5678' },
			{ familyName: 'Smith', givenName: 'Anna', phone: '+81 80 9999 0000' },
			{ familyName: '100%', givenName: 'Test', phone: '03-0000-1111' }
		];
		for (const [i, newPatient] of people.entries()) {
			const result = await createStaffAppointment(
				db(),
				{ newPatient, serviceId: s.follow, practitionerId: s.sato, start: at(`${14 + i}:30`), source: 'walk_in' },
				s.actor
			);
			if (!result.ok) throw new Error(result.code);
		}
	});

	it('finds by name with or without the space, and by reading in hiragana or katakana', async () => {
		for (const q of ['山田 花子', '山田花子', '花子', 'やまだ', 'ヤマダ ハナコ']) {
			expect(
				(await searchPatients(db(), q, actor)).map((p) => p.familyName),
				q
			).toEqual(['山田']);
		}
		expect((await searchPatients(db(), 'anna smith', actor)).map((p) => p.givenName)).toEqual(['Anna']);
	});

	it('finds by phone with or without hyphens, and treats % as a letter', async () => {
		expect((await searchPatients(db(), '09012345678', actor)).map((p) => p.familyName)).toEqual(['山田']);
		expect((await searchPatients(db(), '1234-5678', actor)).map((p) => p.familyName)).toEqual(['山田']);
		expect((await searchPatients(db(), '%', actor)).map((p) => p.familyName)).toEqual(['100%']);
		expect(await searchPatients(db(), '   ', actor)).toEqual([]);
	});

	it('audits every search without the query, and never shows a merged record (issue #16)', async () => {
		const hanako = (await searchPatients(db(), '山田', actor))[0]!;
		await db()
			.kysely.insertInto('patient')
			.values({
				id: randomUUID(),
				family_name: '山田',
				given_name: '花子',
				family_name_kana: 'ヤマダ',
				given_name_kana: 'ハナコ',
				email: '',
				phone: '090-1234-5678',
				date_of_birth: null,
				preferred_locale: 'ja',
				created_at: '2026-01-01T00:00:00.000Z',
				merged_into_id: hanako.id
			})
			.execute();
		const before = (await db().kysely.selectFrom('audit_log').select('id').where('action', '=', 'patient.search').execute()).length;
		expect((await searchPatients(db(), 'やまだ', actor)).map((p) => p.id)).toEqual([hanako.id]);
		expect((await searchPatients(db(), '5678', actor)).map((p) => p.id)).toEqual([hanako.id]);
		const rows = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'patient.search').orderBy('seq').execute();
		expect(rows).toHaveLength(before + 2);
		expect(JSON.parse(rows.at(-1)!.detail!)).toEqual({ source: 'schedule', kind: 'phone', queryLength: 4, results: 1 });
		expect(rows.at(-2)!.detail).not.toContain('やまだ');
	});
});
