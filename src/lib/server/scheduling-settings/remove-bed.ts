import { recordAudit, type AuditActor } from '../audit/audit-log';
import { countVisitsHoldingBed, releaseBedFromAppointments, visitIdsDoneWithBed } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { deleteBed } from './settings-repository';

export type RemoveBedResult =
	{ ok: true } | { ok: false; code: 'not_found' } | { ok: false; code: 'bed_in_use'; appointments: number } | { ok: false; code: 'last_bed' };

/**
 * Removes a bed no future appointment uses. Past and cancelled appointments let go of it (their
 * bed is history nobody books against). The last bed stays while a service needs one, or online
 * booking of that service would silently stop.
 */
export async function removeBed(db: Db, bedId: string, actor: AuditActor, now = db.clock.now().getTime()): Promise<RemoveBedResult> {
	const nowIso = new Date(now).toISOString();
	try {
		return await withTransaction(db, async (tx) => {
			const bed = await tx.kysely.selectFrom('bed').select('id').where('id', '=', bedId).executeTakeFirst();
			if (!bed) return { ok: false, code: 'not_found' } as const;
			const future = await countVisitsHoldingBed(tx, bedId, nowIso);
			if (future > 0) return { ok: false, code: 'bed_in_use', appointments: future } as const;
			const beds = await tx.kysely.selectFrom('bed').select('id').execute();
			const needingBed = await tx.kysely.selectFrom('service').select('id').where('needs_bed', '=', 1).executeTakeFirst();
			if (beds.length === 1 && needingBed) return { ok: false, code: 'last_bed' } as const;
			// Only rows read here are released: a booking that commits meanwhile keeps its bed, and its
			// reference then stops the delete below.
			const pastIds = await visitIdsDoneWithBed(tx, bedId, nowIso);
			for (let i = 0; i < pastIds.length; i += 500) {
				await releaseBedFromAppointments(tx, bedId, pastIds.slice(i, i + 500));
			}
			await deleteBed(tx, bedId);
			const detail = { pastAppointmentsReleased: pastIds.length };
			await recordAudit(tx, actor, { action: 'scheduling.bed_removed', entityType: 'bed', entityId: bedId, detail });
			return { ok: true } as const;
		});
	} catch (cause) {
		// A booking for this bed that committed after the check holds a reference: the bed stays.
		if (isForeignKeyViolation(cause)) return { ok: false, code: 'bed_in_use', appointments: 1 };
		throw cause;
	}
}

function isForeignKeyViolation(cause: unknown): boolean {
	const code = (cause as { code?: unknown } | null)?.code;
	return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
