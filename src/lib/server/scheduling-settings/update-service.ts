import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { TUpdateService } from './schemas';
import { serviceColumns } from './service-columns';
import { updateServiceRow } from './settings-repository';

export type UpdateServiceResult = { ok: true } | { ok: false; code: 'not_found' };

/**
 * Names, length, buffer, price and flags of a service. Appointments already booked keep the
 * times they were booked with; only new bookings use the new length and buffer.
 */
export async function updateService(db: Db, change: TUpdateService, actor: AuditActor): Promise<UpdateServiceResult> {
	const { serviceId, ...fields } = change;
	return withTransaction(db, async (tx) => {
		if (!(await updateServiceRow(tx, serviceId, serviceColumns(fields)))) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, { action: 'scheduling.service_changed', entityType: 'service', entityId: serviceId, detail: { ...fields } });
		return { ok: true } as const;
	});
}
