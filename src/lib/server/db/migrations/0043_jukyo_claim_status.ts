import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The monthly 受領委任 claim after the draft (issue #19, docs/jukyo-claim.md §11–§13). Every table is
 * insert-only: a change is a new row, never an edit.
 * - `jukyo_month_confirmation`: the patient (or a 代理人) confirmed the month's treatment dates and
 *   signed; the dates are kept so a later visit shows the signature no longer covers the month.
 * - `jukyo_claim_version`: a 申請書 marked ready, with the frozen form; a returned (返戻) claim is
 *   corrected as a new version linked to the one before.
 * - `jukyo_claim_event`: submitted / returned / reopened / paid, numbered per version so two desks
 *   cannot move one claim twice at once.
 * - `jukyo_insurer_payment` and `jukyo_payment_claim`: money received from an insurer, and the part
 *   of it for each claim it covers (integer yen).
 */
export const jukyoClaimStatus = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('jukyo_month_confirmation')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('month', 'text', (c) => c.notNull())
			.addColumn('confirmed_dates', 'text', (c) => c.notNull())
			.addColumn('signed_on', 'text', (c) => c.notNull())
			.addColumn('signer_kind', 'text', (c) => c.notNull().check(sql`signer_kind in ('patient', 'proxy')`))
			.addColumn('signer_name', 'text', (c) => c.notNull())
			.addColumn('proxy_relation', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('proxy_reason', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('signature_kind', 'text', (c) => c.notNull().check(sql`signature_kind in ('drawn', 'typed')`))
			.addColumn('signature_path', 'text')
			.addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('jukyo_month_confirmation_patient_month')
			.on('jukyo_month_confirmation')
			.columns(['patient_id', 'month', 'created_at'])
			.execute();

		await db.schema
			.createTable('jukyo_claim_version')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('month', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('main', 'public_expense')`))
			.addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
			.addColumn('previous_id', 'text', (c) => c.references('jukyo_claim_version.id'))
			.addColumn('destination', 'text', (c) => c.notNull())
			.addColumn('total_jpy', 'integer', (c) => c.notNull().check(sql`total_jpy >= 0`))
			.addColumn('claim_jpy', 'integer', (c) => c.notNull().check(sql`claim_jpy >= 0`))
			.addColumn('snapshot', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
			.addUniqueConstraint('jukyo_claim_version_number', ['patient_id', 'month', 'kind', 'version'])
			.execute();
		await db.schema.createIndex('jukyo_claim_version_month').on('jukyo_claim_version').columns(['month', 'patient_id']).execute();

		await db.schema
			.createTable('jukyo_insurer_payment')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('received_on', 'text', (c) => c.notNull())
			.addColumn('amount_jpy', 'integer', (c) => c.notNull().check(sql`amount_jpy >= 0`))
			.addColumn('destination', 'text', (c) => c.notNull())
			.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
			.execute();

		await db.schema
			.createTable('jukyo_claim_event')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('claim_version_id', 'text', (c) => c.notNull().references('jukyo_claim_version.id'))
			.addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
			.addColumn('event', 'text', (c) => c.notNull().check(sql`event in ('submitted', 'returned', 'reopened', 'paid')`))
			.addColumn('on_date', 'text', (c) => c.notNull())
			.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('payment_id', 'text', (c) => c.references('jukyo_insurer_payment.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
			.addUniqueConstraint('jukyo_claim_event_seq', ['claim_version_id', 'seq'])
			.execute();

		await db.schema
			.createTable('jukyo_payment_claim')
			.addColumn('payment_id', 'text', (c) => c.notNull().references('jukyo_insurer_payment.id'))
			.addColumn('claim_version_id', 'text', (c) => c.notNull().references('jukyo_claim_version.id'))
			.addColumn('amount_jpy', 'integer', (c) => c.notNull().check(sql`amount_jpy >= 0`))
			.addPrimaryKeyConstraint('jukyo_payment_claim_pk', ['payment_id', 'claim_version_id'])
			.execute();
		await db.schema.createIndex('jukyo_payment_claim_claim').on('jukyo_payment_claim').column('claim_version_id').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('jukyo_payment_claim').execute();
		await db.schema.dropTable('jukyo_claim_event').execute();
		await db.schema.dropTable('jukyo_insurer_payment').execute();
		await db.schema.dropTable('jukyo_claim_version').execute();
		await db.schema.dropTable('jukyo_month_confirmation').execute();
	}
};
