import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Db, type DbOptions, type DialectName } from '../../src/lib/server/db/database';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * A new, migrated, empty database of either engine; PostgreSQL gets its own database per call.
 * `log` is Kysely's query log, for a test that counts the statements sent.
 */
export async function freshDatabase(dialect: DialectName, { log }: Pick<DbOptions, 'log'> = {}): Promise<Db> {
	if (dialect === 'sqlite') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-sqlite-'));
		const db = openDatabase({ sqliteFile: path.join(dir, 'test.sqlite'), log });
		await migrateToLatest(db);
		const close = db.close;
		return { ...db, close: async () => (await close(), fs.rmSync(dir, { recursive: true, force: true })) };
	}
	const db = openDatabase({ databaseUrl: await createPostgresDatabase(), poolSize: 5, log });
	await migrateToLatest(db);
	return db;
}

/** The URL of a new, empty (unmigrated) database on the run's PostgreSQL cluster. */
export async function createPostgresDatabase(): Promise<string> {
	const adminUrl = inject('postgresUrl');
	const name = `t_${crypto.randomUUID().replace(/-/g, '')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Runs the same tests on SQLite and on PostgreSQL, each with a fresh database. */
export function describeEachDatabase(title: string, body: (db: () => Db, dialect: DialectName) => void) {
	describe.each(DIALECTS)(`${title} on %s`, (dialect) => {
		let db: Db | undefined;
		beforeAll(async () => {
			db = await freshDatabase(dialect);
		});
		afterAll(async () => {
			await db?.close();
		});
		body(() => {
			if (!db) throw new Error('database not ready');
			return db;
		}, dialect);
	});
}
