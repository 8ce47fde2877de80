import { randomUUID } from 'node:crypto';
import { isServiceCode } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { isUniqueViolation } from '../booking/occupancy';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockClinic } from './row-locks';
import type { TAddService } from './schemas';
import { serviceColumns } from './service-columns';
import { insertService } from './settings-repository';

export type AddServiceResult = { ok: true; serviceId: string } | { ok: false; code: 'invalid_code' | 'code_taken' };

/** A new service, last in the list. Nobody offers it until a practitioner's services include it. */
export async function addService(db: Db, service: TAddService, actor: AuditActor): Promise<AddServiceResult> {
	if (!isServiceCode(service.code)) return { ok: false, code: 'invalid_code' };
	const { code, ...fields } = service;
	try {
		return await withTransaction(db, async (tx) => {
			// Under the clinic lock, two additions at once take different places in the order.
			const clinic = await lockClinic(tx);
			const taken = await tx.kysely.selectFrom('service').select('id').where('code', '=', code).executeTakeFirst();
			if (taken) return { ok: false, code: 'code_taken' } as const;
			const last = await tx.kysely
				.selectFrom('service')
				.select((eb) => eb.fn.max('sort_order').as('max'))
				.executeTakeFirst();
			const id = randomUUID();
			await insertService(tx, { id, clinic_id: clinic.id, code, sort_order: Number(last?.max ?? -1) + 1, ...serviceColumns(fields) });
			await recordAudit(tx, actor, { action: 'scheduling.service_added', entityType: 'service', entityId: id, detail: { code, ...fields } });
			return { ok: true, serviceId: id } as const;
		});
	} catch (cause) {
		// The unique code decides between two owners adding the same code at once.
		if (isUniqueViolation(cause)) return { ok: false, code: 'code_taken' };
		throw cause;
	}
}
