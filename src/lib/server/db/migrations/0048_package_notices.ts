import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The expiry notices sent for a course (issue #18): one row per course and notice (30 or 7 days
 * before its last valid day), so a daily run that was missed sends the notice late, and a run
 * repeated by another instance cannot send it twice (the key refuses the second row).
 */
export const packageNotices = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('package_notice')
			.addColumn('package_sale_id', 'text', (c) => c.notNull().references('package_sale.id'))
			.addColumn('days_before', 'integer', (c) => c.notNull())
			.addColumn('sent_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('package_notice_pk', ['package_sale_id', 'days_before'])
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('package_notice').execute();
	}
};
