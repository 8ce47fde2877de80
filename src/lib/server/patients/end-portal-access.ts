import type { Db } from '../db/database';

/**
 * Ends every way into a patient's portal at once: their sessions and the sign-in links not used
 * yet. Called when the e-mail address that opened them is no longer the record's (a change of
 * address, a merge that keeps another address). Joins the caller's transaction. Returns the counts.
 */
export async function endPortalAccess(db: Db, patientId: string): Promise<{ sessions: number; links: number }> {
	const sessions = await db.kysely.deleteFrom('patient_session').where('patient_id', '=', patientId).executeTakeFirst();
	const links = await db.kysely.deleteFrom('patient_magic_link').where('patient_id', '=', patientId).where('used_at', 'is', null).executeTakeFirst();
	return { sessions: Number(sessions.numDeletedRows), links: Number(links.numDeletedRows) };
}
