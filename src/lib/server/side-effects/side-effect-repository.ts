/* The side_effect_report table's writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { SideEffectReportTable } from '../db/schema';

export async function insertSideEffectReport(db: Db, report: Insertable<SideEffectReportTable>): Promise<void> {
	await db.kysely.insertInto('side_effect_report').values(report).execute();
}

/** Marks a report handled unless someone already has. */
export async function markSideEffectReportHandled(db: Db, id: string, staffId: string, at: string): Promise<void> {
	await db.kysely.updateTable('side_effect_report').set({ handled_at: at, handled_by: staffId }).where('id', '=', id).where('handled_at', 'is', null).execute();
}
