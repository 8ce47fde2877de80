import { sql } from 'kysely';
import type { Db } from './database';

/**
 * A token that changes whenever anything was committed to the database since it was last read, by
 * this process or by any other: a cache that saved the token before its reads may keep its answer
 * while the token is unchanged, and the answer is then exactly what the reads would give again.
 *
 * - SQLite: the rows this connection has changed (`total_changes()`, every insert, update and delete,
 *   triggers included, even if later rolled back) and `data_version`, which moves when another
 *   connection commits.
 * - PostgreSQL: the current snapshot (`xmin:xmax:in-progress ids`). A transaction that writes takes
 *   an id: it raises xmax when it starts and leaves the in-progress list when it ends, so no write can
 *   commit between two equal snapshots. Read-only transactions take no id and change nothing.
 *
 * One cheap statement, outside any transaction.
 */
export async function dataVersion(db: Db): Promise<string> {
	const query =
		db.dialect === 'postgres'
			? sql<{ v: string }>`select pg_current_snapshot()::text as v`
			: sql<{ v: string }>`select total_changes() || ':' || (select data_version from pragma_data_version) as v`;
	const { rows } = await query.execute(db.kysely);
	return String(rows[0]!.v);
}
