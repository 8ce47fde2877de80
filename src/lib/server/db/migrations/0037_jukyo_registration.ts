import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * 受領委任: the clinic's registration, eligibility checks and the full 同意書 (issue #19).
 * - `jukyo_registration`: one row per clinic; the registration as one validated JSON document
 *   (domain/jukyo/registration.ts), changed only by the owner, each change audited.
 * - `eligibility_check`: how the desk confirmed a patient's insurance for a month's insured visits
 *   (method, the fields it gave, result, by whom); never updated, a new check supersedes.
 * - `charge_insurance_card.eligibility_check_id`: the check an insured charge relied on.
 * - `doctor_consent`: every field of the 同意書 form.
 * - `doctor_treatment`: a doctor treats the patient for a condition under insurance, from a day;
 *   療養費 for that condition is then refused.
 */
export const jukyoRegistration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('jukyo_registration')
			.addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinic.id'))
			.addColumn('document', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.addColumn('updated_by', 'text', (c) => c.notNull().references('staff.id'))
			.execute();
		await db.schema
			.createTable('eligibility_check')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('appointment_id', 'text', (c) => c.references('appointment.id').onDelete('set null'))
			.addColumn('checked_on', 'text', (c) => c.notNull())
			.addColumn('checked_at', 'text', (c) => c.notNull())
			.addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('myna_app', 'eligibility_certificate', 'eligibility_notice', 'old_card')`))
			.addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('confirmed', 'not_confirmed')`))
			.addColumn('insurance_kind', 'text')
			.addColumn('holder_kind', 'text')
			.addColumn('benefit_percent', 'integer')
			.addColumn('insurer_number', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('insurance_symbol', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('insurance_number', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('insurance_branch', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('valid_from', 'text')
			.addColumn('valid_until', 'text')
			.addColumn('public_payer_number', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('public_recipient_number', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('eligibility_check_patient').on('eligibility_check').columns(['patient_id', 'checked_on']).execute();
		await db.schema
			.alterTable('charge_insurance_card')
			.addColumn('eligibility_check_id', 'text', (c) => c.references('eligibility_check.id'))
			.execute();
		for (const column of ['institution_address', 'symptoms', 'home_visit_reason', 'care_period', 'remarks']) {
			await db.schema
				.alterTable('doctor_consent')
				.addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
				.execute();
		}
		for (const column of ['onset_on', 'examined_on']) await db.schema.alterTable('doctor_consent').addColumn(column, 'text').execute();
		await db.schema
			.alterTable('doctor_consent')
			.addColumn('home_visit_needed', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
		await db.schema
			.createTable('doctor_treatment')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('condition', 'text', (c) => c.notNull())
			.addColumn('since_on', 'text', (c) => c.notNull())
			.addColumn('ended_on', 'text')
			.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('doctor_treatment_patient').on('doctor_treatment').columns(['patient_id']).execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('doctor_treatment').execute();
		for (const column of ['institution_address', 'symptoms', 'home_visit_reason', 'care_period', 'remarks', 'onset_on', 'examined_on', 'home_visit_needed']) {
			await db.schema.alterTable('doctor_consent').dropColumn(column).execute();
		}
		await db.schema.alterTable('charge_insurance_card').dropColumn('eligibility_check_id').execute();
		await db.schema.dropTable('eligibility_check').execute();
		await db.schema.dropTable('jukyo_registration').execute();
	}
};
