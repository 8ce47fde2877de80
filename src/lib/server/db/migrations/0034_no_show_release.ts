import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * A no-show frees its time (issue #17): `released_from` is the instant (on the 5-minute grain)
 * from which a no-show's time is no longer held, so availability and the occupancy grains leave
 * the rest of the visit free; null for every other visit, and again when the mark is cleared.
 */
export const noShowRelease = {
	async up(db: Kysely<any>) {
		await db.schema.alterTable('appointment').addColumn('released_from', 'text').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('appointment').dropColumn('released_from').execute();
	}
};
