import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Calendar feeds for practitioners (issue #6): one revocable secret per practitioner. Only the
 * SHA-256 of the token is kept, so a leaked database does not leak working feed URLs; issuing a
 * new token replaces the row, which revokes the old URL.
 */
export const icalTokens = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('practitioner_feed_token')
			.addColumn('practitioner_id', 'text', (c) => c.primaryKey().references('practitioner.id').onDelete('cascade'))
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
	}
};
