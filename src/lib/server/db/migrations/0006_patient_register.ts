import type { Kysely } from 'kysely';
import { romajiKey } from '../../../domain/patients/normalise';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The patient register: a clinic number for every patient, the romaji search key, and the
 * contact details the desk keeps. Existing patients are numbered in the order they were created.
 */
export const patientRegister = {
	async up(db: Kysely<any>) {
		await db.schema.alterTable('patient').addColumn('patient_number', 'text').execute();
		for (const column of ['romaji_key', 'sex', 'postal_code', 'address', 'emergency_contact']) {
			await db.schema
				.alterTable('patient')
				.addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
				.execute();
		}
		await db.schema.alterTable('patient').addColumn('updated_at', 'text').execute();

		const rows: Array<{ id: string; family_name: string; given_name: string; family_name_kana: string; given_name_kana: string }> = await db
			.selectFrom('patient')
			.select(['id', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana'])
			.orderBy('created_at')
			.orderBy('id')
			.execute();
		let sequence = 0;
		for (const row of rows) {
			sequence += 1;
			await db
				.updateTable('patient')
				.set({ patient_number: patientNumberFor(sequence), romaji_key: searchKeyOf(row) })
				.where('id', '=', row.id)
				.execute();
		}

		// Numbers come from a counter row: concurrent bookings queue on it instead of racing for max() + 1.
		await db.schema
			.createTable('counter')
			.addColumn('name', 'text', (c) => c.primaryKey())
			.addColumn('value', 'integer', (c) => c.notNull())
			.execute();
		await db.insertInto('counter').values({ name: 'patient_number', value: sequence }).execute();

		// A unique index rather than a column constraint: SQLite cannot add a UNIQUE column.
		await db.schema.createIndex('patient_number_unique').on('patient').column('patient_number').unique().execute();
		await db.schema.createIndex('patient_family_name_kana').on('patient').column('family_name_kana').execute();
		await db.schema.createIndex('patient_phone').on('patient').column('phone').execute();
		await db.schema.createIndex('patient_date_of_birth').on('patient').column('date_of_birth').execute();
		await db.schema.createIndex('patient_romaji_key').on('patient').column('romaji_key').execute();
	}
};

/** 'P000001': the same shape as `formatPatientNumber` in server/patients, frozen here. */
function patientNumberFor(sequence: number): string {
	return `P${String(sequence).padStart(6, '0')}`;
}

function searchKeyOf(row: { family_name: string; given_name: string; family_name_kana: string; given_name_kana: string }): string {
	const reading = `${row.family_name_kana}${row.given_name_kana}`.trim();
	return romajiKey(reading !== '' ? reading : `${row.family_name}${row.given_name}`);
}
