import type { CancellationPolicy } from '../../domain/billing/cancellation-fee';
import type { Db } from '../db/database';

/* The reads of the cancellation policy that the booking, the desk and the settings share. */

export interface StoredPolicy extends CancellationPolicy {
	noteJa: string;
	noteEn: string;
	createdAt: string;
}

/** Every version, oldest first. */
export async function listPolicyVersions(db: Db): Promise<StoredPolicy[]> {
	const rows = await db.kysely.selectFrom('cancellation_policy').selectAll().orderBy('version').execute();
	return rows.map((r) => ({
		version: Number(r.version),
		freeUntilHours: Number(r.free_until_hours),
		lateFeeJpy: Number(r.late_fee_jpy),
		noShowFeeJpy: Number(r.no_show_fee_jpy),
		noteJa: r.note_ja,
		noteEn: r.note_en,
		createdAt: r.created_at
	}));
}

/** The policy in force: the newest version, or null when the clinic has written none. */
export async function currentPolicy(db: Db): Promise<StoredPolicy | null> {
	const versions = await listPolicyVersions(db);
	return versions.at(-1) ?? null;
}
