/* The examination table's writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { ExaminationTable } from '../db/schema-examination';

export async function insertExamination(db: Db, examination: Insertable<ExaminationTable>): Promise<void> {
	await db.kysely.insertInto('examination').values(examination).execute();
}

/** The practitioner's confirmed root and pattern. */
export async function updateExaminationDecision(db: Db, examId: string, root: string | null, pattern: string | null, at: string): Promise<void> {
	await db.kysely.updateTable('examination').set({ confirmed_root: root, pattern, updated_at: at }).where('id', '=', examId).execute();
}

/** Records who took on the red flags and why; false when someone already had. */
export async function acknowledgeExaminationRedFlags(db: Db, examId: string, staffId: string, reason: string, at: string): Promise<boolean> {
	const done = await db.kysely
		.updateTable('examination')
		.set({ red_flag_acknowledged_at: at, red_flag_acknowledged_by: staffId, red_flag_acknowledgement: reason, updated_at: at })
		.where('id', '=', examId)
		.where('red_flag_acknowledged_at', 'is', null)
		.executeTakeFirst();
	return Number(done.numUpdatedRows) === 1;
}
