import type { Db } from './database';
import { inSavepoint, withTransaction, type Outcome } from './transaction';

interface Pending {
	work: (tx: Db) => Promise<unknown>;
	resolve: (value: unknown) => void;
	reject: (cause: unknown) => void;
}

interface Queue {
	pending: Pending[];
	running: boolean;
}

/** Enough to share one commit among a burst, small enough that no one waits long behind it. */
const MAX_GROUP = 64;
const queues = new WeakMap<object, Queue>();

/**
 * Runs `work` in a transaction like `withTransaction`, but on SQLite the pieces of work that arrive
 * together share one commit, each inside its own savepoint. SQLite has one writer and every commit
 * writes and syncs the write-ahead log, so in a burst of bookings the commits, not the work, set the
 * pace. Each piece still succeeds or fails alone (a failure rolls back to its savepoint), and no
 * caller hears of success before the commit that holds its writes. PostgreSQL runs transactions
 * side by side, so there each piece keeps a transaction of its own.
 */
export function withGroupedTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
	if (db.dialect !== 'sqlite' || db.kysely.isTransaction) return withTransaction(db, work);
	let queue = queues.get(db.kysely);
	if (!queue) queues.set(db.kysely, (queue = { pending: [], running: false }));
	const result = new Promise<T>((resolve, reject) => queue.pending.push({ work, resolve: resolve as (value: unknown) => void, reject }));
	if (!queue.running) {
		queue.running = true;
		// Wait for the rest of this turn of the event loop: requests read in it join the group.
		setImmediate(() => void drain(db, queue));
	}
	return result;
}

async function drain(db: Db, queue: Queue): Promise<void> {
	while (queue.pending.length > 0) await commitGroup(db, queue.pending.splice(0, MAX_GROUP));
	queue.running = false;
}

async function commitGroup(db: Db, group: Pending[]): Promise<void> {
	const outcomes: Array<Outcome<unknown>> = [];
	try {
		await withTransaction(db, async (tx) => {
			for (const item of group) outcomes.push(await inSavepoint(tx, () => item.work(tx)));
		});
	} catch (cause) {
		// The commit itself failed: nothing in the group was kept.
		for (const item of group) item.reject(cause);
		return;
	}
	group.forEach((item, index) => {
		const outcome = outcomes[index]!;
		if (outcome.ok) item.resolve(outcome.value);
		else item.reject(outcome.cause);
	});
}
