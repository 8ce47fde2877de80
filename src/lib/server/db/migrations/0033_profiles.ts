import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Service descriptions and practitioner profiles on the booking pages (issue #22): a short
 * description of each service and a short bio and spoken languages of each practitioner, in
 * Japanese and English. Languages are comma-separated codes such as `ja,en`. No photo yet.
 */
export const profiles = {
	async up(db: Kysely<any>) {
		await db.schema
			.alterTable('service')
			.addColumn('description_ja', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		await db.schema
			.alterTable('service')
			.addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		await db.schema
			.alterTable('practitioner')
			.addColumn('bio_ja', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		await db.schema
			.alterTable('practitioner')
			.addColumn('bio_en', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		await db.schema
			.alterTable('practitioner')
			.addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
	},
	async down(db: Kysely<any>) {
		for (const column of ['languages', 'bio_en', 'bio_ja']) await db.schema.alterTable('practitioner').dropColumn(column).execute();
		for (const column of ['description_en', 'description_ja']) await db.schema.alterTable('service').dropColumn(column).execute();
	}
};
