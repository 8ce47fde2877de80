import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';

export type RemoveClosureResult = { ok: true } | { ok: false; code: 'not_found' };

/** Opens a closed day again, with the usual weekly hours. */
export async function removeClosure(db: Db, date: string, actor: AuditActor): Promise<RemoveClosureResult> {
	return withTransaction(db, async (tx) => {
		const removed = await tx.kysely.deleteFrom('clinic_closure').where('date', '=', date).executeTakeFirst();
		if (Number(removed.numDeletedRows) === 0) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, { action: 'scheduling.closure_removed', entityType: 'clinic_closure', entityId: date });
		return { ok: true } as const;
	});
}
