import { sql } from 'kysely';
import type { Db } from '../db/database';
import { BackupFailure } from './backup-failure';
import { findPostgresTool, libpqConnection, redactDatabaseUrl, runTool } from './postgres-tools';

/**
 * The migrations recorded in a pg_dump custom-format file, read without restoring anything; a
 * file pg_restore cannot list, or one without shinkyu's migration table, is refused.
 */
export async function readPostgresMigrations(file: string): Promise<string[]> {
	const pgRestore = findPostgresTool('pg_restore');
	const list = await runTool(pgRestore, ['--list', file]);
	if (list.code !== 0) throw new BackupFailure('not_a_backup', `${file} is not a PostgreSQL custom-format backup: ${list.stderr.trim()}`);
	if (!/ TABLE DATA \S+ kysely_migration /.test(list.stdout)) {
		throw new BackupFailure('not_a_backup', `${file} is a PostgreSQL backup, but not of a shinkyu database (it has no migration history).`);
	}
	const data = await runTool(pgRestore, ['--data-only', '--table=kysely_migration', '--file=-', file]);
	if (data.code !== 0) throw new BackupFailure('not_a_backup', `${file} cannot be read: ${data.stderr.trim()}`);
	const names = copyRows(data.stdout).map((columns) => columns[0]!);
	if (names.length === 0) throw new BackupFailure('not_a_backup', `${file} is a PostgreSQL backup, but its migration history is empty.`);
	return names;
}

/** The rows of the COPY blocks in pg_restore's SQL output: tab-separated, ending at `\.`. */
function copyRows(script: string): string[][] {
	const rows: string[][] = [];
	let inCopy = false;
	for (const line of script.split('\n')) {
		if (!inCopy) inCopy = /^COPY .* FROM stdin;$/.test(line);
		else if (line === '\\.') inCopy = false;
		else rows.push(line.split('\t'));
	}
	return rows;
}

/** Restoring merges into whatever is there; only an empty database gives back exactly the backup. */
export async function refuseNonEmptyDatabase(db: Db, databaseUrl: string): Promise<void> {
	const { rows } = await sql<{ n: number | string }>`
		select count(*) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
		where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
		  and s.nspname not in ('pg_catalog', 'information_schema')
		  and s.nspname not like 'pg_toast%' and s.nspname not like 'pg_temp%'`.execute(db.kysely);
	const relations = Number(rows[0]!.n);
	if (relations > 0) {
		throw new BackupFailure(
			'database_not_empty',
			`The database ${redactDatabaseUrl(databaseUrl)} is not empty (${relations} tables, sequences or views). ` +
				'Create a new database (createdb) and point DATABASE_URL at it.'
		);
	}
}

/** All or nothing: one transaction, stopping at the first error. Ownership goes to the connecting role. */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
	const pgRestore = findPostgresTool('pg_restore');
	const connection = libpqConnection(databaseUrl);
	const run = await runTool(
		pgRestore,
		['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${connection.dbname}`, file],
		connection.env
	);
	if (run.code !== 0) throw new BackupFailure('tool_failed', `pg_restore failed; nothing was restored: ${run.stderr.trim() || `exit code ${run.code}`}`);
}
