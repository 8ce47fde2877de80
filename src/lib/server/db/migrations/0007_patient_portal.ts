import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Intake, consent and the patient portal (issue #6): magic-link sign-in and patient sessions,
 * per-step intake, versioned consent documents with immutable signatures, outcome check-ins,
 * side-effect reports, aftercare notes, deletion requests, and merged duplicate patients.
 */
export function patientPortal(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			const patientId = (c: any) => c.notNull().references('patient.id');

			await db.schema.alterTable('patient').addColumn('merged_into_id', 'text').execute();
			// Optional public health insurance card details (保険者番号, 記号, 番号, 枝番).
			for (const column of ['insurer_number', 'insurance_symbol', 'insurance_number', 'insurance_branch']) {
				await db.schema
					.alterTable('patient')
					.addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
					.execute();
			}
			// Whether reception may read clinical content (intake answers, notes); the owner decides.
			await db.schema
				.alterTable('clinic')
				.addColumn('reception_reads_clinical', 'integer', (c) => c.notNull().defaultTo(0))
				.execute();
			// The worst red-flag level an intake reported for this visit; the schedule shows it.
			await db.schema.alterTable('appointment').addColumn('red_flag_level', 'text').execute();

			await db.schema
				.createTable('patient_magic_link')
				.addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token
				.addColumn('patient_id', 'text', patientId)
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('used_at', 'text')
				.execute();
			await db.schema.createIndex('patient_magic_link_patient').on('patient_magic_link').column('patient_id').execute();

			await db.schema
				.createTable('patient_session')
				.addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token
				.addColumn('patient_id', 'text', patientId)
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('last_seen_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('patient_session_patient').on('patient_session').column('patient_id').execute();

			await db.schema
				.createTable('intake')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', patientId)
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_progress', 'submitted')`))
				.addColumn('current_step', 'text', (c) => c.notNull())
				.addColumn('answers', 'text', (c) => c.notNull())
				.addColumn('red_flag_level', 'text')
				.addColumn('red_flag_acknowledged_at', 'text')
				.addColumn('red_flag_acknowledged_by', 'text', (c) => c.references('staff.id'))
				.addColumn('entered_by_staff_id', 'text', (c) => c.references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addColumn('submitted_at', 'text')
				.execute();
			await db.schema.createIndex('intake_patient').on('intake').columns(['patient_id', 'created_at']).execute();

			await db.schema
				.createTable('consent_document')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('required', 'integer', (c) => c.notNull())
				.addColumn('title_ja', 'text', (c) => c.notNull())
				.addColumn('title_en', 'text', (c) => c.notNull())
				.addColumn('body_ja', 'text', (c) => c.notNull())
				.addColumn('body_en', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.references('staff.id'))
				.addUniqueConstraint('consent_document_kind_version', ['kind', 'version'])
				.execute();

			await db.schema
				.createTable('consent_signature')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', patientId)
				.addColumn('document_id', 'text', (c) => c.notNull().references('consent_document.id'))
				// 1 = agreed; 0 = declined or withdrawn (optional consents only). The newest row counts.
				.addColumn('agreed', 'integer', (c) => c.notNull())
				.addColumn('signed_name', 'text', (c) => c.notNull())
				.addColumn('signed_at', 'text', (c) => c.notNull())
				.addColumn('ip', 'text')
				.addColumn('user_agent', 'text')
				.addColumn('recorded_by_staff_id', 'text', (c) => c.references('staff.id'))
				.execute();
			await db.schema.createIndex('consent_signature_patient').on('consent_signature').columns(['patient_id', 'signed_at']).execute();

			await db.schema
				.createTable('outcome_check_in')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', patientId)
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('recorded_at', 'text', (c) => c.notNull())
				.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('intake', 'portal', 'session')`))
				.addColumn('leg_pain', 'integer')
				.addColumn('back_pain', 'integer')
				.addColumn('psfs', 'text') // JSON: [{ activity, score }]
				.addColumn('sbi', 'text') // JSON: [legPain, numbness, weakness, sittingPain]
				.addColumn('pgic', 'integer')
				.execute();
			await db.schema.createIndex('outcome_check_in_patient').on('outcome_check_in').columns(['patient_id', 'recorded_at']).execute();

			await db.schema
				.createTable('side_effect_report')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', patientId)
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('severity', 'text', (c) => c.notNull())
				.addColumn('description', 'text', (c) => c.notNull())
				.addColumn('handled_at', 'text')
				.addColumn('handled_by', 'text', (c) => c.references('staff.id'))
				.execute();
			await db.schema.createIndex('side_effect_report_patient').on('side_effect_report').column('patient_id').execute();

			await db.schema
				.createTable('aftercare_note')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', patientId)
				.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('shared_with_patient', 'integer', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('aftercare_note_patient').on('aftercare_note').column('patient_id').execute();

			await db.schema
				.createTable('deletion_request')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', patientId)
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('reason', 'text', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done', 'declined')`))
				.addColumn('handled_at', 'text')
				.addColumn('handled_by', 'text', (c) => c.references('staff.id'))
				.addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
				.execute();

			await forbidChanges(db, dialect, 'consent_signature');
		}
	};
}

/**
 * What a patient signed stays as signed: the schema refuses deletes and any change except
 * `patient_id`, which a duplicate merge moves to the surviving record (audited).
 */
async function forbidChanges(db: Kysely<any>, dialect: DialectName, table: string) {
	const frozen = 'document_id, agreed, signed_name, signed_at, ip, user_agent, recorded_by_staff_id, id';
	if (dialect === 'sqlite') {
		for (const event of [`UPDATE OF ${frozen}`, 'DELETE']) {
			await sql
				.raw(
					`CREATE TRIGGER ${table}_no_${event.startsWith('UPDATE') ? 'update' : 'delete'} BEFORE ${event} ON ${table}
					 BEGIN SELECT RAISE(ABORT, '${table} cannot be changed'); END`
				)
				.execute(db);
		}
		return;
	}
	await sql
		.raw(
			`CREATE FUNCTION ${table}_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
			 BEGIN RAISE EXCEPTION '${table} cannot be changed'; END $$`
		)
		.execute(db);
	await sql
		.raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OF ${frozen} OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_frozen()`)
		.execute(db);
}
