import type { Db } from './database';

/** Runs `work` in one transaction; inside one already, it joins it. */
export async function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
	if (db.kysely.isTransaction) return work(db);
	return db.kysely.transaction().execute((trx) => work({ ...db, kysely: trx }));
}
