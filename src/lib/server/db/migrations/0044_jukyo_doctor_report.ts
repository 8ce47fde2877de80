import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The 施術報告書 given to the consenting doctor (issue #19, docs/jukyo-claim.md §9). Insert-only:
 * a report is never changed; one given again is a new row. `fee_month` is the claim month that
 * carries its 交付料, or null when the rule gives none (once per consent period). `content` keeps
 * what the report said (treatment, frequency, course) as JSON, so a reprint says the same.
 */
export const jukyoDoctorReport = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('jukyo_doctor_report')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('consent_id', 'text', (c) => c.notNull().references('doctor_consent.id'))
			.addColumn('issued_on', 'text', (c) => c.notNull())
			.addColumn('fee_month', 'text')
			.addColumn('content', 'text', (c) => c.notNull())
			.addColumn('remarks', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('issued_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('jukyo_doctor_report_patient').on('jukyo_doctor_report').columns(['patient_id', 'issued_on']).execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('jukyo_doctor_report').execute();
	}
};
