import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { countTableRows, type TableCount } from './table-counts';

/**
 * Copies the live SQLite database to `target` with SQLite's online backup API, while the app keeps
 * running, and returns the row counts of the copy.
 */
export async function backupSqliteFile(source: string, target: string): Promise<TableCount[]> {
	const live = new SQLite(source, { fileMustExist: true });
	try {
		live.pragma('busy_timeout = 5000');
		// All pages in one step, under one read snapshot (WAL lets the app write meanwhile). Small
		// steps would start over after every write the app commits between them, and on a busy
		// clinic might never finish.
		await live.backup(target, { progress: () => 0x7fffffff });
	} finally {
		live.close();
	}
	const copy = new SQLite(target, { fileMustExist: true });
	try {
		// The backup is one self-contained file: no -wal beside it to forget when it is moved.
		copy.pragma('journal_mode = DELETE');
		return await countSqliteRows(copy);
	} finally {
		copy.close();
	}
}

/** Counts through a bare connection, so that no pragma of the app's (WAL) touches the file. */
async function countSqliteRows(sqlite: SQLite.Database): Promise<TableCount[]> {
	const kysely = new Kysely({ dialect: new SqliteDialect({ database: { prepare: (text: string) => sqlite.prepare(text), close: () => {} } }) });
	try {
		return await countTableRows(kysely);
	} finally {
		await kysely.destroy();
	}
}
