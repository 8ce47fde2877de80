import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The 転帰 of a patient's month (issue #19, docs/jukyo-claim.md §1): 継続 unless the desk records
 * that the course ended that month (治癒, 中止, 転医), which also ends the 施術期間 at the last visit.
 * Insert-only: the newest row of a patient-month holds.
 */
export const claimOutcome = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('jukyo_claim_outcome')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('month', 'text', (c) => c.notNull())
			.addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('continuing', 'cured', 'stopped', 'transferred')`))
			.addColumn('recorded_at', 'text', (c) => c.notNull())
			.addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
			.execute();
		await db.schema.createIndex('jukyo_claim_outcome_month').on('jukyo_claim_outcome').columns(['patient_id', 'month', 'recorded_at']).execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('jukyo_claim_outcome').execute();
	}
};
