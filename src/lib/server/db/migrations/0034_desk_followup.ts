import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The desk's follow-up on issue #17.
 * - A no-show frees its time: `appointment.released_from` is the instant (on the 5-minute grain)
 *   from which a no-show's time is no longer held, so availability and the occupancy grains leave
 *   the rest of the visit free; null for every other visit, and again when the mark is cleared.
 * - Offering a freed slot reads the people waiting whose dates cover the slot's day: a partial
 *   index over the waiting entries' last date keeps that read to the entries still in range as
 *   the list and its history grow (both engines support partial indexes).
 */
export const deskFollowup = {
	async up(db: Kysely<any>) {
		await db.schema.alterTable('appointment').addColumn('released_from', 'text').execute();
		await db.schema
			.createIndex('waitlist_entry_waiting_until')
			.on('waitlist_entry')
			.columns(['date_to', 'date_from'])
			.where(sql.ref('status'), '=', 'waiting')
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropIndex('waitlist_entry_waiting_until').execute();
		await db.schema.alterTable('appointment').dropColumn('released_from').execute();
	}
};
