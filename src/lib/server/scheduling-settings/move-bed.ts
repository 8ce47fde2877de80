import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockClinic } from './row-locks';
import { updateBed } from './settings-repository';

export type MoveBedResult = { ok: true } | { ok: false; code: 'not_found' };

/**
 * Moves a bed one place up or down. Online booking takes the first free bed in this order, so
 * the owner decides which bed fills first. The order is renumbered 1..n on every move.
 */
export async function moveBed(db: Db, bedId: string, direction: 'up' | 'down', actor: AuditActor): Promise<MoveBedResult> {
	return withTransaction(db, async (tx) => {
		await lockClinic(tx);
		const beds = await tx.kysely.selectFrom('bed').select(['id', 'sort_order']).orderBy('sort_order').orderBy('id').execute();
		const from = beds.findIndex((b) => b.id === bedId);
		if (from < 0) return { ok: false, code: 'not_found' } as const;
		const to = Math.min(beds.length - 1, Math.max(0, from + (direction === 'up' ? -1 : 1)));
		const order = beds.map((b) => b.id);
		order.splice(to, 0, ...order.splice(from, 1));
		for (const [index, id] of order.entries()) {
			if (beds.find((b) => b.id === id)!.sort_order !== index + 1) {
				await updateBed(tx, id, { sort_order: index + 1 });
			}
		}
		await recordAudit(tx, actor, { action: 'scheduling.bed_moved', entityType: 'bed', entityId: bedId, detail: { position: to + 1 } });
		return { ok: true } as const;
	});
}
