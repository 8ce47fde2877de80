import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { deleteClosure } from './settings-repository';

export type RemoveClosureResult = { ok: true } | { ok: false; code: 'not_found' };

/** Opens a closed day again, with the usual weekly hours. */
export async function removeClosure(db: Db, date: string, actor: AuditActor): Promise<RemoveClosureResult> {
	return withTransaction(db, async (tx) => {
		if (!(await deleteClosure(tx, date))) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, { action: 'scheduling.closure_removed', entityType: 'clinic_closure', entityId: date });
		return { ok: true } as const;
	});
}
