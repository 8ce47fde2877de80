import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogConfig, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../clock/clock';
import { createSecretBox, type SecretBox } from '../auth/secret-box';
import { startWalCheckpointer } from './wal-checkpointer';
import { ensurePrivateFile, ensurePrivateFolder } from '../private-files';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
	kysely: Kysely<Database>;
	dialect: DialectName;
	/** The one clock of this handle: use cases read time here (or take `now`), never from `Date`. */
	clock: Clock;
	/**
	 * Seals what must be read back later but never lie in the database readable (a manage link
	 * waiting in a job, a replayed answer): under the server key (auth/secret-key.ts). Like the
	 * clock, every transaction made from this handle keeps it.
	 */
	secrets: SecretBox;
	close(): Promise<void>;
}

export interface DbOptions {
	databaseUrl?: string;
	/** SQLite file; ignored when `databaseUrl` is set. */
	sqliteFile?: string;
	poolSize?: number;
	/** SQLite in a long-running server: checkpoint on a thread of its own (wal-checkpointer.ts). */
	backgroundCheckpoints?: boolean;
	/** The system clock unless given (tests and seeds fix it). */
	clock?: Clock;
	/**
	 * The server key (auth/secret-key.ts). Without it, a key of this process only: enough for tests
	 * and one-off scripts, never for the server, whose sealed jobs another instance may run.
	 */
	secretKey?: Buffer;
	/** Kysely's query log: every statement sent, e.g. for a test that counts them. None unless given. */
	log?: LogConfig;
}

/**
 * Connections each app instance keeps open to PostgreSQL unless told otherwise (`poolSize`): the
 * server opens its database with it (app.ts), and the benchmarks read it here so they measure the
 * pool the app runs with.
 */
export const POSTGRES_POOL_SIZE = 10;

export function openDatabase(options: DbOptions): Db {
	const clock = options.clock ?? systemClock;
	const secrets = createSecretBox(options.secretKey ?? randomBytes(32));
	if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? POSTGRES_POOL_SIZE, clock, secrets, options.log);
	if (!options.sqliteFile) throw new Error('openDatabase needs a databaseUrl or an sqliteFile');
	return openSqlite(options.sqliteFile, options.backgroundCheckpoints ?? false, clock, secrets, options.log);
}

/**
 * With checkpoints on their own thread, the serving connection checkpoints only as a fallback: if
 * that thread falls far behind and the log passes this many pages (about 80 MB).
 */
const FALLBACK_CHECKPOINT_PAGES = 20_000;

function openSqlite(file: string, backgroundCheckpoints: boolean, clock: Clock, secrets: SecretBox, log?: LogConfig): Db {
	ensurePrivateFolder(path.dirname(file));
	// SQLite gives its -wal and -shm files the database file's mode: 0600 for all three.
	ensurePrivateFile(file);
	const sqlite = new SQLite(file);
	// Durability first: a clinic record must survive a power cut (issue #3).
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const checkpointer = backgroundCheckpoints ? startWalCheckpointer(file) : null;
	if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
	const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log });
	return {
		kysely,
		dialect: 'sqlite',
		clock,
		secrets,
		close: async () => {
			// The serving connection closes last, so it folds the log into the file and removes it.
			await checkpointer?.stop();
			await kysely.destroy();
		}
	};
}

/**
 * Kysely prepares every query afresh; preparing costs more than running most of ours. The same SQL
 * text reuses its prepared statement (parameters are bound per run, so this is always safe).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string) {
			let statement = statements.get(sql);
			if (!statement) {
				if (statements.size >= 1000) statements.clear();
				statement = sqlite.prepare(sql);
				statements.set(sql, statement);
			}
			return statement;
		}
	};
}

function openPostgres(connectionString: string, max: number, clock: Clock, secrets: SecretBox, log?: LogConfig): Db {
	const pool = new pg.Pool({ connectionString, max });
	// An idle client that loses its server must not crash the process; the next query reports it.
	pool.on('error', () => {});
	const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
	return { kysely, dialect: 'postgres', clock, secrets, close: () => kysely.destroy() };
}

export async function pingDatabase(db: Db): Promise<boolean> {
	try {
		await sql`select 1`.execute(db.kysely);
		return true;
	} catch {
		return false;
	}
}
