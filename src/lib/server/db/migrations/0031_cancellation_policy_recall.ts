import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Cancellation policy and recall (issue #17).
 * - `cancellation_policy`: each saved policy is a new version (never updated), so the version a
 *   patient ticked at booking (`appointment.policy_version`) says what they agreed to.
 * - `cancellation_fee`: a late cancellation or a no-show under a policy with a fee; one per visit.
 *   It is settled once (`cancellation_fee_settlement`): collected at a later visit (as a charge of
 *   its own with its payment) or waived with a reason. Neither table is ever updated.
 * - `clinic.recall_weeks`: a patient without a plan is due N weeks after the last visit.
 * - `recall_invitation`: who was invited back, when and by whom.
 */
export const cancellationPolicyRecall = {
	async up(db: Kysely<any>) {
		const yen = (column: string) => (c: any) => c.notNull().check(sql.raw(`${column} >= 0`));
		await db.schema
			.createTable('cancellation_policy')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
			.addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
			.addColumn('free_until_hours', 'integer', (c) => c.notNull().check(sql`free_until_hours >= 0`))
			.addColumn('late_fee_jpy', 'integer', yen('late_fee_jpy'))
			.addColumn('no_show_fee_jpy', 'integer', yen('no_show_fee_jpy'))
			.addColumn('note_ja', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('note_en', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
			.addUniqueConstraint('cancellation_policy_version_unique', ['clinic_id', 'version'])
			.execute();
		await db.schema.alterTable('appointment').addColumn('policy_version', 'integer').execute();
		await db.schema
			.createTable('cancellation_fee')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('appointment_id', 'text', (c) => c.notNull().unique().references('appointment.id'))
			.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('late_cancellation', 'no_show')`))
			.addColumn('amount_jpy', 'integer', (c) => c.notNull().check(sql`amount_jpy > 0`))
			.addColumn('policy_version', 'integer', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by_staff_id', 'text', (c) => c.references('staff.id'))
			.execute();
		await db.schema.createIndex('cancellation_fee_patient').on('cancellation_fee').columns(['patient_id', 'created_at']).execute();
		await db.schema
			.createTable('cancellation_fee_settlement')
			.addColumn('fee_id', 'text', (c) => c.primaryKey().references('cancellation_fee.id'))
			.addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('collected', 'waived')`))
			.addColumn('charge_id', 'text', (c) => c.references('charge.id'))
			.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
			.addColumn('settled_at', 'text', (c) => c.notNull())
			.addColumn('settled_by', 'text', (c) => c.notNull().references('staff.id'))
			.execute();
		await db.schema
			.alterTable('clinic')
			.addColumn('recall_weeks', 'integer', (c) => c.notNull().defaultTo(8))
			.execute();
		await db.schema
			.createTable('recall_invitation')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
			.addColumn('channel', 'text', (c) => c.notNull())
			.addColumn('sent_at', 'text', (c) => c.notNull())
			.addColumn('sent_by', 'text', (c) => c.notNull().references('staff.id'))
			.execute();
		await db.schema.createIndex('recall_invitation_patient').on('recall_invitation').columns(['patient_id', 'sent_at']).execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('recall_invitation').execute();
		await db.schema.alterTable('clinic').dropColumn('recall_weeks').execute();
		await db.schema.dropTable('cancellation_fee_settlement').execute();
		await db.schema.dropTable('cancellation_fee').execute();
		await db.schema.alterTable('appointment').dropColumn('policy_version').execute();
		await db.schema.dropTable('cancellation_policy').execute();
	}
};
