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

/** How many reports no one has handled yet (the console's attention count). */
export async function countUnhandledSideEffects(db: Db): Promise<number> {
	const row = await db.kysely
		.selectFrom('side_effect_report')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('handled_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
