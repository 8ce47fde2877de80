import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Deletion that does what it says (issue 15), and the operator the privacy page must name.
 *
 * - `patient.erased_at`: set when a patient's data was deleted (a request marked done, or the
 *   yearly deletion of people who never came). Only records under a retention duty remain.
 * - A consent signature stays as signed (0007), but may now be deleted together with its patient's
 *   data: only while that patient is marked erased, in the same transaction. Nothing else changes.
 * - The business operator (個人情報取扱事業者) the privacy page names, as the APPI requires: the
 *   name of the operator and of its representative, and its address when it is not the clinic's.
 *   Empty until the owner fills them in; the page falls back to the clinic's name and address.
 */
export function retentionAndOperator(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema.alterTable('patient').addColumn('erased_at', 'text').execute();
			for (const column of ['operator_name_ja', 'operator_name_en', 'representative_ja', 'representative_en', 'operator_address_ja', 'operator_address_en']) {
				await db.schema
					.alterTable('clinic')
					.addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
					.execute();
			}
			await letErasureDeleteConsentSignatures(db, dialect);
		}
	};
}

const REFUSAL = 'consent_signature cannot be changed';
const ERASING = 'EXISTS (SELECT 1 FROM patient WHERE patient.id = OLD.patient_id AND patient.erased_at IS NOT NULL)';

async function letErasureDeleteConsentSignatures(db: Kysely<any>, dialect: DialectName) {
	if (dialect === 'sqlite') {
		await sql.raw('DROP TRIGGER consent_signature_no_delete').execute(db);
		await sql
			.raw(`CREATE TRIGGER consent_signature_no_delete BEFORE DELETE ON consent_signature WHEN NOT ${ERASING} BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`)
			.execute(db);
		return;
	}
	// The trigger of 0007 stays; its function now lets a delete through for an erased patient.
	await sql
		.raw(
			`CREATE OR REPLACE FUNCTION consent_signature_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
			 BEGIN
			   IF TG_OP = 'DELETE' AND ${ERASING} THEN RETURN OLD; END IF;
			   RAISE EXCEPTION '${REFUSAL}';
			 END $$`
		)
		.execute(db);
}
