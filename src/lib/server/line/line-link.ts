import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { NotificationChannels } from '../db/schema-line';
import { withTransaction } from '../db/transaction';
import { deleteConnectTokensOf, deleteLineLink, insertConnectToken, setLineLinkChannels } from './line-repository';

/** The version of the "notifications by LINE" consent text (messages `line.consent*`); raise it when the text changes. */
export const LINE_CONSENT_VERSION = '1';

export const CONNECT_TOKEN_TTL_MS = 24 * 3_600_000;

export interface LineLinkView {
	linkedAt: string;
	channels: NotificationChannels;
	consentVersion: string;
}

/** The patient's link as the portal and the desk show it: never the LINE user id itself. */
export async function findLineLink(db: Db, patientId: string): Promise<LineLinkView | null> {
	const row = await db.kysely
		.selectFrom('line_link')
		.select(['linked_at', 'channels', 'consent_version'])
		.where('patient_id', '=', patientId)
		.executeTakeFirst();
	return row ? { linkedAt: row.linked_at, channels: row.channels, consentVersion: row.consent_version } : null;
}

/**
 * Disconnects the patient (withdrawn consent, or the desk's deletion): from this moment no LINE
 * message goes to them; pushes already queued find no link and stop (line-push-job.ts).
 */
export async function disconnectLine(db: Db, patientId: string, actor: AuditActor, reason: 'withdrawn' | 'unfollow'): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		if (!(await deleteLineLink(tx, patientId))) return false;
		await recordAudit(tx, actor, { action: 'line.unlink', entityType: 'patient', entityId: patientId, patientId, detail: { reason } });
		return true;
	});
}

/** Blocking the account (unfollow) stops all LINE messages to whoever it was linked to, and voids their connect links. */
export async function forgetLineUser(db: Db, lineUserId: string): Promise<void> {
	await withTransaction(db, async (tx) => {
		const link = await tx.kysely.selectFrom('line_link').select('patient_id').where('line_user_id', '=', lineUserId).executeTakeFirst();
		if (link) await disconnectLine(tx, link.patient_id, SYSTEM_ACTOR, 'unfollow');
		await deleteConnectTokensOf(tx, lineUserId);
	});
}

export async function setNotificationChannels(db: Db, patientId: string, channels: NotificationChannels, actor: AuditActor): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		if (!(await setLineLinkChannels(tx, patientId, channels))) return false;
		await recordAudit(tx, actor, { action: 'line.channels', entityType: 'patient', entityId: patientId, patientId, detail: { channels } });
		return true;
	});
}

/**
 * The one-time link the follow greeting carries. It links nothing by itself: the patient still
 * signs in to the portal and logs in with LINE, and the login must be the LINE account that
 * followed (line-login.ts), so a link forwarded to or found by someone else connects nothing.
 */
export async function createConnectToken(db: Db, lineUserId: string, now = db.clock.now()): Promise<string> {
	const token = randomToken();
	await insertConnectToken(db, {
		token_hash: sha256Hex(token),
		line_user_id: lineUserId,
		created_at: now.toISOString(),
		expires_at: new Date(now.getTime() + CONNECT_TOKEN_TTL_MS).toISOString(),
		used_at: null
	});
	return token;
}

/** Whether a connect token is live (neither used nor expired). */
export async function isLiveConnectToken(db: Db, token: string, now = db.clock.now()): Promise<boolean> {
	const row = await db.kysely.selectFrom('line_connect_token').select(['expires_at', 'used_at']).where('token_hash', '=', sha256Hex(token)).executeTakeFirst();
	return Boolean(row && row.used_at === null && row.expires_at > now.toISOString());
}
