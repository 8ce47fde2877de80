import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The insurance card an insured charge was made under. The monthly claim goes to the insurer of
 * the visit's day: a patient who changes jobs mid-month has two insurers that month, and the card on
 * record now is only the latest. Kept like every financial row: written once, never changed.
 * Charges made before this migration have no row; their claim falls back to the card on record.
 */
export function chargeInsuranceCard(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('charge_insurance_card')
				.addColumn('charge_id', 'text', (c) => c.primaryKey().references('charge.id'))
				.addColumn('insurer_number', 'text', (c) => c.notNull())
				.addColumn('insurance_symbol', 'text', (c) => c.notNull())
				.addColumn('insurance_number', 'text', (c) => c.notNull())
				.addColumn('insurance_branch', 'text', (c) => c.notNull())
				.execute();
			const message = 'charge_insurance_card cannot be changed or deleted: add a reversing row instead';
			if (dialect === 'sqlite') {
				for (const [name, event] of [
					['update', 'UPDATE'],
					['delete', 'DELETE']
				]) {
					await sql
						.raw(`CREATE TRIGGER charge_insurance_card_no_${name} BEFORE ${event} ON charge_insurance_card BEGIN SELECT RAISE(ABORT, '${message}'); END`)
						.execute(db);
				}
			} else {
				// billing_row_frozen() comes with 0014.
				await sql
					.raw(
						`CREATE TRIGGER charge_insurance_card_no_change BEFORE UPDATE OR DELETE ON charge_insurance_card FOR EACH ROW EXECUTE FUNCTION billing_row_frozen()`
					)
					.execute(db);
			}
		},
		async down(db: Kysely<any>) {
			await db.schema.dropTable('charge_insurance_card').execute();
		}
	};
}
