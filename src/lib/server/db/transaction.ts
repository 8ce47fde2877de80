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
