import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';

/** The clinic can require a second factor for every staff account, not only the owner's. */
export async function setRequireTotpForAll(db: Db, required: boolean, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		await tx.kysely.updateTable('clinic').set({ require_totp_for_all: required ? 1 : 0 }).execute();
		await recordAudit(tx, actor, { action: 'clinic.require_totp_changed', entityType: 'clinic', detail: { required } });
	});
}
