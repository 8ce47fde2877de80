import type { Db } from '../db/database';

const DAY_MS = 86_400_000;
/** LINE redelivers a missed event within days; a month of ids is far more than enough to answer each once. */
export const WEBHOOK_EVENT_KEPT_MS = 30 * DAY_MS;

/**
 * LINE rows that no longer serve a purpose (issue #20): connect links and login attempts past
 * their expiry (they name a LINE user or a patient), and old webhook event ids.
 */
export async function pruneLineRows(db: Db, now = db.clock.now()): Promise<number> {
	const nowIso = now.toISOString();
	const links = await db.kysely.deleteFrom('line_connect_token').where('expires_at', '<', nowIso).executeTakeFirst();
	const attempts = await db.kysely.deleteFrom('line_login_attempt').where('expires_at', '<', nowIso).executeTakeFirst();
	const events = await db.kysely.deleteFrom('line_webhook_event').where('received_at', '<', new Date(now.getTime() - WEBHOOK_EVENT_KEPT_MS).toISOString()).executeTakeFirst();
	return Number(links.numDeletedRows) + Number(attempts.numDeletedRows) + Number(events.numDeletedRows);
}
