import fs from 'node:fs';
import { sqliteFileOf } from '../app';
import type { AppConfig } from '../config';
import type { DialectName } from '../db/database';
import { BackupFailure, failedOutcome, type FailedOutcome } from './backup-failure';
import { checkBackupTarget, publishFile, temporaryPathFor } from './backup-file';
import { backupPostgres } from './postgres-backup';
import { backupSqliteFile } from './sqlite-backup';
import type { TableCount } from './table-counts';

export interface BackupReport {
	file: string;
	bytes: number;
	engine: DialectName;
	/** What the backup holds, counted from the same snapshot it was written from. */
	tables: TableCount[];
}

export type CreateBackupResult = { ok: true; report: BackupReport } | FailedOutcome;

/**
 * `npm run backup -- FILE`: a consistent copy of the database `npm start` uses (DATA_DIR or
 * DATABASE_URL), taken while the app keeps running. FILE appears only once it is complete.
 */
export async function createBackup(config: AppConfig, request: { file: string; force: boolean }): Promise<CreateBackupResult> {
	try {
		checkBackupTarget(request.file, request.force);
		const temporary = temporaryPathFor(request.file);
		try {
			const engine: DialectName = config.databaseUrl ? 'postgres' : 'sqlite';
			const tables = config.databaseUrl
				? await backupPostgres(config.databaseUrl, temporary)
				: await backupSqliteFile(existingSqliteFile(config), temporary);
			publishFile(temporary, request.file);
			return { ok: true, report: { file: request.file, bytes: fs.statSync(request.file).size, engine, tables } };
		} finally {
			fs.rmSync(temporary, { force: true });
		}
	} catch (cause) {
		return failedOutcome(cause);
	}
}

function existingSqliteFile(config: AppConfig): string {
	const file = sqliteFileOf(config);
	if (!fs.existsSync(file)) {
		throw new BackupFailure('no_database', `There is no database at ${file}. Set DATA_DIR (or DATABASE_URL) as for npm start.`);
	}
	return file;
}
