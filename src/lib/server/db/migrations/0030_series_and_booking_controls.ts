import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Issue #17: a series of visits booked from a treatment plan, and the clinic's booking controls.
 * - `appointment_series`: one row per series; its visits carry `appointment.series_id`.
 * - `appointment.approval`: 'pending' while a new patient's online booking waits for the desk (its
 *   grains are claimed all the while), 'approved' once the desk agreed; null for every other visit.
 * - `clinic.approve_new_patients` (0/1) and `clinic.max_upcoming_visits` (0: no limit).
 * - `service.min_notice_minutes` and `service.horizon_days`: null follows the clinic's rule.
 */
export const seriesAndBookingControls = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('appointment_series')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('plan_id', 'text')
			.addColumn('service_id', 'text', (c) => c.notNull())
			.addColumn('practitioner_id', 'text', (c) => c.notNull())
			.addColumn('planned_visits', 'integer', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('appointment_series_patient').on('appointment_series').column('patient_id').execute();
		await db.schema.alterTable('appointment').addColumn('series_id', 'text').execute();
		await db.schema.alterTable('appointment').addColumn('approval', 'text').execute();
		await db.schema.createIndex('appointment_series_visits').on('appointment').column('series_id').execute();
		await db.schema.createIndex('appointment_approval').on('appointment').column('approval').execute();
		await db.schema
			.alterTable('clinic')
			.addColumn('approve_new_patients', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
		await db.schema
			.alterTable('clinic')
			.addColumn('max_upcoming_visits', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
		await db.schema.alterTable('service').addColumn('min_notice_minutes', 'integer').execute();
		await db.schema.alterTable('service').addColumn('horizon_days', 'integer').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('service').dropColumn('horizon_days').execute();
		await db.schema.alterTable('service').dropColumn('min_notice_minutes').execute();
		await db.schema.alterTable('clinic').dropColumn('max_upcoming_visits').execute();
		await db.schema.alterTable('clinic').dropColumn('approve_new_patients').execute();
		await db.schema.dropIndex('appointment_approval').execute();
		await db.schema.dropIndex('appointment_series_visits').execute();
		await db.schema.alterTable('appointment').dropColumn('approval').execute();
		await db.schema.alterTable('appointment').dropColumn('series_id').execute();
		await db.schema.dropTable('appointment_series').execute();
	}
};
