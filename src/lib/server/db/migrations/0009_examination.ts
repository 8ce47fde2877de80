import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/** The sciatica examination (issue #7): findings as JSON, the suggested and the confirmed root. */
export function examination(_dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('examination')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('practitioner_staff_id', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('examined_at', 'text', (c) => c.notNull())
				.addColumn('findings', 'text', (c) => c.notNull())
				.addColumn('suggested_root', 'text')
				.addColumn('confirmed_root', 'text')
				.addColumn('pattern', 'text')
				.addColumn('red_flag_positive', 'integer', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('examination_patient').on('examination').columns(['patient_id', 'created_at']).execute();
		}
	};
}
