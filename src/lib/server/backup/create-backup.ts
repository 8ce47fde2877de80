import fs from 'node:fs';
import { sqliteFileOf } from '../app';
import type { AppConfig } from '../config';
import type { DialectName } from '../db/database';
import { encryptBackupFile } from './backup-encryption';
import { BackupFailure, failedOutcome, type FailedOutcome } from './backup-failure';
import { checkBackupTarget, publishFile, temporaryPathFor } from './backup-file';
import { backupPostgres } from './postgres-backup';
import { backupSqliteFile } from './sqlite-backup';
import type { TableCount } from './table-counts';

export interface BackupReport {
	file: string;
	/** Written with age for BACKUP_AGE_RECIPIENT (backup-encryption.ts). */
	encrypted: boolean;
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
export async function createBackup(config: AppConfig, request: { file: string; force: boolean; encryptTo?: string }): Promise<CreateBackupResult> {
	try {
		checkBackupTarget(request.file, request.force);
		const temporary = temporaryPathFor(request.file);
		const plain = request.encryptTo === undefined ? temporary : `${temporary}.plain`;
		try {
			// Created 0600 before the engine writes into it: never readable by others, not even for a moment.
			fs.writeFileSync(plain, '', { mode: 0o600 });
			const engine: DialectName = config.databaseUrl ? 'postgres' : 'sqlite';
			const tables = config.databaseUrl ? await backupPostgres(config.databaseUrl, plain) : await backupSqliteFile(existingSqliteFile(config), plain);
			if (request.encryptTo !== undefined) await encryptBackupFile(plain, temporary, request.encryptTo);
			publishFile(temporary, request.file);
			return {
				ok: true,
				report: { file: request.file, encrypted: request.encryptTo !== undefined, bytes: fs.statSync(request.file).size, engine, tables }
			};
		} finally {
			fs.rmSync(temporary, { force: true });
			fs.rmSync(plain, { force: true });
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
