/* The contact_message table's writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { ContactMessageTable } from '../db/schema';

export async function insertContactMessage(db: Db, message: Insertable<ContactMessageTable>): Promise<void> {
	await db.kysely.insertInto('contact_message').values(message).execute();
}

/** Marks a message handled; false when it was not there or already handled. */
export async function markContactMessageRowHandled(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db.kysely.updateTable('contact_message').set({ handled_at: at }).where('id', '=', id).where('handled_at', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
