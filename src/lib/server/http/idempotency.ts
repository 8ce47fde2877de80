import { json } from '@sveltejs/kit';
import { sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../booking/occupancy';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * A request still "in progress" after this long was lost with its process (a crash between taking
 * the key and saving the answer): a retry takes the key over instead of waiting forever. Every
 * request we serve answers well within it.
 */
export const IN_PROGRESS_EXPIRES_MS = 5 * 60_000;

export type IdempotencyOutcome =
	| { kind: 'fresh'; save: (response: Response) => Promise<Response>; abandon: () => Promise<void> }
	| { kind: 'replay'; response: Response }
	| { kind: 'conflict'; code: 'idempotency_key_reused' | 'request_in_progress' | 'idempotency_key_invalid' };

/** A sealed answer opens only for its own key. */
function answerContext(key: string): string {
	return `idempotency:${key}`;
}

/**
 * `Idempotency-Key`: the first request with a key runs and its answer is kept; a retry with the
 * same key and body gets that same answer instead of running again.
 */
export async function beginIdempotent(db: Db, key: string | null, body: unknown, now = db.clock.now()): Promise<IdempotencyOutcome> {
	const noop = { kind: 'fresh' as const, save: async (response: Response) => response, abandon: async () => {} };
	if (key === null) return noop;
	if (!KEY.test(key)) return { kind: 'conflict', code: 'idempotency_key_invalid' };
	const requestHash = sha256Hex(JSON.stringify(body));
	try {
		await db.kysely
			.insertInto('idempotency_key')
			.values({ key, request_hash: requestHash, status_code: null, body: null, created_at: now.toISOString() })
			.execute();
	} catch (cause) {
		if (!isUniqueViolation(cause)) throw cause;
		const stored = await db.kysely.selectFrom('idempotency_key').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
		if (stored.request_hash !== requestHash) return { kind: 'conflict', code: 'idempotency_key_reused' };
		if (stored.status_code === null || stored.body === null) {
			if (Date.parse(stored.created_at) > now.getTime() - IN_PROGRESS_EXPIRES_MS) return { kind: 'conflict', code: 'request_in_progress' };
			// Taken over by a conditional update: of two retries at once, only one runs.
			const taken = await db.kysely
				.updateTable('idempotency_key')
				.set({ created_at: now.toISOString() })
				.where('key', '=', key)
				.where('created_at', '=', stored.created_at)
				.where('status_code', 'is', null)
				.executeTakeFirst();
			if (Number(taken.numUpdatedRows) !== 1) return { kind: 'conflict', code: 'request_in_progress' };
			return fresh(db, key);
		}
		const body = db.secrets.open(stored.body, answerContext(key));
		return { kind: 'replay', response: json(JSON.parse(body), { status: stored.status_code, headers: { 'idempotent-replayed': 'true' } }) };
	}
	return fresh(db, key);
}

function fresh(db: Db, key: string): IdempotencyOutcome {
	return {
		kind: 'fresh',
		save: async (response) => {
			const text = await response.clone().text();
			// The answer holds a working link (a booking's manageUrl): kept sealed under the server key.
			const body = db.secrets.seal(text, answerContext(key));
			await db.kysely.updateTable('idempotency_key').set({ status_code: response.status, body }).where('key', '=', key).execute();
			return response;
		},
		// An unexpected failure frees the key, so the client's retry runs afresh.
		abandon: async () => {
			await db.kysely.deleteFrom('idempotency_key').where('key', '=', key).where('status_code', 'is', null).execute();
		}
	};
}
