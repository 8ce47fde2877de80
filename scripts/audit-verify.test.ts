import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDatabase, sqliteFileOf } from '../src/lib/server/app';
import { auditHeadFileOf, writeAuditHead } from '../src/lib/server/audit/audit-head';
import { recordAudit, SYSTEM_ACTOR } from '../src/lib/server/audit/audit-log';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { readConfig } from '../src/lib/server/config';

/*
 * `npm run audit:verify` names each way the log can be tampered with (issue 16): a changed row, a
 * removed middle row, removed newest rows (against the head file), and a key other than the one
 * that wrote the rows. Each case starts from a copy of one clinic's DATA_DIR.
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-audit-verify-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const original = path.join(scratch, 'original');

function verify(dataDir: string, env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
		encoding: 'utf8',
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SECRET_KEY: '', AUDIT_HEAD_FILE: '', SHINKYU_DEMO: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A copy of the clinic, changed by `tamper` with the guard triggers out of the way. */
function tamperedCopy(name: string, tamper: (sqlite: SQLite.Database) => void): string {
	const dataDir = path.join(scratch, name);
	fs.cpSync(original, dataDir, { recursive: true });
	const sqlite = new SQLite(path.join(dataDir, 'shinkyu.sqlite'));
	sqlite.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete');
	tamper(sqlite);
	sqlite.close();
	return dataDir;
}

beforeAll(async () => {
	const config = { ...readConfig({}), dataDir: original, seedDemo: false };
	const db = openAppDatabase(config);
	try {
		await migrateToLatest(db);
		for (let i = 0; i < 10; i++) await recordAudit(db, SYSTEM_ACTOR, { action: 'test.write', entityType: 'thing', entityId: `t${i}` });
		expect(await writeAuditHead(db, auditHeadFileOf(config, {}))).toBe('written');
	} finally {
		await db.close();
	}
	expect(fs.existsSync(sqliteFileOf(config))).toBe(true);
});

describe('npm run audit:verify', () => {
	it('reports an intact chain that matches the head file', () => {
		const run = verify(original);
		expect(run.err).toBe('');
		expect(run.code).toBe(0);
		expect(run.out).toContain('Audit chain intact: 10 rows verified.');
		expect(run.out).toContain('The newest rows match the head file');
	});

	it('names a changed row', () => {
		const dataDir = tamperedCopy('changed', (db) => db.exec("update audit_log set entity_id = 'forged' where seq = 4"));
		const run = verify(dataDir);
		expect(run.code).toBe(1);
		expect(run.err).toContain('row 4: contents changed');
	});

	it('names a removed middle row', () => {
		const dataDir = tamperedCopy('middle', (db) => db.exec('delete from audit_log where seq = 5'));
		const run = verify(dataDir);
		expect(run.code).toBe(1);
		expect(run.err).toContain('row 6: the row before it was changed or removed');
	});

	it('names removed newest rows, which leave a valid chain, by the head file', () => {
		const dataDir = tamperedCopy('newest', (db) => db.exec('delete from audit_log where seq > 7'));
		const run = verify(dataDir);
		expect(run.code).toBe(1);
		expect(run.err).toContain('row 10, the newest in the head file, is gone: the newest rows were removed');
		expect(run.err).not.toContain('contents changed');
	});

	it('says when the key is not the one that wrote the rows', () => {
		const run = verify(original, { SECRET_KEY: 'b2'.repeat(32) });
		expect(run.code).toBe(1);
		expect(run.err).toContain('none of the 10 keyed rows matches this server key');
	});
});
