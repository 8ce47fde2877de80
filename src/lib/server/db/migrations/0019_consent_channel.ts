import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * How each consent answer was given (docs/clinical-rules.md §6: keep a record of the consent, its
 * version and time): `portal`, `desk` (the desk's tablet), `online_booking` (the privacy box of the
 * booking form) or `verbal` (treatment consent agreed aloud at the desk, with who took it in
 * `recorded_by_staff_id`). Earlier answers recorded by staff were given at the desk; the others in
 * the portal. Like the rest of a signature, the channel is never changed afterwards.
 */
export function consentChannel(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.alterTable('consent_signature')
				.addColumn('channel', 'text', (c) =>
					c
						.notNull()
						.defaultTo('portal')
						.check(sql`channel in ('portal', 'desk', 'online_booking', 'verbal')`)
				)
				.execute();
			await db.updateTable('consent_signature').set({ channel: 'desk' }).where('recorded_by_staff_id', 'is not', null).execute();
			if (dialect === 'sqlite') {
				await sql
					.raw(
						`CREATE TRIGGER consent_signature_channel_frozen BEFORE UPDATE OF channel ON consent_signature BEGIN SELECT RAISE(ABORT, 'consent_signature cannot be changed'); END`
					)
					.execute(db);
			} else {
				// consent_signature_frozen() comes with 0007.
				await sql
					.raw(
						`CREATE TRIGGER consent_signature_channel_frozen BEFORE UPDATE OF channel ON consent_signature FOR EACH ROW EXECUTE FUNCTION consent_signature_frozen()`
					)
					.execute(db);
			}
		}
	};
}
