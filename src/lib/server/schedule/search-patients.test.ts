import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createStaffAppointment } from './create-staff-appointment';
import { searchPatients } from './search-patients';
import { at, seedSchedule } from './seeded-schedule';

describeEachDatabase('finding a patient at the desk', (db) => {
	beforeAll(async () => {
		const s = await seedSchedule(db());
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
			expect((await searchPatients(db(), q)).map((p) => p.familyName), q).toEqual(['山田']);
		}
		expect((await searchPatients(db(), 'anna smith')).map((p) => p.givenName)).toEqual(['Anna']);
	});

	it('finds by phone with or without hyphens, and treats % as a letter', async () => {
		expect((await searchPatients(db(), '09012345678')).map((p) => p.familyName)).toEqual(['山田']);
		expect((await searchPatients(db(), '1234-5678')).map((p) => p.familyName)).toEqual(['山田']);
		expect((await searchPatients(db(), '%')).map((p) => p.familyName)).toEqual(['100%']);
		expect(await searchPatients(db(), '   ')).toEqual([]);
	});
});
