import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Monthly plans, 月額 (issue #18; the rules are in src/lib/domain/packages/monthly.ts). Each month
 * of a plan is sold as a package sale of its own (its charge, ledger, expiry and refund are a
 * course's), so only what ties the months together is new:
 * - `package_plan_type`: the owner's type is a `package_type` row (visits = visits a month, price
 *   = the month's price) marked monthly by this row, with carry-over and the renewal day. 0036
 *   fixed `kind` to 'course' with a check SQLite cannot change without rebuilding four tables; the
 *   row here is what says "monthly", on both engines alike.
 * - `package_plan`: one patient's plan, with the terms copied from the type when it started (a
 *   later change of the type changes no plan), and when the desk stopped it.
 * - `package_plan_period`: which sale is which month of which plan. (plan, start) is unique, so
 *   two instances renewing at once create the month once.
 * - `appointment_plan`: the desk marked a booked visit to use the plan; which month it takes is
 *   decided when the visit is charged.
 */
export function monthlyPlans(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('package_plan_type')
				.addColumn('package_type_id', 'text', (c) => c.primaryKey().references('package_type.id'))
				.addColumn('carry_over', 'integer', (c) => c.notNull().check(sql`carry_over in (0, 1)`))
				.addColumn('renewal_day', 'integer', (c) => c.notNull().check(sql`renewal_day between 1 and 28`))
				.execute();

			await db.schema
				.createTable('package_plan')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('package_type_id', 'text', (c) => c.notNull().references('package_type.id'))
				.addColumn('name_ja', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('service_ids', 'text', (c) => c.notNull())
				.addColumn('visits_per_month', 'integer', (c) => c.notNull().check(sql`visits_per_month between 1 and 100`))
				.addColumn('monthly_price_jpy', 'integer', (c) => c.notNull().check(sql`monthly_price_jpy > 0`))
				.addColumn('carry_over', 'integer', (c) => c.notNull().check(sql`carry_over in (0, 1)`))
				.addColumn('renewal_day', 'integer', (c) => c.notNull().check(sql`renewal_day between 1 and 28`))
				.addColumn('family_shareable', 'integer', (c) => c.notNull().check(sql`family_shareable in (0, 1)`))
				.addColumn('started_on', 'text', (c) => c.notNull())
				.addColumn('started_at', 'text', (c) => c.notNull())
				.addColumn('started_by', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('stopped_on', 'text')
				.addColumn('stopped_at', 'text')
				.addColumn('stopped_by', 'text', (c) => c.references('staff.id'))
				.execute();
			await db.schema.createIndex('package_plan_patient').on('package_plan').columns(['patient_id', 'started_at']).execute();

			await db.schema
				.createTable('package_plan_period')
				.addColumn('package_sale_id', 'text', (c) => c.primaryKey().references('package_sale.id'))
				.addColumn('plan_id', 'text', (c) => c.notNull().references('package_plan.id'))
				.addColumn('period_start', 'text', (c) => c.notNull())
				.addColumn('period_end', 'text', (c) => c.notNull())
				.addUniqueConstraint('package_plan_period_month', ['plan_id', 'period_start'])
				.addCheckConstraint('package_plan_period_order', sql`period_end > period_start`)
				.execute();

			await db.schema
				.createTable('appointment_plan')
				.addColumn('appointment_id', 'text', (c) => c.primaryKey().references('appointment.id'))
				.addColumn('plan_id', 'text', (c) => c.notNull().references('package_plan.id'))
				.addColumn('marked_at', 'text', (c) => c.notNull())
				.addColumn('marked_by', 'text', (c) => c.references('staff.id'))
				.execute();

			// The terms as started and the months sold never change (only patient_id, for a merge, and the stop once).
			await freeze(db, dialect, 'package_plan', [
				'id',
				'clinic_id',
				'package_type_id',
				'name_ja',
				'name_en',
				'service_ids',
				'visits_per_month',
				'monthly_price_jpy',
				'carry_over',
				'renewal_day',
				'family_shareable',
				'started_on',
				'started_at',
				'started_by'
			]);
			await freeze(db, dialect, 'package_plan_period', ['package_sale_id', 'plan_id', 'period_start', 'period_end']);
		},
		async down(db: Kysely<any>) {
			for (const table of ['appointment_plan', 'package_plan_period', 'package_plan', 'package_plan_type']) await db.schema.dropTable(table).execute();
		}
	};
}

/** Every listed column, as 0036 freezes a sale (billing_row_frozen() comes with 0014). */
async function freeze(db: Kysely<any>, dialect: DialectName, table: string, columns: string[]) {
	if (dialect === 'sqlite') {
		for (const [name, event] of [
			['update', `UPDATE OF ${columns.join(', ')}`],
			['delete', 'DELETE']
		]) {
			await sql
				.raw(
					`CREATE TRIGGER ${table}_no_${name} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} cannot be changed or deleted: add a reversing row instead'); END`
				)
				.execute(db);
		}
	} else {
		await sql
			.raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OF ${columns.join(', ')} OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION billing_row_frozen()`)
			.execute(db);
	}
}
