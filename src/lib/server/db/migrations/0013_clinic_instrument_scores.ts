import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Scores on instruments a clinic defines in its own files (issue #7, docs/clinical-rules.md §4): the answers
 * per item and the score as computed then. A mean or percentage is fractional, hence a float column.
 */
export function clinicInstrumentScores(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('clinic_instrument_score')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('instrument_code', 'text', (c) => c.notNull())
				.addColumn('recorded_at', 'text', (c) => c.notNull())
				.addColumn('answers', 'text', (c) => c.notNull())
				.addColumn('score', dialect === 'postgres' ? 'double precision' : 'real', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('clinic_instrument_score_patient')
				.on('clinic_instrument_score')
				.columns(['patient_id', 'instrument_code', 'recorded_at'])
				.execute();
		}
	};
}
