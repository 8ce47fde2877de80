import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/** Every mail the app sends is kept here first; without SMTP it waits here for the owner to read. */
export const mailOutbox = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('mail_outbox')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('recipient', 'text', (c) => c.notNull())
			.addColumn('subject', 'text', (c) => c.notNull())
			.addColumn('body', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('sent_at', 'text')
			.addColumn('last_error', 'text')
			.execute();
		await db.schema.createIndex('mail_outbox_created').on('mail_outbox').column('created_at').execute();
	}
};
