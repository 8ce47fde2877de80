import { sql } from 'kysely';
import { takeFromWindow, type WindowPolicy } from '../../domain/rate-limit/sliding-window';
import { sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';

export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
	take(db: Db, key: string, now?: number): Promise<RateVerdict>;
}

/** How often a process removes the expired entries of every key of a policy. */
const SWEEP_EVERY_MS = 60_000;
const SWEEP_LOCK = 7231003;

/**
 * One policy's counts, in the database, so every app instance sees the same count: behind a proxy
 * that spreads clients over two instances, a client gets the limit once, not once per instance
 * (issue 16). Keys are stored hashed. On PostgreSQL a transaction-scoped advisory lock per key
 * makes the read-decide-insert of two instances take turns; SQLite has one writer already.
 *
 * The table stays small: a take removes its key's expired entries, and at most once a minute per
 * process one instance removes everything older than the policy's window.
 */
export function createRateLimiter(scope: string, policy: WindowPolicy): RateLimiter {
	if (!Number.isInteger(policy.limit) || policy.limit < 1 || !(policy.windowMs > 0)) {
		throw new RangeError(`invalid rate-limit policy ${JSON.stringify(policy)}`);
	}
	let lastSweep = -Infinity;

	return {
		async take(db, key, now = db.clock.now().getTime()) {
			const keyHash = sha256Hex(`${scope}:${key}`);
			const since = new Date(now - policy.windowMs).toISOString();
			const verdict = await withTransaction(db, async (tx) => {
				if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${keyHash}, 0))`.execute(tx.kysely);
				await tx.kysely.deleteFrom('rate_limit_entry').where('scope', '=', scope).where('key_hash', '=', keyHash).where('at', '<=', since).execute();
				const rows = await tx.kysely
					.selectFrom('rate_limit_entry')
					.select('at')
					.where('scope', '=', scope)
					.where('key_hash', '=', keyHash)
					.orderBy('at')
					.execute();
				const decided = takeFromWindow(
					rows.map((row) => Date.parse(row.at)),
					policy,
					now
				);
				if (decided.accepted)
					await tx.kysely
						.insertInto('rate_limit_entry')
						.values({ scope, key_hash: keyHash, at: new Date(now).toISOString() })
						.execute();
				return decided;
			});
			if (now - lastSweep >= SWEEP_EVERY_MS) {
				lastSweep = now;
				await sweepExpired(db, scope, since);
			}
			return verdict.accepted ? { ok: true } : { ok: false, retryAfterMs: verdict.retryAfterMs };
		}
	};
}

/** Only one instance sweeps at a time on PostgreSQL; the others skip rather than wait. */
async function sweepExpired(db: Db, scope: string, since: string): Promise<void> {
	await withTransaction(db, async (tx) => {
		if (tx.dialect === 'postgres') {
			const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as got`.execute(tx.kysely);
			if (!rows[0]?.got) return;
		}
		await tx.kysely.deleteFrom('rate_limit_entry').where('scope', '=', scope).where('at', '<=', since).execute();
	});
}
