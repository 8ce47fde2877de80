import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Issue #16, sign-in that holds against a stolen password. A second factor is now required of
 * every staff role; the owner may let reception sign in without one (`reception_totp_optional`),
 * which is off for every clinic, new or upgraded: `require_totp_for_all` is no longer read.
 * An invitation the owner takes back keeps its row, marked `revoked_at`, so the link stops working
 * and the list says what happened.
 */
export function staffSecondFactor(_dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.alterTable('clinic')
				.addColumn('reception_totp_optional', 'integer', (c) =>
					c
						.notNull()
						.defaultTo(0)
						.check(sql`reception_totp_optional in (0, 1)`)
				)
				.execute();
			await db.schema.alterTable('staff_invitation').addColumn('revoked_at', 'text').execute();
		}
	};
}
