import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/** Access directions on the clinic page, and messages sent through its contact form. */
export const clinicPage = {
	async up(db: Kysely<any>) {
		await db.schema
			.alterTable('clinic')
			.addColumn('access_ja', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		await db.schema
			.alterTable('clinic')
			.addColumn('access_en', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		await db.schema
			.createTable('contact_message')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('email', 'text', (c) => c.notNull())
			.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('message', 'text', (c) => c.notNull())
			.addColumn('locale', 'text', (c) => c.notNull())
			// A keyed hash of the sender's address: enough to rate-limit, not enough to track anyone.
			.addColumn('sender_key', 'text', (c) => c.notNull())
			.addColumn('handled_at', 'text')
			.execute();
		await db.schema.createIndex('contact_message_sender').on('contact_message').columns(['sender_key', 'created_at']).execute();
	}
};
