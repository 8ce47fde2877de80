import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { BackupFailure } from './backup-failure';
import { refuseUnknownMigrations } from './migration-check';

/** SQLite keeps a database in up to three files; all three belong together. */
const COMPANIONS = ['', '-wal', '-shm'] as const;

export interface SqlitePlacement {
	/** Where the database that was there before now lives (with --force), else null. */
	keptAs: string | null;
}

/**
 * Puts a checked copy of `file` at `target`. An existing database is replaced only with `force`,
 * and then kept beside it as `<name>.before-restore-<time>`, never deleted.
 */
export function placeSqliteBackup(file: string, target: string, options: { force: boolean; now: Date }): SqlitePlacement {
	const existing = COMPANIONS.map((suffix) => target + suffix).filter((f) => fs.existsSync(f));
	if (existing.length > 0 && !options.force) {
		throw new BackupFailure(
			'target_exists',
			`A database already exists at ${target}. Restore into an empty DATA_DIR, or pass --force to replace it ` +
				'(the current database is kept beside it as <name>.before-restore-<time>).'
		);
	}
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const staging = `${target}.restoring-${process.pid}`;
	fs.copyFileSync(file, staging);
	try {
		refuseUnknownMigrations(readSqliteMigrations(staging, file), 'sqlite');
		const keptAs = existing.length > 0 ? `${target}.before-restore-${compactStamp(options.now)}` : null;
		// A -wal left without its database would be replayed into the restored one: it moves too.
		if (keptAs) for (const suffix of COMPANIONS) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAs + suffix);
		fs.renameSync(staging, target);
		return { keptAs };
	} finally {
		for (const suffix of COMPANIONS) fs.rmSync(staging + suffix, { force: true });
	}
}

/**
 * The migrations recorded in a SQLite file, once it has passed SQLite's own integrity check and
 * shown it is a shinkyu database. `shownAs` is the name the operator gave.
 */
export function readSqliteMigrations(file: string, shownAs = file): string[] {
	let sqlite: SQLite.Database | undefined;
	try {
		sqlite = new SQLite(file, { fileMustExist: true });
		const problems = (sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
		if (problems.join() !== 'ok') {
			throw new BackupFailure('not_a_backup', `${shownAs} is damaged; SQLite's integrity check reports: ${problems.slice(0, 5).join('; ')}`);
		}
		const hasMigrations = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
		const names = hasMigrations ? (sqlite.prepare('select name from kysely_migration order by name').pluck().all() as string[]) : [];
		if (names.length === 0) throw new BackupFailure('not_a_backup', `${shownAs} is a SQLite database, but not a shinkyu one (it has no migration history).`);
		return names;
	} catch (cause) {
		if (cause instanceof BackupFailure) throw cause;
		throw new BackupFailure('not_a_backup', `${shownAs} cannot be read as a SQLite database: ${(cause as Error).message}.`);
	} finally {
		sqlite?.close();
	}
}

/** 2026-11-26T00:14:56.712Z → 20261126T001456Z: sortable, and safe in any file name. */
function compactStamp(at: Date): string {
	return at
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/[-:]/g, '');
}
