import type { Db } from '../db/database';
import { deleteUnusedMagicLinksOf } from '../portal/magic-link';
import { deletePatientSessionsOf } from '../portal/patient-session';

/**
 * Ends every way into a patient's portal at once: their sessions and the sign-in links not used
 * yet. Called when the e-mail address that opened them is no longer the record's (a change of
 * address, a merge that keeps another address). Joins the caller's transaction. Returns the counts.
 */
export async function endPortalAccess(db: Db, patientId: string): Promise<{ sessions: number; links: number }> {
	const sessions = await deletePatientSessionsOf(db, patientId);
	const links = await deleteUnusedMagicLinksOf(db, patientId);
	return { sessions, links };
}
