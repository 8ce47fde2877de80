import { sql } from 'kysely';
import type { Db } from './database';

const committed = new WeakMap<object, number>();

/** Runs `work` in one transaction; inside one already, it joins it. */
export async function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
	if (db.kysely.isTransaction) return work(db);
	const result = await db.kysely.transaction().execute((trx) => work({ ...db, kysely: trx }));
	committed.set(db.kysely, (committed.get(db.kysely) ?? 0) + 1);
	return result;
}

/** How many transactions this process has committed on `db`: a change means cached reads may be stale. */
export function commitCount(db: Db): number {
	return committed.get(db.kysely) ?? 0;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; cause: unknown };

/**
 * Runs `work` inside a savepoint of the transaction `tx`: if it fails, only its own writes are
 * undone, and the failure is returned rather than thrown. Savepoints nest.
 */
export async function inSavepoint<T>(tx: Db, work: () => Promise<T>): Promise<Outcome<T>> {
	await sql`savepoint piece`.execute(tx.kysely);
	let outcome: Outcome<T>;
	try {
		outcome = { ok: true, value: await work() };
	} catch (cause) {
		await sql`rollback to piece`.execute(tx.kysely);
		outcome = { ok: false, cause };
	}
	await sql`release piece`.execute(tx.kysely);
	return outcome;
}
