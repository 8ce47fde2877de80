import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Whether the clinic offers cupping (吸玉), which neither licence act covers: the owner decides
 * (docs/clinical-rules.md §6). Existing clinics keep offering it, as they did when it was a constant. The
 * adverse event's own time (`occurred_at`) needs no column here: 0011 created it, filled with the
 * recording time, which is what an event recorded before this version keeps.
 */
export function clinicOffersCupping(_dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.alterTable('clinic')
				.addColumn('offers_cupping', 'integer', (c) =>
					c
						.notNull()
						.defaultTo(1)
						.check(sql`offers_cupping in (0, 1)`)
				)
				.execute();
		}
	};
}
