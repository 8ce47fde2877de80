import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { consumeMagicLink } from './magic-link';
import { createPatientSession, deletePatientSession } from './patient-session';

export type PortalSignIn = { ok: true; patientId: string; token: string; expiresAt: Date } | { ok: false; code: 'link_invalid' };

/**
 * Turns a magic link into a portal session: the link is used up, the session made and the sign-in
 * audited together, so a failure leaves the link usable. The audit row names the patient as actor.
 */
export async function signInWithMagicLink(db: Db, linkToken: string, actor: AuditActor, now = db.clock.now()): Promise<PortalSignIn> {
	return withTransaction(db, async (tx) => {
		const patientId = await consumeMagicLink(tx, linkToken, now);
		if (!patientId) return { ok: false, code: 'link_invalid' } as const;
		const session = await createPatientSession(tx, patientId, now);
		await recordAudit(tx, { ...actor, type: 'patient', id: patientId }, { action: 'portal.sign_in', entityType: 'patient', entityId: patientId, patientId });
		return { ok: true, patientId, ...session } as const;
	});
}

/** Ends a portal session (the cookie's token); audited when there was one. */
export async function signOutOfPortal(db: Db, sessionToken: string | undefined, patientId: string | undefined, actor: AuditActor): Promise<void> {
	if (sessionToken) await deletePatientSession(db, sessionToken);
	if (patientId)
		await recordAudit(db, { ...actor, type: 'patient', id: patientId }, { action: 'portal.sign_out', entityType: 'patient', entityId: patientId, patientId });
}
