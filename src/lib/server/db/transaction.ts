import { sql } from 'kysely';
import type { Db } from './database';

const committed = new WeakMap<object, number>();

/**
 * Writes a transaction keeps back until just before its commit, by kind (the audit chain's rows,
 * audit/audit-log.ts). On PostgreSQL the audit chain is appended under a lock held until the commit:
 * taken at the end, it is held for one insert and the commit, not for the whole transaction.
 */
interface Deferred {
	items: unknown[];
	flush: (tx: Db, items: unknown[]) => Promise<unknown>;
	/** Writes the items with no transaction around them (they need none): see `withDeferredWrites`. */
	alone?: (db: Db, items: unknown[]) => Promise<unknown>;
}
const deferredOf = new WeakMap<object, Map<string, Deferred>>();

/** Runs `work` in one transaction; inside one already, it joins it. */
export async function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
	if (db.kysely.isTransaction) return work(db);
	const result = await db.kysely.transaction().execute(async (trx) => {
		const tx = { ...db, kysely: trx };
		if (db.dialect !== 'postgres') return work(tx);
		const deferred = new Map<string, Deferred>();
		deferredOf.set(trx, deferred);
		const value = await work(tx);
		for (const { items, flush } of deferred.values()) if (items.length > 0) await flush(tx, items.splice(0));
		return value;
	});
	committed.set(db.kysely, (committed.get(db.kysely) ?? 0) + 1);
	return result;
}

/**
 * Runs `work` on a handle whose audit rows (and other deferred writes) are kept back and written
 * together in one transaction when it ends, however it ends: for a page that reads many things,
 * each read audited, one durable commit instead of one per read. The reads themselves run outside
 * any transaction, side by side on the pool, as they would without it. Inside a transaction,
 * `work` runs on it and its rows go with the transaction's (it must not call `discard` there).
 */
export async function withDeferredWrites<T>(db: Db, work: (db: Db, discard: () => void) => Promise<T>): Promise<T> {
	if (db.kysely.isTransaction) return work(db, refuseDiscard);
	const kysely = db.kysely.withoutPlugins();
	const deferred = new Map<string, Deferred>();
	deferredOf.set(kysely, deferred);
	// `discard` drops what was kept back so far: for reads that turn out to have nothing to show.
	const discard = () => deferred.clear();
	try {
		return await work({ ...db, kysely }, discard);
	} finally {
		deferredOf.delete(kysely);
		const pending = [...deferred.values()].filter((entry) => entry.items.length > 0);
		// Audit rows alone need no transaction of their own: they join the next grouped commit.
		if (pending.length > 0 && pending.every((entry) => entry.alone)) for (const { items, alone } of pending) await alone!(db, items);
		else if (pending.length > 0)
			await withTransaction(db, async (tx) => {
				for (const { items, flush } of pending) await flush(tx, items);
			});
	}
}

function refuseDiscard(): never {
	throw new Error('Inside a transaction, writes kept back belong to the transaction and cannot be discarded');
}

/**
 * Keeps `item` back to be written by `flush` (with the other items of its kind, in order) just
 * before the transaction `tx` commits (or `withDeferredWrites` ends); false when `tx` was opened
 * by neither (or is a SQLite transaction), and the caller writes it at once. `alone`, if given,
 * writes such items outside any transaction; `withDeferredWrites` then uses it when every kind kept
 * back has one.
 */
export function deferUntilCommit<T>(
	tx: Db,
	kind: string,
	item: T,
	flush: (tx: Db, items: T[]) => Promise<unknown>,
	alone?: (db: Db, items: T[]) => Promise<unknown>
): boolean {
	const deferred = deferredOf.get(tx.kysely);
	if (!deferred) return false;
	let entry = deferred.get(kind);
	if (!entry) deferred.set(kind, (entry = { items: [], flush: flush as Deferred['flush'], alone: alone as Deferred['alone'] }));
	entry.items.push(item);
	return true;
}

/** How many transactions this process has committed on `db`: a change means cached reads may be stale. */
export function commitCount(db: Db): number {
	return committed.get(db.kysely) ?? 0;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; cause: unknown };

/**
 * Runs `work` inside a savepoint of the transaction `tx`: if it fails, only its own writes are
 * undone (and the writes it kept back for the commit are dropped), and the failure is returned
 * rather than thrown. Savepoints nest.
 */
export async function inSavepoint<T>(tx: Db, work: () => Promise<T>): Promise<Outcome<T>> {
	await sql`savepoint piece`.execute(tx.kysely);
	const deferred = deferredOf.get(tx.kysely);
	const marks = deferred ? [...deferred.values()].map((entry) => [entry, entry.items.length] as const) : [];
	let outcome: Outcome<T>;
	try {
		outcome = { ok: true, value: await work() };
	} catch (cause) {
		await sql`rollback to piece`.execute(tx.kysely);
		for (const [entry, length] of marks) entry.items.length = length;
		// Kinds first kept back inside the failed piece.
		for (const entry of deferred?.values() ?? []) if (!marks.some(([kept]) => kept === entry)) entry.items.length = 0;
		outcome = { ok: false, cause };
	}
	await sql`release piece`.execute(tx.kysely);
	return outcome;
}
