import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../db/database';
import { findOrCreatePatient } from './find-or-create-patient';

const AT = '2026-01-01T00:00:00.000Z';

async function insertPatient(db: Db, values: { givenName: string; email: string; phone: string; dateOfBirth?: string; mergedInto?: string }): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			patient_number: null,
			family_name: '田中',
			given_name: values.givenName,
			family_name_kana: '',
			given_name_kana: '',
			email: values.email,
			phone: values.phone,
			date_of_birth: values.dateOfBirth ?? null,
			preferred_locale: 'ja',
			created_at: AT,
			merged_into_id: values.mergedInto ?? null
		})
		.execute();
	return id;
}

/** A submitted intake: the record now holds clinical history. */
async function giveClinicalHistory(db: Db, patientId: string) {
	await db.kysely
		.insertInto('intake')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: null,
			status: 'submitted',
			current_step: 'done',
			answers: '{}',
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: null,
			created_at: AT,
			updated_at: AT,
			submitted_at: AT
		})
		.execute();
}

describeEachDatabase('an anonymous booking never attaches to another person’s chart (issue #16)', (db) => {
	it('creates a new record, its address unconfirmed, for a booking with a charted patient’s name and phone and another e-mail', async () => {
		const real = await insertPatient(db(), { givenName: '節子', email: 'setsuko@example.jp', phone: '090-0000-0001' });
		await giveClinicalHistory(db(), real);
		const booked = await findOrCreatePatient(db(), { familyName: '田中', givenName: '節子', email: 'outsider@example.com', phone: '090-0000-0001' }, 'ja');
		expect(booked.created).toBe(true);
		expect(booked.id).not.toBe(real);
		const row = await db()
			.kysely.selectFrom('patient')
			.select(['email', 'email_source', 'patient_number'])
			.where('id', '=', booked.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ email: 'outsider@example.com', email_source: 'booking' });
		expect(row.patient_number).not.toBeNull();
	});

	it('attaches to the charted patient when the e-mail address is the one on file, the phone compared by its digits', async () => {
		const real = await insertPatient(db(), { givenName: '幸子', email: 'Sachiko@example.jp', phone: '090-0000-0002' });
		await giveClinicalHistory(db(), real);
		expect(await findOrCreatePatient(db(), { familyName: '田中', givenName: '幸子', email: 'sachiko@example.jp ', phone: '09000000002' }, 'ja')).toEqual({
			id: real,
			created: false
		});
	});

	it('attaches a desk booking (no e-mail) and a booking for a record without clinical history by name and phone', async () => {
		const charted = await insertPatient(db(), { givenName: '和子', email: 'kazuko@example.jp', phone: '090-0000-0003' });
		await giveClinicalHistory(db(), charted);
		expect(await findOrCreatePatient(db(), { familyName: '田中', givenName: '和子', email: '', phone: '090 0000 0003' }, 'ja')).toEqual({
			id: charted,
			created: false
		});
		const fresh = await insertPatient(db(), { givenName: '洋子', email: '', phone: '090-0000-0004' });
		expect(await findOrCreatePatient(db(), { familyName: '田中', givenName: '洋子', email: 'yoko@example.jp', phone: '09000000004' }, 'ja')).toEqual({
			id: fresh,
			created: false
		});
	});

	it('does not land on a survivor through an address the merge dropped', async () => {
		const survivor = await insertPatient(db(), { givenName: '昭子', email: '', phone: '090-0000-0005', dateOfBirth: '1950-01-01' });
		await giveClinicalHistory(db(), survivor);
		await insertPatient(db(), { givenName: '昭子', email: 'outsider2@example.com', phone: '090-0000-0005', dateOfBirth: '1950-01-01', mergedInto: survivor });
		const booked = await findOrCreatePatient(
			db(),
			{ familyName: '田中', givenName: '昭子', email: 'outsider2@example.com', phone: '090-0000-0005', dateOfBirth: '1950-01-01' },
			'ja'
		);
		expect(booked.created).toBe(true);
	});
});
