import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Reversing an insurer payment recorded by mistake (a typo in an amount): the payment and its parts
 * stay as written (insert-only), and this row, one per payment at most, takes them out of the claims'
 * paid figures; a claim it paid goes back to submitted and can be paid again correctly
 * (docs/jukyo-claim.md §13). The reason, who and when are kept.
 */
export const insurerPaymentReversal = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('jukyo_insurer_payment_reversal')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('payment_id', 'text', (c) => c.notNull().unique().references('jukyo_insurer_payment.id'))
			.addColumn('reason', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('jukyo_insurer_payment_reversal').execute();
	}
};
