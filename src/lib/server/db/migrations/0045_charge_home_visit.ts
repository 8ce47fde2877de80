import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Where an insured visit was given, when not at the clinic (issue #19, docs/jukyo-claim.md §1, §3):
 * 訪問施術 (planned home care, with its tier by the patients treated at the place that day) or 往療
 * (an unplanned call), whether 特別地域加算 applies, and the reason the patient could not come
 * (1 cannot go out alone, 2 a disability such as dementia or impaired sight, 3 other), which the
 * 申請書 prints. The fees themselves are the charge's lines. Written once with the charge, never
 * changed, like every financial row.
 */
export function chargeHomeVisit(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('charge_home_visit')
				.addColumn('charge_id', 'text', (c) => c.primaryKey().references('charge.id'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('home_visit', 'house_call')`))
				.addColumn('tier', 'text', (c) => c.check(sql`tier in ('1', '2', '3', '3_ten_plus')`))
				.addColumn('special_area', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('reason', 'integer', (c) => c.notNull().check(sql`reason in (1, 2, 3)`))
				.execute();
			const message = 'charge_home_visit cannot be changed or deleted: void the charge instead';
			if (dialect === 'sqlite') {
				for (const [name, event] of [
					['update', 'UPDATE'],
					['delete', 'DELETE']
				]) {
					await sql
						.raw(`CREATE TRIGGER charge_home_visit_no_${name} BEFORE ${event} ON charge_home_visit BEGIN SELECT RAISE(ABORT, '${message}'); END`)
						.execute(db);
				}
			} else {
				// billing_row_frozen() comes with 0014.
				await sql
					.raw(`CREATE TRIGGER charge_home_visit_no_change BEFORE UPDATE OR DELETE ON charge_home_visit FOR EACH ROW EXECUTE FUNCTION billing_row_frozen()`)
					.execute(db);
			}
		},
		async down(db: Kysely<any>) {
			await db.schema.dropTable('charge_home_visit').execute();
		}
	};
}
