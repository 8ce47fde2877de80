import fs from 'node:fs';
import path from 'node:path';
import { AGE_MAGIC } from './backup-encryption';
import { BackupFailure } from './backup-failure';

/** What a file holds, judged by its first bytes: neither name nor extension is trusted. */
export type BackupFormat = 'sqlite' | 'postgres' | 'age' | 'unknown';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
// pg_dump's custom format (--format=custom); plain SQL dumps cannot be checked or restored here.
const PG_CUSTOM_MAGIC = Buffer.from('PGDMP', 'latin1');

/**
 * `npm run` starts scripts in the package folder; a relative FILE means the folder the operator
 * typed the command in, which npm passes as INIT_CWD.
 */
export function resolveBackupPath(argument: string, cwd: string): string {
	return path.resolve(cwd, argument);
}

export function detectBackupFormat(file: string): BackupFormat {
	const head = Buffer.alloc(Math.max(SQLITE_MAGIC.length, AGE_MAGIC.length));
	const fd = fs.openSync(file, 'r');
	let read: number;
	try {
		read = fs.readSync(fd, head, 0, head.length, 0);
	} finally {
		fs.closeSync(fd);
	}
	if (read >= SQLITE_MAGIC.length && head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return 'sqlite';
	if (read >= AGE_MAGIC.length && head.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC)) return 'age';
	if (read >= PG_CUSTOM_MAGIC.length && head.subarray(0, PG_CUSTOM_MAGIC.length).equals(PG_CUSTOM_MAGIC)) return 'postgres';
	return 'unknown';
}

export function requireBackupFile(file: string): void {
	const stat = fs.statSync(file, { throwIfNoEntry: false });
	if (!stat) throw new BackupFailure('not_found', `There is no backup at ${file}.`);
	if (!stat.isFile()) throw new BackupFailure('not_found', `${file} is not a file.`);
}

/** Refuses a FILE that would overwrite something (unless `force`) or that cannot be written. */
export function checkBackupTarget(file: string, force: boolean): void {
	const stat = fs.statSync(file, { throwIfNoEntry: false });
	if (stat?.isDirectory()) throw new BackupFailure('target_unwritable', `${file} is a folder; name the backup file to write.`);
	if (stat && !force) throw new BackupFailure('target_exists', `${file} already exists. Choose another name, or pass --force to overwrite it.`);
	const folder = path.dirname(file);
	const folderStat = fs.statSync(folder, { throwIfNoEntry: false });
	if (!folderStat?.isDirectory()) throw new BackupFailure('target_unwritable', `Cannot write ${file}: the folder ${folder} does not exist.`);
	try {
		fs.accessSync(folder, fs.constants.W_OK);
	} catch {
		throw new BackupFailure('target_unwritable', `Cannot write ${file}: no permission to write in ${folder}.`);
	}
}

/** Beside the target, so the final rename stays on one file system and is atomic. */
export function temporaryPathFor(file: string): string {
	return path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);
}

/**
 * A half-written backup must never carry the name of a finished one: flush, then rename. A backup
 * holds every record of the clinic: readable by the operator's user only (0600).
 */
export function publishFile(temporary: string, file: string): void {
	fs.chmodSync(temporary, 0o600);
	const fd = fs.openSync(temporary, 'r+');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
	fs.renameSync(temporary, file);
}

export function formatBytes(bytes: number): string {
	const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit += 1;
	}
	return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
