import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The owner's reports (issue #8) read a period's charges by service day; without this index every
 * report scans all charges ever made. (A patient's visits in time order are indexed since 0008.)
 */
export const reportIndexes = {
	async up(db: Kysely<any>) {
		await db.schema.createIndex('charge_service_date').on('charge').column('service_date').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropIndex('charge_service_date').execute();
	}
};
