import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Prepaid courses, 回数券 (issue #18; the rules are in src/lib/domain/packages/).
 * - `package_type`: what the owner offers. Edited and retired freely: a sale copies its terms.
 * - `package_sale`: one course sold to a patient, with the terms as sold and the self-pay charge
 *   that carries its price, payments and receipts in billing. Never changed but for `patient_id`
 *   (a duplicate merge), like every financial row.
 * - `package_entry`: the insert-only ledger (use, reinstate, expiry, refund). `entry_number` numbers
 *   the entries of a package 1, 2, 3 …: two desks writing from the same reading of the ledger
 *   both take the same number and the unique key lets only one in. A use also takes its
 *   `sequence`, unique per package. Remaining visits are derived, never stored.
 * - `package_family_member`: who besides the holder may use a shareable course.
 * - `appointment_package`: the desk marked a booked visit to use a course; the use itself is
 *   written when the visit is completed, never at booking.
 * - `package_settings`: the clinic's refund fee, the average damage it documented, and whether a
 *   charged no-show uses a visit.
 */
export function packages(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			const yen = (column: string) => (c: any) => c.notNull().check(sql.raw(`${column} >= 0`));
			await db.schema
				.createTable('package_type')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('kind', 'text', (c) =>
					c
						.notNull()
						.defaultTo('course')
						.check(sql`kind in ('course')`)
				)
				.addColumn('name_ja', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('service_ids', 'text', (c) => c.notNull()) // JSON: string[]
				.addColumn('visit_count', 'integer', (c) => c.notNull().check(sql`visit_count between 1 and 100`))
				.addColumn('price_jpy', 'integer', yen('price_jpy'))
				.addColumn('validity_months', 'integer', (c) => c.notNull().check(sql`validity_months between 1 and 60`))
				.addColumn('family_shareable', 'integer', (c) => c.notNull().check(sql`family_shareable in (0, 1)`))
				.addColumn('sold_online', 'integer', (c) => c.notNull().check(sql`sold_online in (0, 1)`))
				.addColumn('retired_at', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('package_sale')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('package_type_id', 'text', (c) => c.notNull().references('package_type.id'))
				.addColumn('charge_id', 'text', (c) => c.notNull().unique().references('charge.id'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('course')`))
				.addColumn('name_ja', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('service_ids', 'text', (c) => c.notNull())
				.addColumn('visit_count', 'integer', (c) => c.notNull().check(sql`visit_count between 1 and 100`))
				.addColumn('price_jpy', 'integer', yen('price_jpy'))
				.addColumn('validity_months', 'integer', (c) => c.notNull())
				.addColumn('family_shareable', 'integer', (c) => c.notNull().check(sql`family_shareable in (0, 1)`))
				.addColumn('sold_on', 'text', (c) => c.notNull())
				.addColumn('expires_on', 'text', (c) => c.notNull())
				.addColumn('sold_at', 'text', (c) => c.notNull())
				.addColumn('sold_by', 'text', (c) => c.notNull().references('staff.id'))
				.addCheckConstraint('package_sale_expires_after_sale', sql`expires_on > sold_on`)
				.execute();
			await db.schema.createIndex('package_sale_patient').on('package_sale').columns(['patient_id', 'sold_at']).execute();
			await db.schema.createIndex('package_sale_expires').on('package_sale').column('expires_on').execute();

			await db.schema
				.createTable('package_entry')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('package_sale_id', 'text', (c) => c.notNull().references('package_sale.id'))
				.addColumn('entry_number', 'integer', (c) => c.notNull().check(sql`entry_number >= 1`))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('use', 'reinstate', 'expiry', 'refund')`))
				// use and reinstate: the use's sequence; 0 otherwise.
				.addColumn('sequence', 'integer', (c) => c.notNull().check(sql`sequence >= 0`))
				// use: who used it (the holder or a family member); null otherwise.
				.addColumn('patient_id', 'text', (c) => c.references('patient.id'))
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('charge_id', 'text', (c) => c.references('charge.id'))
				.addColumn('visits', 'integer', (c) => c.notNull().check(sql`visits >= 0`))
				.addColumn('fee_jpy', 'integer', yen('fee_jpy'))
				.addColumn('amount_jpy', 'integer', yen('amount_jpy'))
				.addColumn('method', 'text', (c) => c.check(sql`method in ('cash', 'card', 'qr', 'bank_transfer')`))
				.addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}')) // JSON: the refund computation
				.addColumn('entered_at', 'text', (c) => c.notNull())
				.addColumn('recorded_by', 'text', (c) => c.references('staff.id'))
				.addUniqueConstraint('package_entry_number', ['package_sale_id', 'entry_number'])
				.addUniqueConstraint('package_entry_sequence', ['package_sale_id', 'kind', 'sequence'])
				.addCheckConstraint('package_entry_use_names_user', sql`(kind = 'use') = (patient_id is not null)`)
				.execute();
			await db.schema.createIndex('package_entry_appointment').on('package_entry').column('appointment_id').execute();
			await db.schema.createIndex('package_entry_at').on('package_entry').column('entered_at').execute();

			await db.schema
				.createTable('package_family_member')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('package_sale_id', 'text', (c) => c.notNull().references('package_sale.id'))
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('added_at', 'text', (c) => c.notNull())
				.addColumn('added_by', 'text', (c) => c.notNull().references('staff.id'))
				.execute();
			await db.schema.createIndex('package_family_member_sale').on('package_family_member').column('package_sale_id').execute();

			await db.schema
				.createTable('appointment_package')
				.addColumn('appointment_id', 'text', (c) => c.primaryKey().references('appointment.id'))
				.addColumn('package_sale_id', 'text', (c) => c.notNull().references('package_sale.id'))
				.addColumn('marked_at', 'text', (c) => c.notNull())
				.addColumn('marked_by', 'text', (c) => c.references('staff.id'))
				.execute();

			await db.schema
				.createTable('package_settings')
				.addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinic.id'))
				.addColumn('cancellation_fee_jpy', 'integer', yen('cancellation_fee_jpy'))
				.addColumn('documented_average_damage_jpy', 'integer', (c) => c.check(sql`documented_average_damage_jpy >= 0`))
				.addColumn('no_show_uses_visit', 'integer', (c) => c.notNull().check(sql`no_show_uses_visit in (0, 1)`))
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text', (c) => c.references('staff.id'))
				.execute();

			await freeze(db, dialect, 'package_sale', [
				'id',
				'clinic_id',
				'package_type_id',
				'charge_id',
				'kind',
				'name_ja',
				'name_en',
				'service_ids',
				'visit_count',
				'price_jpy',
				'validity_months',
				'family_shareable',
				'sold_on',
				'expires_on',
				'sold_at',
				'sold_by'
			]);
			await freeze(db, dialect, 'package_entry', [
				'id',
				'package_sale_id',
				'entry_number',
				'kind',
				'sequence',
				'appointment_id',
				'charge_id',
				'visits',
				'fee_jpy',
				'amount_jpy',
				'method',
				'detail',
				'entered_at',
				'recorded_by'
			]);
		},
		async down(db: Kysely<any>) {
			for (const table of ['package_settings', 'appointment_package', 'package_family_member', 'package_entry', 'package_sale', 'package_type'])
				await db.schema.dropTable(table).execute();
		}
	};
}

/** Every column but `patient_id` (a duplicate merge moves it), as billing does (0014). */
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
		// billing_row_frozen() comes with 0014.
		await sql
			.raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OF ${columns.join(', ')} OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION billing_row_frozen()`)
			.execute(db);
	}
}
