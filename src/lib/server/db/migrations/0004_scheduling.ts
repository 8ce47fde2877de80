import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Scheduling and booking (issue #5). Double-booking is impossible in the schema itself: every
 * appointment writes one `occupancy` row per practitioner and per bed for each 5-minute grain it
 * holds, and the primary key (resource, grain) lets only one appointment have any grain.
 */
export const scheduling = {
	async up(db: Kysely<any>) {
		for (const [column, value] of [
			['slot_step_minutes', 15],
			['min_notice_minutes', 120],
			['horizon_days', 90],
			['cancellation_cutoff_hours', 24]
		] as const) {
			await db.schema
				.alterTable('clinic')
				.addColumn(column, 'integer', (c) => c.notNull().defaultTo(value))
				.execute();
		}

		await db.schema
			.createTable('clinic_closure')
			.addColumn('date', 'text', (c) => c.primaryKey())
			.addColumn('reason_ja', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('reason_en', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		// Japanese public holidays are closed unless the owner opens one here.
		await db.schema
			.createTable('holiday_opening')
			.addColumn('date', 'text', (c) => c.primaryKey())
			.execute();

		await db.schema
			.createTable('practitioner_hours')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('practitioner_id', 'text', (c) => c.notNull().references('practitioner.id').onDelete('cascade'))
			.addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 0 and 6`))
			.addColumn('starts', 'text', (c) => c.notNull())
			.addColumn('ends', 'text', (c) => c.notNull())
			.addCheckConstraint('practitioner_hours_order', sql`starts < ends`)
			.execute();
		await db.schema
			.createTable('practitioner_time_off')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('practitioner_id', 'text', (c) => c.notNull().references('practitioner.id').onDelete('cascade'))
			.addColumn('starts_at', 'text', (c) => c.notNull())
			.addColumn('ends_at', 'text', (c) => c.notNull())
			.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
			.addCheckConstraint('practitioner_time_off_order', sql`starts_at < ends_at`)
			.execute();
		await db.schema
			.createTable('practitioner_service')
			.addColumn('practitioner_id', 'text', (c) => c.notNull().references('practitioner.id').onDelete('cascade'))
			.addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
			.addPrimaryKeyConstraint('practitioner_service_pk', ['practitioner_id', 'service_id'])
			.execute();

		await db.schema
			.createTable('patient')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('family_name', 'text', (c) => c.notNull())
			.addColumn('given_name', 'text', (c) => c.notNull())
			.addColumn('family_name_kana', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('given_name_kana', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('email', 'text', (c) => c.notNull())
			.addColumn('phone', 'text', (c) => c.notNull())
			.addColumn('date_of_birth', 'text')
			.addColumn('preferred_locale', 'text', (c) => c.notNull().defaultTo('ja'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('patient_email').on('patient').column('email').execute();

		await db.schema
			.createTable('appointment')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.references('patient.id'))
			.addColumn('practitioner_id', 'text', (c) => c.notNull().references('practitioner.id'))
			.addColumn('bed_id', 'text', (c) => c.references('bed.id'))
			.addColumn('service_id', 'text', (c) => c.references('service.id'))
			.addColumn('starts_at', 'text', (c) => c.notNull())
			.addColumn('ends_at', 'text', (c) => c.notNull())
			// The end of the buffer after the treatment: what the occupancy rows cover.
			.addColumn('held_until', 'text', (c) => c.notNull())
			.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked', 'arrived', 'completed', 'no_show', 'cancelled', 'blocked')`))
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('first_visit', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('triage', 'text')
			.addColumn('manage_token_hash', 'text', (c) => c.unique())
			.addColumn('locale', 'text', (c) => c.notNull().defaultTo('ja'))
			.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('cancelled_at', 'text')
			.addCheckConstraint('appointment_order', sql`starts_at < ends_at and ends_at <= held_until`)
			.execute();
		await db.schema.createIndex('appointment_start').on('appointment').column('starts_at').execute();
		await db.schema.createIndex('appointment_practitioner_start').on('appointment').columns(['practitioner_id', 'starts_at']).execute();

		await db.schema
			.createTable('occupancy')
			.addColumn('resource', 'text', (c) => c.notNull())
			.addColumn('grain_start', 'text', (c) => c.notNull())
			.addColumn('appointment_id', 'text', (c) => c.notNull().references('appointment.id').onDelete('cascade'))
			.addPrimaryKeyConstraint('occupancy_pk', ['resource', 'grain_start'])
			.execute();
		await db.schema.createIndex('occupancy_appointment').on('occupancy').column('appointment_id').execute();

		await db.schema
			.createTable('idempotency_key')
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('request_hash', 'text', (c) => c.notNull())
			.addColumn('status_code', 'integer')
			.addColumn('body', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('job')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('payload', 'text', (c) => c.notNull())
			.addColumn('run_at', 'text', (c) => c.notNull())
			.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('locked_until', 'text')
			.addColumn('done_at', 'text')
			.addColumn('last_error', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('job_due').on('job').columns(['done_at', 'run_at']).execute();
	}
};
