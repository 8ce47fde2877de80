import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../tests/support/test-database';
import { openAppDatabase, prepareDatabase, sqliteFileOf } from '../app';
import type { AppConfig } from '../config';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log';
import type { Db } from '../db/database';
import { allMigrations } from '../db/migrate';
import { createBackup, type BackupReport } from './create-backup';
import { restoreBackup } from './restore-backup';
import { countWrites, keepWriting, migrateToVersion, newClinicConfig, scratchFolder, waitUntil } from './test-fixtures';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
	let source: AppConfig;
	let db: Db;
	let backup: BackupReport | undefined;
	const backupFile = () => path.join(scratch.path, `clinic-${dialect}.backup`);

	beforeAll(async () => {
		source = await newClinicConfig(dialect, scratch.path);
		db = openAppDatabase(source);
		await prepareDatabase(db, source);
	});
	afterAll(async () => {
		await db?.close();
	});

	it('takes a backup while the clinic keeps writing', async () => {
		const clinic = keepWriting(db);
		try {
			await waitUntil(() => clinic.written() >= 3);
			const result = await createBackup(source, { file: backupFile(), force: false });
			const writtenByThen = clinic.written();
			await waitUntil(() => clinic.written() >= writtenByThen + 3);
			expect(result).toMatchObject({ ok: true });
			backup = result.ok ? result.report : undefined;
		} finally {
			await clinic.stop();
		}
		expect(backup!.engine).toBe(dialect);
		expect(backup!.bytes).toBe(fs.statSync(backupFile()).size);
		const rows = Object.fromEntries(backup!.tables.map((t) => [t.table, t.rows]));
		expect(rows.clinic).toBe(1);
		expect(rows.audit_log).toBeGreaterThan(3);
		// The clinic wrote on after the backup: the live database has moved on from the copy.
		const live = await db.kysely.selectFrom('audit_log').select(db.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow();
		expect(Number(live.n)).toBeGreaterThan(rows.audit_log!);
	});

	it('restores into a new database with every table’s rows and an intact audit chain', async () => {
		const target = await newClinicConfig(dialect, scratch.path);
		const result = await restoreBackup(target, { file: backupFile(), force: false });
		expect(result).toMatchObject({ ok: true, report: { engine: dialect, keptAs: null, appliedMigrations: [] } });
		if (!result.ok) return;
		expect(result.report.tables).toEqual(backup!.tables);
		expect(result.report.audit).toEqual({ rows: backup!.tables.find((t) => t.table === 'audit_log')!.rows, problems: [] });

		const restored = openAppDatabase(target);
		try {
			const writes = await countWrites(restored);
			expect(writes.patients).toBeGreaterThanOrEqual(3);
			expect(writes.auditRows).toBe(writes.patients);
			// The app starts on it as on its own database: nothing to migrate, no second demo clinic.
			expect(await prepareDatabase(restored, target)).toMatchObject({ appliedMigrations: [], demoAccounts: null });
		} finally {
			await restored.close();
		}
		// Restoring twice into the same place is refused.
		const again = await restoreBackup(target, { file: backupFile(), force: false });
		expect(again).toMatchObject({ ok: false, code: dialect === 'sqlite' ? 'target_exists' : 'database_not_empty' });
	});

	it('does not overwrite an existing backup file unless forced', async () => {
		const before = fs.readFileSync(backupFile());
		expect(await createBackup(source, { file: backupFile(), force: false })).toMatchObject({ ok: false, code: 'target_exists' });
		expect(fs.readFileSync(backupFile()).equals(before)).toBe(true);
		expect(await createBackup(source, { file: backupFile(), force: true })).toMatchObject({ ok: true });
	});

	it('refuses a folder that does not exist, and leaves nothing behind', async () => {
		const file = path.join(scratch.path, 'missing-folder', 'clinic.backup');
		const result = await createBackup(source, { file, force: false });
		expect(result).toMatchObject({ ok: false, code: 'target_unwritable' });
		expect(result.ok ? '' : result.message).toContain('does not exist');
		expect(fs.readdirSync(scratch.path).filter((name) => name.includes('.partial-'))).toEqual([]);
	});

	it('refuses files that are not a shinkyu backup of this engine', async () => {
		const target = await newClinicConfig(dialect, scratch.path);
		const garbage = path.join(scratch.path, 'garbage.bin');
		fs.writeFileSync(garbage, Buffer.from('not a database at all, only words and noise '.repeat(200)));
		expect(await restoreBackup(target, { file: garbage, force: false })).toMatchObject({ ok: false, code: 'not_a_backup' });

		const otherSqlite = path.join(scratch.path, `other-${dialect}.sqlite`);
		const other = new SQLite(otherSqlite);
		other.exec('create table notes (body text)');
		other.close();
		expect(await restoreBackup(target, { file: otherSqlite, force: false })).toMatchObject({
			ok: false,
			code: dialect === 'sqlite' ? 'not_a_backup' : 'wrong_engine'
		});

		const fakeDump = path.join(scratch.path, 'fake.dump');
		fs.writeFileSync(fakeDump, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(2000, 7)]));
		expect(await restoreBackup(target, { file: fakeDump, force: false })).toMatchObject({
			ok: false,
			code: dialect === 'sqlite' ? 'wrong_engine' : 'not_a_backup'
		});
		expect(await restoreBackup(target, { file: path.join(scratch.path, 'no-such.backup'), force: false })).toMatchObject({ ok: false, code: 'not_found' });
		await expectUntouched(target);
	});

	it('refuses a backup written by a newer version, before touching the target', async () => {
		await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(db.kysely);
		const newer = path.join(scratch.path, `newer-${dialect}.backup`);
		expect(await createBackup(source, { file: newer, force: false })).toMatchObject({ ok: true });
		const target = await newClinicConfig(dialect, scratch.path);
		const result = await restoreBackup(target, { file: newer, force: false });
		expect(result).toMatchObject({ ok: false, code: 'schema_too_new' });
		expect(result.ok ? '' : result.message).toContain('9999_from_the_future');
		await expectUntouched(target);
	});
});

