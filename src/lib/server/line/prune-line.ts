import type { Db } from '../db/database';
import { deletePastLineRows } from './line-repository';

const DAY_MS = 86_400_000;
/** LINE redelivers a missed event within days; a month of ids is far more than enough to answer each once. */
export const WEBHOOK_EVENT_KEPT_MS = 30 * DAY_MS;

/**
 * LINE rows that no longer serve a purpose (issue #20): connect links and login attempts past
 * their expiry (they name a LINE user or a patient), and old webhook event ids.
 */
export async function pruneLineRows(db: Db, now = db.clock.now()): Promise<number> {
	return deletePastLineRows(db, now.toISOString(), new Date(now.getTime() - WEBHOOK_EVENT_KEPT_MS).toISOString());
}
