import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from './database';

it('opens SQLite with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-pragma-'));
	const db = openDatabase({ sqliteFile: path.join(dir, 'nested', 'x.sqlite') });
	const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db.kysely)).rows[0] as object)[0];
	expect(await pragma('journal_mode')).toBe('wal');
	expect(await pragma('synchronous')).toBe(2);
	expect(await pragma('foreign_keys')).toBe(1);
	expect(await pragma('busy_timeout')).toBe(5000);
	await db.close();
	fs.rmSync(dir, { recursive: true, force: true });
});
