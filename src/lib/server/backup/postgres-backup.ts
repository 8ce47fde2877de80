import { sql } from 'kysely';
import { openDatabase } from '../db/database';
import { BackupFailure } from './backup-failure';
import { findPostgresTool, libpqConnection, runTool } from './postgres-tools';
import { countTableRows, type TableCount } from './table-counts';

/**
 * `pg_dump --format=custom` of the live database into `target`, and the row counts of exactly
 * what it dumped: pg_dump joins a snapshot this transaction exports, so the counts and the dump
 * see the same instant however much the app writes meanwhile.
 */
export async function backupPostgres(databaseUrl: string, target: string): Promise<TableCount[]> {
	const pgDump = findPostgresTool('pg_dump');
	const db = openDatabase({ databaseUrl, poolSize: 1 });
	try {
		return await db.kysely
			.transaction()
			.setIsolationLevel('repeatable read')
			.setAccessMode('read only')
			.execute(async (trx) => {
				const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(trx);
				const counts = await countTableRows(trx);
				const connection = libpqConnection(databaseUrl);
				const run = await runTool(
					pgDump,
					['--format=custom', `--snapshot=${rows[0]!.snapshot}`, `--file=${target}`, `--dbname=${connection.dbname}`],
					connection.env
				);
				if (run.code !== 0) throw new BackupFailure('tool_failed', `pg_dump failed: ${run.stderr.trim() || `exit code ${run.code}`}`);
				return counts;
			});
	} finally {
		await db.close();
	}
}
