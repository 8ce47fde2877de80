import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockClinic } from './row-locks';
import type { TBedNames } from './schemas';
import { insertBed } from './settings-repository';

/** A new bed, last in the order in which bookings fill beds. */
export async function addBed(db: Db, names: TBedNames, actor: AuditActor): Promise<{ ok: true; bedId: string }> {
	return withTransaction(db, async (tx) => {
		// Under the clinic lock, two additions at once take different places in the order.
		const clinic = await lockClinic(tx);
		const last = await tx.kysely
			.selectFrom('bed')
			.select((eb) => eb.fn.max('sort_order').as('max'))
			.executeTakeFirst();
		const id = randomUUID();
		await insertBed(tx, { id, clinic_id: clinic.id, name_ja: names.nameJa, name_en: names.nameEn, sort_order: Number(last?.max ?? 0) + 1 });
		await recordAudit(tx, actor, { action: 'scheduling.bed_added', entityType: 'bed', entityId: id });
		return { ok: true, bedId: id } as const;
	});
}
