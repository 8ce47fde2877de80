/* The aftercare_note table's writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { AftercareNoteTable } from '../db/schema';

export async function insertAftercareNote(db: Db, note: Insertable<AftercareNoteTable>): Promise<void> {
	await db.kysely.insertInto('aftercare_note').values(note).execute();
}
