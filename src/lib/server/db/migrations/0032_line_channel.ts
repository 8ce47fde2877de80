import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Reminders that answer back (issue #17) and LINE as a channel (issue #20): the clinic's reminder
 * timing per channel, the patient's LINE link with its consent and chosen channels, the login
 * attempts of LINE Login (state, nonce, PKCE verifier), the one-time connect links the follow
 * greeting sends, the webhook events already taken (so a redelivery is handled once), and the
 * pushes that failed for good (the owner sees them; the mail went instead).
 */
export const lineChannel = {
	async up(db: Kysely<any>) {
		// Hours before the visit, comma-separated, e.g. "24,2".
		await db.schema
			.alterTable('clinic')
			.addColumn('reminder_hours_mail', 'text', (c) => c.notNull().defaultTo('24'))
			.execute();
		await db.schema
			.alterTable('clinic')
			.addColumn('reminder_hours_line', 'text', (c) => c.notNull().defaultTo('24'))
			.execute();

		await db.schema
			.createTable('line_link')
			.addColumn('patient_id', 'text', (c) => c.primaryKey().references('patient.id'))
			.addColumn('line_user_id', 'text', (c) => c.notNull().unique())
			.addColumn('channels', 'text', (c) => c.notNull().defaultTo('both'))
			.addColumn('consent_version', 'text', (c) => c.notNull())
			.addColumn('linked_at', 'text', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('line_login_attempt')
			.addColumn('state', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('nonce', 'text', (c) => c.notNull())
			.addColumn('code_verifier', 'text', (c) => c.notNull())
			.addColumn('connect_token_hash', 'text')
			.addColumn('consent_version', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('used_at', 'text')
			.execute();
		await db.schema.createIndex('line_login_attempt_patient').on('line_login_attempt').column('patient_id').execute();

		await db.schema
			.createTable('line_connect_token')
			.addColumn('token_hash', 'text', (c) => c.primaryKey())
			.addColumn('line_user_id', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('used_at', 'text')
			.execute();

		await db.schema
			.createTable('line_webhook_event')
			.addColumn('webhook_event_id', 'text', (c) => c.primaryKey())
			.addColumn('received_at', 'text', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('line_delivery_failure')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('message_kind', 'text', (c) => c.notNull())
			.addColumn('error', 'text', (c) => c.notNull())
			.addColumn('fell_back_to_mail', 'integer', (c) => c.notNull())
			.addColumn('failed_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('line_delivery_failure_patient').on('line_delivery_failure').column('patient_id').execute();
	},
	async down(db: Kysely<any>) {
		for (const table of ['line_delivery_failure', 'line_webhook_event', 'line_connect_token', 'line_login_attempt', 'line_link'])
			await db.schema.dropTable(table).execute();
		await db.schema.alterTable('clinic').dropColumn('reminder_hours_line').execute();
		await db.schema.alterTable('clinic').dropColumn('reminder_hours_mail').execute();
	}
};
