import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function npmRun(script: string, args: string[] = [], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATA_DIR: dataDir, SHINKYU_DEMO: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('command-line tasks', () => {
	it('migrate creates and migrates a new database without demo data', () => {
		const run = npmRun('migrate');
		expect(run.code).toBe(0);
		expect(run.out).toContain('0001_foundation');
		expect(run.out).not.toContain('example.jp');
		expect(fs.existsSync(path.join(dataDir, 'shinkyu.sqlite'))).toBe(true);
	});

	it('create-admin creates an owner from flags', () => {
		const run = npmRun('create-admin', ['--email', 'Director@Clinic.example.jp', '--password', 'a long uncommon passphrase']);
		expect(run.err).toBe('');
		expect(run.code).toBe(0);
		expect(run.out).toContain('Created owner account director@clinic.example.jp');
	});

	it('create-admin refuses a duplicate e-mail with a clear message', () => {
		const run = npmRun('create-admin', ['--email', 'director@clinic.example.jp', '--password', 'another long passphrase', '--role', 'reception']);
		expect(run.code).toBe(1);
		expect(run.err).toContain('already exists');
	});

	it('create-admin refuses a short or common password', () => {
		const short = npmRun('create-admin', ['--email', 'a@example.jp', '--password', 'short']);
		expect(short.code).toBe(1);
		expect(short.err).toContain('Use at least 13 characters');
		const common = npmRun('create-admin', ['--email', 'b@example.jp', '--password', '1qaz2wsx3edc4rfv']);
		expect(common.code).toBe(1);
		expect(common.err).toContain('widely used');
	});

	it('create-admin refuses an unknown role and a missing flag outside a terminal', () => {
		expect(npmRun('create-admin', ['--email', 'c@example.jp', '--password', 'a long uncommon passphrase', '--role', 'janitor']).code).toBe(1);
		const missing = npmRun('create-admin', ['--email', 'c@example.jp']);
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('Missing Password');
	});

	it('audit:verify reports an intact chain', () => {
		const run = npmRun('audit-verify');
		expect(run.code).toBe(0);
		expect(run.out).toMatch(/Audit chain intact: [1-9]\d* rows verified/);
	});
});

describe('audit:verify on a tampered database', () => {
	it('exits non-zero and names the changed row', async () => {
		const { default: SQLite } = await import('better-sqlite3');
		const sqlite = new SQLite(path.join(dataDir, 'shinkyu.sqlite'));
		sqlite.exec('drop trigger audit_log_no_update');
		sqlite.exec('update audit_log set detail = \'{"role":"reception"}\' where action = \'staff.create\'');
		sqlite.close();
		const run = npmRun('audit-verify');
		expect(run.code).toBe(1);
		expect(run.err).toMatch(/row \d+: contents changed/);
		expect(run.err).toContain('Audit chain BROKEN');
	});
});
