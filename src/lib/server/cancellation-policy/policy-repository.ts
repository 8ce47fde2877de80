import type { CancellationPolicy } from '../../domain/billing/cancellation-fee';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { CancellationFeeSettlementTable, CancellationFeeTable, CancellationPolicyTable } from '../db/schema-cancellation-recall';

/* The reads of the cancellation policy that the booking, the desk and the settings share, and the writes of its tables. */

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

/** Whether `version` is one the clinic published (the booking keeps only those). */
export async function isPublishedPolicyVersion(db: Db, version: number): Promise<boolean> {
	const row = await db.kysely.selectFrom('cancellation_policy').select('version').where('version', '=', version).executeTakeFirst();
	return row !== undefined;
}

/* The cancellation tables' writes (docs/architecture.md, "One owner per table"). */

export async function insertPolicyVersion(db: Db, policy: Insertable<CancellationPolicyTable>): Promise<void> {
	await db.kysely.insertInto('cancellation_policy').values(policy).execute();
}

export async function insertCancellationFee(db: Db, fee: Insertable<CancellationFeeTable>): Promise<void> {
	await db.kysely.insertInto('cancellation_fee').values(fee).execute();
}

/** A fee collected or waived; the fee's one settlement. */
export async function insertFeeSettlement(db: Db, settlement: Insertable<CancellationFeeSettlementTable>): Promise<void> {
	await db.kysely.insertInto('cancellation_fee_settlement').values(settlement).execute();
}

/** A fee's kind and visit, for the courses' no-show rule (packages/no-show-use.ts). */
export async function findFeeVisit(db: Db, feeId: string): Promise<{ kind: string; appointment_id: string | null } | undefined> {
	return db.kysely.selectFrom('cancellation_fee').select(['kind', 'appointment_id']).where('id', '=', feeId).executeTakeFirst();
}
