import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Where a patient's e-mail address came from (issue #16): 'booking' when someone typed it into the
 * online booking form and nobody at the clinic has confirmed it with the patient, 'desk' when staff
 * entered or confirmed it. The address opens the record in the portal, so a merge keeps a
 * 'booking' address only after the desk confirms it with the patient. Every address on file
 * before this migration came from an online booking (the desk's own records had none, and a
 * staff edit left no mark), so they start unconfirmed.
 */
export const patientEmailSource = {
	async up(db: Kysely<any>) {
		await db.schema
			.alterTable('patient')
			.addColumn('email_source', 'text', (c) => c.notNull().defaultTo('desk'))
			.execute();
		await sql`update patient set email_source = 'booking' where email <> ''`.execute(db);
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('patient').dropColumn('email_source').execute();
	}
};
