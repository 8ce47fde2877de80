import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from './database';

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

it('folds the write-ahead log into the database file on its own thread, never in a commit', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-checkpoint-'));
	const file = path.join(dir, 'x.sqlite');
	const db = openDatabase({ sqliteFile: file, backgroundCheckpoints: true });
	const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db.kysely)).rows[0] as object)[0];
	// Far more than the 1,000 pages after which SQLite would checkpoint inside a commit by itself.
	expect(await pragma('wal_autocheckpoint')).toBeGreaterThan(1_000);
	await sql`create table filler (body text not null)`.execute(db.kysely);
	const sizeBefore = fs.statSync(file).size;
	for (let i = 0; i < 20; i++) await sql`insert into filler (body) values (${'x'.repeat(100_000)})`.execute(db.kysely);
	// 2 MB went to the log; the thread copies it into the file within about a second.
	await until(() => fs.statSync(file).size > sizeBefore + 1_500_000);
	expect((await sql<{ n: number }>`select count(*) as n from filler`.execute(db.kysely)).rows[0]!.n).toBe(20);
	await db.close();
	// The serving connection closed last: the log is folded in and gone.
	expect(fs.existsSync(`${file}-wal`)).toBe(false);
	fs.rmSync(dir, { recursive: true, force: true });
});

it('leaves checkpoints to SQLite when not asked to run them in the background', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-checkpoint-'));
	const db = openDatabase({ sqliteFile: path.join(dir, 'x.sqlite') });
	expect(Object.values((await sql.raw('pragma wal_autocheckpoint').execute(db.kysely)).rows[0] as object)[0]).toBe(1_000);
	await db.close();
	fs.rmSync(dir, { recursive: true, force: true });
});
