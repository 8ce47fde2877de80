import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * A 施術報告書 whose 交付料 could reach no claim (no insured visit on or before its day in its month,
 * or the month's claim already submitted or paid) is issued only when the desk chooses to issue it
 * without the fee (docs/jukyo-claim.md §9). `without_fee_reason` records that choice on the report
 * with why the fee could not land ('no_visit_yet' | 'claim_closed'); null for every other report.
 */
export const doctorReportWithoutFee = {
	async up(db: Kysely<any>) {
		await db.schema.alterTable('jukyo_doctor_report').addColumn('without_fee_reason', 'text').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('jukyo_doctor_report').dropColumn('without_fee_reason').execute();
	}
};