describe.each(DIALECTS)('a backup from an older version restored on %s', (dialect) => {
	it('is migrated to this version, its audit chain intact', async () => {
		const source = await newClinicConfig(dialect, scratch.path);
		const old = openAppDatabase(source);
		try {
			await migrateToVersion(old, '0005_ical_tokens');
			await recordAudit(old, SYSTEM_ACTOR, { action: 'staff.create', entityType: 'staff', entityId: 'staff-1' });
		} finally {
			await old.close();
		}
		const file = path.join(scratch.path, `old-${dialect}.backup`);
		expect(await createBackup(source, { file, force: false })).toMatchObject({ ok: true });

		const result = await restoreBackup(await newClinicConfig(dialect, scratch.path), { file, force: false });
		const names = Object.keys(allMigrations(dialect));
		expect(result).toMatchObject({
			ok: true,
			report: { appliedMigrations: names.slice(names.indexOf('0005_ical_tokens') + 1), audit: { rows: 1, problems: [] } }
		});
	});
});

describe('restore with --force on SQLite', () => {
	it('keeps the database that was there beside the restored one', async () => {
		const source = await newClinicConfig('sqlite', scratch.path);
		const sourceDb = openAppDatabase(source);
		await prepareDatabase(sourceDb, source);
		await sourceDb.close();
		const file = path.join(scratch.path, 'forced.backup');
		expect(await createBackup(source, { file, force: false })).toMatchObject({ ok: true });

		const target = await newClinicConfig('sqlite', scratch.path);
		const existing = openAppDatabase({ ...target, seedDemo: false });
		await prepareDatabase(existing, { ...target, seedDemo: false });
		await existing.close();

		const result = await restoreBackup(target, { file, force: true, now: new Date('2026-11-26T00:14:56.712Z') });
		const keptAs = `${sqliteFileOf(target)}.before-restore-20261126T001456Z`;
		expect(result).toMatchObject({ ok: true, report: { keptAs } });
		const kept = new SQLite(keptAs, { readonly: true });
		expect(kept.prepare('select name_en from clinic').pluck().get()).toBe('Acupuncture clinic');
		kept.close();
		const restored = new SQLite(sqliteFileOf(target), { readonly: true });
		expect(restored.prepare('select name_en from clinic').pluck().get()).toBe('Fuji Wellness Acupuncture');
		restored.close();
	});
});

/** A refused restore leaves a new clinic's place as it found it: no SQLite file, no PostgreSQL table. */
async function expectUntouched(target: AppConfig) {
	if (!target.databaseUrl) {
		expect(fs.readdirSync(target.dataDir)).toEqual([]);
		return;
	}
	const db = openAppDatabase(target);
	try {
		const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
		expect(tables).toEqual([]);
	} finally {
		await db.close();
	}
}
