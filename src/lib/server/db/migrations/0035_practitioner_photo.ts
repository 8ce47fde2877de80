import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * A photo per practitioner for the booking pages (issue #22). The image is kept in the database,
 * base64 text, so both engines store it the same way and a backup carries it; `version` (a hash of
 * the bytes) goes into the public address so a browser may cache it for long.
 */
export const practitionerPhoto = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('practitioner_photo')
			.addColumn('practitioner_id', 'text', (c) => c.primaryKey().references('practitioner.id').onDelete('cascade'))
			.addColumn('content_type', 'text', (c) => c.notNull())
			.addColumn('data_base64', 'text', (c) => c.notNull())
			.addColumn('byte_size', 'integer', (c) => c.notNull())
			.addColumn('version', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('practitioner_photo').execute();
	}
};
