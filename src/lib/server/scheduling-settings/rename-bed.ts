import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { TBedNames } from './schemas';
import { updateBed } from './settings-repository';

export type RenameBedResult = { ok: true } | { ok: false; code: 'not_found' };

export async function renameBed(db: Db, bedId: string, names: TBedNames, actor: AuditActor): Promise<RenameBedResult> {
	return withTransaction(db, async (tx) => {
		if (!(await updateBed(tx, bedId, { name_ja: names.nameJa, name_en: names.nameEn }))) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, { action: 'scheduling.bed_renamed', entityType: 'bed', entityId: bedId });
		return { ok: true } as const;
	});
}
