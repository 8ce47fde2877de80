import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The patient's answer to a reminder (issues #17 and #20): "I'll come" sets `confirmed_at`,
 * "I need to change" sets `change_requested_at`; `answered_via` says where the answer came from
 * ('mail', 'line' or 'desk'). The schedule and the desk's list of tomorrow's visits read them.
 */
export const attendanceAnswer = {
	async up(db: Kysely<any>) {
		await db.schema.alterTable('appointment').addColumn('confirmed_at', 'text').execute();
		await db.schema.alterTable('appointment').addColumn('change_requested_at', 'text').execute();
		await db.schema.alterTable('appointment').addColumn('answered_via', 'text').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('appointment').dropColumn('answered_via').execute();
		await db.schema.alterTable('appointment').dropColumn('change_requested_at').execute();
		await db.schema.alterTable('appointment').dropColumn('confirmed_at').execute();
	}
};
