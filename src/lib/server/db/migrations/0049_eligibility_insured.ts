import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * What the 申請書 needs from a check beyond the card's numbers (issue #19, docs/jukyo-claim.md §1):
 * the insurer's name, which the 申請 block addresses, and — when the patient is a family member
 * (家族, 未就学) — the 被保険者 who holds the insurance: name, 続柄, and the address and phone when
 * they differ from the patient's. Empty for checks recorded before. With a 公費, what the patient
 * still pays under it in a month (its 自己負担上限; null when not recorded), which sets the 公費 申請書's
 * amount.
 */
export const eligibilityInsured = {
	async up(db: Kysely<any>) {
		for (const column of ['insurer_name', 'insured_name', 'insured_relation', 'insured_postal_code', 'insured_address', 'insured_phone']) {
			await db.schema
				.alterTable('eligibility_check')
				.addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
				.execute();
		}
		await db.schema.alterTable('eligibility_check').addColumn('public_copay_monthly_jpy', 'integer').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('eligibility_check').dropColumn('public_copay_monthly_jpy').execute();
		for (const column of ['insurer_name', 'insured_name', 'insured_relation', 'insured_postal_code', 'insured_address', 'insured_phone']) {
			await db.schema.alterTable('eligibility_check').dropColumn(column).execute();
		}
	}
};
