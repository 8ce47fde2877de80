import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The treatment plan (issue #7): goals, frequency, review date, points and techniques; and the
 * practitioner's acknowledgements of the plan's conflicts with the safety alerts (docs/clinical-rules.md §3),
 * each with its reason. A saved plan closes the one before it: one active plan per patient.
 */
export function treatmentPlan(_dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('treatment_plan')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'closed')`))
				.addColumn('goals', 'text', (c) => c.notNull()) // JSON: [string]
				.addColumn('frequency_per_week', 'integer', (c) => c.notNull().check(sql`frequency_per_week between 1 and 7`))
				.addColumn('planned_sessions', 'integer', (c) => c.notNull().check(sql`planned_sessions between 1 and 100`))
				.addColumn('review_date', 'text', (c) => c.notNull()) // clinic-local YYYY-MM-DD
				.addColumn('points', 'text', (c) => c.notNull()) // JSON: [{ code, side, deep }]
				.addColumn('electroacupuncture', 'integer', (c) => c.notNull().check(sql`electroacupuncture in (0, 1)`))
				.addColumn('moxibustion', 'integer', (c) => c.notNull().check(sql`moxibustion in (0, 1)`))
				.addColumn('bloodletting', 'integer', (c) => c.notNull().check(sql`bloodletting in (0, 1)`))
				.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('treatment_plan_patient').on('treatment_plan').columns(['patient_id', 'created_at']).execute();
			// Two practitioners saving at once cannot leave two active plans (both engines take partial indexes).
			await sql`create unique index treatment_plan_one_active on treatment_plan (patient_id) where status = 'active'`.execute(db);

			await db.schema
				.createTable('contraindication_override')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('plan_id', 'text', (c) => c.references('treatment_plan.id'))
				// Set when a session record acknowledges a conflict of its own (session helper).
				.addColumn('session_id', 'text')
				.addColumn('alert_code', 'text', (c) => c.notNull())
				.addColumn('conflict', 'text', (c) => c.notNull()) // JSON: the PlanConflict acknowledged
				.addColumn('reason', 'text', (c) => c.notNull())
				.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('contraindication_override_patient').on('contraindication_override').columns(['patient_id', 'created_at']).execute();
			await db.schema.createIndex('contraindication_override_plan').on('contraindication_override').column('plan_id').execute();
		}
	};
}
