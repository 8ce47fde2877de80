/* The LINE tables' writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { LineConnectTokenTable, LineDeliveryFailureTable, LineLinkTable, LineLoginAttemptTable, NotificationChannels } from '../db/schema-line';

/** Records a webhook event id; false when it was already there (LINE redelivered it). */
export async function insertWebhookEventOnce(db: Db, webhookEventId: string, receivedAt: string): Promise<boolean> {
	const inserted = await db.kysely
		.insertInto('line_webhook_event')
		.values({ webhook_event_id: webhookEventId, received_at: receivedAt })
		.onConflict((conflict) => conflict.column('webhook_event_id').doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 0;
}

export async function insertLineLink(db: Db, link: Insertable<LineLinkTable>): Promise<void> {
	await db.kysely.insertInto('line_link').values(link).execute();
}

/** Removes a patient's LINE link; false when there was none. */
export async function deleteLineLink(db: Db, patientId: string): Promise<boolean> {
	const removed = await db.kysely.deleteFrom('line_link').where('patient_id', '=', patientId).executeTakeFirst();
	return Number(removed.numDeletedRows) !== 0;
}

/** False when the patient has no LINE link. */
export async function setLineLinkChannels(db: Db, patientId: string, channels: NotificationChannels): Promise<boolean> {
	const updated = await db.kysely.updateTable('line_link').set({ channels }).where('patient_id', '=', patientId).executeTakeFirst();
	return Number(updated.numUpdatedRows) !== 0;
}

export async function insertConnectToken(db: Db, token: Insertable<LineConnectTokenTable>): Promise<void> {
	await db.kysely.insertInto('line_connect_token').values(token).execute();
}

export async function markConnectTokenUsed(db: Db, tokenHash: string, at: string): Promise<void> {
	await db.kysely.updateTable('line_connect_token').set({ used_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteConnectTokensOf(db: Db, lineUserId: string): Promise<void> {
	await db.kysely.deleteFrom('line_connect_token').where('line_user_id', '=', lineUserId).execute();
}

export async function insertLoginAttempt(db: Db, attempt: Insertable<LineLoginAttemptTable>): Promise<void> {
	await db.kysely.insertInto('line_login_attempt').values(attempt).execute();
}

/** Uses a login attempt once; false when another request used it first. */
export async function claimLoginAttempt(db: Db, state: string, at: string): Promise<boolean> {
	const claimed = await db.kysely
		.updateTable('line_login_attempt')
		.set({ used_at: at })
		.where('state', '=', state)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(claimed.numUpdatedRows) === 1;
}

export async function insertDeliveryFailure(db: Db, failure: Insertable<LineDeliveryFailureTable>): Promise<void> {
	await db.kysely.insertInto('line_delivery_failure').values(failure).execute();
}

/** Deletes connect links and login attempts past their expiry and event ids received before `eventsBefore`; how many went. */
export async function deletePastLineRows(db: Db, nowIso: string, eventsBefore: string): Promise<number> {
	const links = await db.kysely.deleteFrom('line_connect_token').where('expires_at', '<', nowIso).executeTakeFirst();
	const attempts = await db.kysely.deleteFrom('line_login_attempt').where('expires_at', '<', nowIso).executeTakeFirst();
	const events = await db.kysely.deleteFrom('line_webhook_event').where('received_at', '<', eventsBefore).executeTakeFirst();
	return Number(links.numDeletedRows) + Number(attempts.numDeletedRows) + Number(events.numDeletedRows);
}
