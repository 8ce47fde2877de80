import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { deleteTimeOff } from './settings-repository';

export type RemoveTimeOffResult = { ok: true } | { ok: false; code: 'not_found' };

export async function removeTimeOff(db: Db, practitionerId: string, timeOffId: string, actor: AuditActor): Promise<RemoveTimeOffResult> {
	return withTransaction(db, async (tx) => {
		if (!(await deleteTimeOff(tx, practitionerId, timeOffId))) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, { action: 'scheduling.time_off_removed', entityType: 'practitioner', entityId: practitionerId, detail: { timeOffId } });
		return { ok: true } as const;
	});
}
