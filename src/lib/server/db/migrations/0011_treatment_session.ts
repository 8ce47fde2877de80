import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The treatment session record (issue #7, docs/clinical-rules.md §3 and §6): points, needles in and out,
 * techniques, the retention timer, adverse events and amendments after the 24-hour lock. The
 * schema itself refuses a closed session whose needle counts differ, and negative counts.
 */
export function treatmentSession(_dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('treatment_session')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('practitioner_staff_id', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('bed_id', 'text', (c) => c.references('bed.id'))
				.addColumn('started_at', 'text', (c) => c.notNull())
				.addColumn('closed_at', 'text')
				.addColumn('pre_leg_pain', 'integer', (c) => c.check(sql`pre_leg_pain between 0 and 10`))
				.addColumn('pre_back_pain', 'integer', (c) => c.check(sql`pre_back_pain between 0 and 10`))
				.addColumn('check_in_id', 'text', (c) => c.references('outcome_check_in.id'))
				.addColumn('needles_in', 'integer', (c) =>
					c
						.notNull()
						.defaultTo(0)
						.check(sql`needles_in >= 0`)
				)
				.addColumn('needles_out', 'integer', (c) =>
					c
						.notNull()
						.defaultTo(0)
						.check(sql`needles_out >= 0`)
				)
				.addColumn('retention_minutes', 'integer', (c) =>
					c
						.notNull()
						.defaultTo(20)
						.check(sql`retention_minutes between 1 and 120`)
				)
				.addColumn('timer_started_at', 'text')
				.addColumn('techniques', 'text', (c) => c.notNull().defaultTo('{}'))
				.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addCheckConstraint('treatment_session_needles_counted', sql`closed_at is null or needles_in = needles_out`)
				.execute();
			await db.schema.createIndex('treatment_session_patient').on('treatment_session').columns(['patient_id', 'started_at']).execute();

			await db.schema
				.createTable('session_point')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('session_id', 'text', (c) => c.notNull().references('treatment_session.id'))
				.addColumn('code', 'text', (c) => c.notNull())
				.addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('left', 'right', 'both', 'midline')`))
				.addColumn('gauge', 'text')
				.addColumn('length_mm', 'integer')
				.addColumn('depth_mm', 'integer')
				.addColumn('technique', 'text')
				.addColumn('deqi', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('session_point_session').on('session_point').column('session_id').execute();

			await db.schema
				.createTable('session_amendment')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('session_id', 'text', (c) => c.notNull().references('treatment_session.id'))
				.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('reason', 'text', (c) => c.notNull())
				.addColumn('before', 'text', (c) => c.notNull())
				.addColumn('after', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('session_amendment_session').on('session_amendment').columns(['session_id', 'created_at']).execute();

			await db.schema
				.createTable('adverse_event')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('session_id', 'text', (c) => c.references('treatment_session.id'))
				.addColumn('occurred_at', 'text', (c) => c.notNull())
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('bruising', 'bleeding', 'pain', 'fatigue', 'fainting', 'other')`))
				.addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('mild', 'moderate', 'serious')`))
				.addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('resolved', 'resolving', 'ongoing', 'referred')`))
				.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('adverse_event_patient').on('adverse_event').columns(['patient_id', 'occurred_at']).execute();
			await db.schema.createIndex('adverse_event_session').on('adverse_event').column('session_id').execute();
		}
	};
}
