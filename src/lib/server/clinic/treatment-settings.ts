import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { updateClinic } from './clinic-repository';

/**
 * Whether the clinic offers cupping (吸玉). Neither licence act covers it, so it is the owner's
 * decision (docs/clinical-rules.md §6); when off, the session form hides it and the record refuses new entries.
 */
export async function setOffersCupping(db: Db, offered: boolean, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		await updateClinic(tx, { offers_cupping: offered ? 1 : 0 });
		await recordAudit(tx, actor, { action: 'clinic.offers_cupping_changed', entityType: 'clinic', detail: { offered } });
	});
}

/** On unless the owner turned it off; a database without a clinic row yet keeps the old default. */
export async function offersCupping(db: Db): Promise<boolean> {
	const clinic = await db.kysely.selectFrom('clinic').select('offers_cupping').executeTakeFirst();
	return clinic === undefined || Number(clinic.offers_cupping) === 1;
}
