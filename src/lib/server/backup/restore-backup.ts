import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteFileOf } from '../app';
import { verifyAuditChain, type AuditChainReport } from '../audit/audit-log';
import type { AppConfig } from '../config';
import { loadSecretKey } from '../auth/secret-key';
import { openDatabase, type Db, type DialectName } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { decryptBackupFile } from './backup-encryption';
import { BackupFailure, failedOutcome, type FailedOutcome } from './backup-failure';
import { detectBackupFormat, requireBackupFile } from './backup-file';
import { refuseUnknownMigrations } from './migration-check';
import { readPostgresMigrations, refuseNonEmptyDatabase, restorePostgres } from './postgres-restore';
import { redactDatabaseUrl } from './postgres-tools';
import { systemClock } from '../clock/clock';
import { placeSqliteBackup } from './sqlite-restore';
import { countTableRows, type TableCount } from './table-counts';

export interface RestoreReport {
	engine: DialectName;
	/** The SQLite file or the (password-free) database URL restored into. */
	target: string;
	/** SQLite with --force: where the database that was there before now lives. */
	keptAs: string | null;
	/** Migrations the backup lacked (it came from an older shinkyu) and now has. */
	appliedMigrations: string[];
	tables: TableCount[];
	audit: AuditChainReport;
}

export type RestoreBackupResult = { ok: true; report: RestoreReport } | FailedOutcome;

/**
 * `npm run restore -- FILE`: into a new database only (SQLite: no file at DATA_DIR unless
 * `force`; PostgreSQL: an empty database). Then it migrates the restored data to this version and
 * walks the audit chain, so the operator learns at once whether the record is whole.
 */
export async function restoreBackup(config: AppConfig, request: { file: string; force: boolean; now?: Date; identity?: string }): Promise<RestoreBackupResult> {
	try {
		requireBackupFile(request.file);
		if (detectBackupFormat(request.file) !== 'age') return await restorePlain(config, request);
		// Decrypted into a folder of our own (0700), the copy 0600, and removed whatever happens.
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-restore-'));
		try {
			const plain = path.join(folder, 'backup');
			await decryptBackupFile(request.file, plain, request.identity);
			if (detectBackupFormat(plain) === 'age') throw notABackup(request.file);
			return await restorePlain(config, { ...request, file: plain });
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	} catch (cause) {
		return failedOutcome(cause);
	}
}

async function restorePlain(config: AppConfig, request: { file: string; force: boolean; now?: Date }): Promise<RestoreBackupResult> {
	try {
		const format = detectBackupFormat(request.file);
		if (config.databaseUrl) {
			if (format === 'sqlite') throw wrongEngine(request.file, 'a SQLite', 'unset DATABASE_URL to restore it into DATA_DIR');
			if (format !== 'postgres') throw notABackup(request.file);
			return { ok: true, report: await restoreIntoPostgres(config.databaseUrl, request.file, loadSecretKey(config)) };
		}
		if (format === 'postgres') throw wrongEngine(request.file, 'a PostgreSQL', 'set DATABASE_URL to an empty PostgreSQL database to restore it');
		if (format !== 'sqlite') throw notABackup(request.file);
		const target = sqliteFileOf(config);
		const { keptAs } = placeSqliteBackup(request.file, target, { force: request.force, now: request.now ?? systemClock.now() });
		// The server key of the restored clinic (SECRET_KEY or its secret.key) verifies the keyed chain.
		const db = openDatabase({ sqliteFile: target, secretKey: loadSecretKey(config) });
		try {
			return { ok: true, report: { engine: 'sqlite', target, keptAs, ...(await finishRestore(db)) } };
		} finally {
			await db.close();
		}
	} catch (cause) {
		return failedOutcome(cause);
	}
}

async function restoreIntoPostgres(databaseUrl: string, file: string, secretKey: Buffer): Promise<RestoreReport> {
	refuseUnknownMigrations(await readPostgresMigrations(file), 'postgres');
	const db = openDatabase({ databaseUrl, poolSize: 2, secretKey });
	try {
		await refuseNonEmptyDatabase(db, databaseUrl);
		await restorePostgres(databaseUrl, file);
		return { engine: 'postgres', target: redactDatabaseUrl(databaseUrl), keptAs: null, ...(await finishRestore(db)) };
	} finally {
		await db.close();
	}
}

async function finishRestore(db: Db): Promise<Pick<RestoreReport, 'appliedMigrations' | 'tables' | 'audit'>> {
	const { applied } = await migrateToLatest(db);
	const audit = await verifyAuditChain(db);
	const tables = await countTableRows(db.kysely);
	return { appliedMigrations: applied, tables, audit };
}

function wrongEngine(file: string, kind: string, advice: string): BackupFailure {
	return new BackupFailure('wrong_engine', `${file} is ${kind} backup; ${advice}.`);
}

function notABackup(file: string): BackupFailure {
	return new BackupFailure(
		'not_a_backup',
		`${file} is not a shinkyu backup: it is neither a SQLite database nor a PostgreSQL custom-format dump (pg_dump --format=custom).`
	);
}
