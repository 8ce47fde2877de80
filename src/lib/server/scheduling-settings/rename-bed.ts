import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { TBedNames } from './schemas';

export type RenameBedResult = { ok: true } | { ok: false; code: 'not_found' };

export async function renameBed(db: Db, bedId: string, names: TBedNames, actor: AuditActor): Promise<RenameBedResult> {
	return withTransaction(db, async (tx) => {
		const updated = await tx.kysely.updateTable('bed').set({ name_ja: names.nameJa, name_en: names.nameEn }).where('id', '=', bedId).executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, { action: 'scheduling.bed_renamed', entityType: 'bed', entityId: bedId });
		return { ok: true } as const;
	});
}
