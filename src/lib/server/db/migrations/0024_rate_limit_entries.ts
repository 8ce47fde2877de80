import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Rate limits counted in the database instead of each process's memory, so that two instances
 * behind one proxy allow a client the limit once, not once per instance (issue 16).
 */
export const rateLimitEntries = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('rate_limit_entry')
			.addColumn('scope', 'text', (c) => c.notNull())
			.addColumn('key_hash', 'text', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('rate_limit_entry_key').on('rate_limit_entry').columns(['scope', 'key_hash', 'at']).execute();
		await db.schema.createIndex('rate_limit_entry_age').on('rate_limit_entry').columns(['at']).execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('rate_limit_entry').execute();
	}
};
