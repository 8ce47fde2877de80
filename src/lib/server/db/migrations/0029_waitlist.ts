import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The waiting list (キャンセル待ち, issue #17). A patient waits for a service, with one practitioner
 * or anyone, between two clinic-local dates, at preferred weekdays and times. When a slot frees, the
 * longest-waiting person it fits is offered it, and the slot is held for them: the hold is an
 * appointment row (status `blocked`, source `waitlist_hold`) that claims occupancy like any visit,
 * so availability hides it and nobody else can book it. The schema itself keeps the promises:
 * - one offer per hold (unique `appointment_id`), so one held slot goes to one person;
 * - never the same slot twice to one person (unique entry, practitioner and start).
 */
export const waitlist = {
	async up(db: Kysely<any>) {
		await db.schema
			.alterTable('clinic')
			.addColumn('waitlist_hold_minutes', 'integer', (c) => c.notNull().defaultTo(30))
			.execute();
		await db.schema
			.createTable('waitlist_entry')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
			.addColumn('practitioner_id', 'text', (c) => c.references('practitioner.id'))
			// Clinic-local dates, both included.
			.addColumn('date_from', 'text', (c) => c.notNull())
			.addColumn('date_to', 'text', (c) => c.notNull())
			// JSON: [{ weekday, start, end }], clinic-local; [] is any time the clinic is open.
			.addColumn('times', 'text', (c) => c.notNull().defaultTo('[]'))
			.addColumn('locale', 'text', (c) => c.notNull().defaultTo('ja'))
			.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'booked', 'left')`))
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('closed_at', 'text')
			.addCheckConstraint('waitlist_entry_range', sql`date_from <= date_to`)
			.execute();
		// The matching query: the waiting entries, longest-waiting first.
		await db.schema.createIndex('waitlist_entry_waiting').on('waitlist_entry').columns(['status', 'created_at', 'id']).execute();
		await db.schema.createIndex('waitlist_entry_patient').on('waitlist_entry').column('patient_id').execute();

		await db.schema
			.createTable('waitlist_offer')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('entry_id', 'text', (c) => c.notNull().references('waitlist_entry.id'))
			// The hold while offered; the booked visit once accepted.
			.addColumn('appointment_id', 'text', (c) => c.notNull().unique().references('appointment.id'))
			.addColumn('practitioner_id', 'text', (c) => c.notNull().references('practitioner.id'))
			.addColumn('starts_at', 'text', (c) => c.notNull())
			.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('offered', 'accepted', 'declined', 'expired')`))
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('answered_at', 'text')
			.addUniqueConstraint('waitlist_offer_once', ['entry_id', 'practitioner_id', 'starts_at'])
			.execute();
		await db.schema.createIndex('waitlist_offer_open').on('waitlist_offer').columns(['status', 'entry_id']).execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('waitlist_offer').execute();
		await db.schema.dropTable('waitlist_entry').execute();
		await db.schema.alterTable('clinic').dropColumn('waitlist_hold_minutes').execute();
	}
};
