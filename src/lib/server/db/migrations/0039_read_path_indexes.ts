import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Availability (issue #21, measured by bench/availability-profile.ts and `npm run bench`) reads
 * every appointment that holds a practitioner or bed in the asked range: with every column it reads
 * in the index, a month's few hundred visits are read from the index alone, not each from its row.
 */
export const readPathIndexes = {
	async up(db: Kysely<any>) {
		await db.schema
			.createIndex('appointment_busy')
			.on('appointment')
			.columns(['starts_at', 'held_until', 'status', 'practitioner_id', 'bed_id', 'released_from'])
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropIndex('appointment_busy').execute();
	}
};
