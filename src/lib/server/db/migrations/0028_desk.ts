import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The desk (issue #22).
 *
 * `practitioner.concurrent_patients`: how many patients a practitioner may have at the same time
 * (one on each bed while needles are retained). Occupancy holds the practitioner under the keys
 * `practitioner:<id>` (the first place, as before) and `practitioner:<id>#<k>` for k = 1 … n − 1,
 * so the `(resource, grain_start)` key still refuses any grain past the practitioner's capacity.
 * Existing rows need no change: every practitioner starts with one place.
 *
 * `clinic.invoice_registration_number`: the clinic's 適格請求書発行事業者 registration number
 * ('T' and 13 digits), printed on receipts; empty when the clinic is not registered.
 */
export const desk = {
	async up(db: Kysely<any>) {
		await db.schema
			.alterTable('practitioner')
			.addColumn('concurrent_patients', 'integer', (c) =>
				c
					.notNull()
					.defaultTo(1)
					.check(sql`concurrent_patients between 1 and 8`)
			)
			.execute();
		await db.schema
			.alterTable('clinic')
			.addColumn('invoice_registration_number', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('clinic').dropColumn('invoice_registration_number').execute();
		await db.schema.alterTable('practitioner').dropColumn('concurrent_patients').execute();
	}
};
