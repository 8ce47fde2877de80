/* The recall_invitation table's writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { RecallInvitationTable } from '../db/schema-cancellation-recall';

export async function insertRecallInvitation(db: Db, invitation: Insertable<RecallInvitationTable>): Promise<void> {
	await db.kysely.insertInto('recall_invitation').values(invitation).execute();
}
