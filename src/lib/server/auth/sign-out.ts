import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { deleteSession } from './session';

export async function signOut(db: Db, token: string | undefined, staffId: string | undefined, actor: AuditActor): Promise<void> {
	if (token) await deleteSession(db, token);
	if (staffId) await recordAudit(db, actor, { action: 'auth.sign_out', entityType: 'staff', entityId: staffId });
}
