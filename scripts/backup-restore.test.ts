import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../tests/support/test-database';
import { openAppDatabase, prepareDatabase } from '../src/lib/server/app';
import type { AppConfig } from '../src/lib/server/config';
import { countWrites, keepWriting, newClinicConfig, scratchFolder, waitUntil } from '../src/lib/server/backup/test-fixtures';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

/** The script as `npm run <script> -- args` starts it, in its own process (spawnSync would stop the test's writes). */
function runScript(
	script: 'backup' | 'restore',
	args: string[],
	config: AppConfig,
	extraEnv: Record<string, string> = {}
): Promise<{ code: number | null; out: string; err: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
			env: {
				...process.env,
				DATA_DIR: config.dataDir,
				DATABASE_URL: config.databaseUrl ?? '',
				SECRET_KEY: config.secretKey ?? '',
				SHINKYU_DEMO: '0',
				...extraEnv
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, out, err }));
	});
}

const rowsIn = (output: string) => Number(/ (\d[\d,]*) rows \(audit log/.exec(output)?.[1]?.replace(/,/g, '') ?? NaN);

describe.each(DIALECTS)('npm run backup and npm run restore on %s', (dialect) => {
	const file = path.join(scratch.path, `cli-${dialect}.backup`);

	it('back up a running clinic from another process, and restore it into a new database', async () => {
		const source = await newClinicConfig(dialect, scratch.path);
		const db = openAppDatabase(source);
		await prepareDatabase(db, source);
		const clinic = keepWriting(db);
		let backup;
		let writtenMeanwhile = 0;
		try {
			await waitUntil(() => clinic.written() >= 3);
			const before = clinic.written();
			backup = await runScript('backup', [file], source);
			writtenMeanwhile = clinic.written() - before;
		} finally {
			await clinic.stop();
			await db.close();
		}
		expect(backup.err).toBe('');
		expect(backup.code).toBe(0);
		expect(backup.out).toContain(`Backup written to ${file} (`);
		expect(rowsIn(backup.out)).toBeGreaterThan(0);
		expect(writtenMeanwhile).toBeGreaterThan(0);

		const target = await newClinicConfig(dialect, scratch.path);
		const restore = await runScript('restore', [file], target);
		expect(restore.err).toBe('');
		expect(restore.code).toBe(0);
		expect(restore.out).toContain('The schema was already up to date.');
		expect(restore.out).toMatch(/Audit chain intact: [1-9]\d* rows verified/);
		expect(rowsIn(restore.out)).toBe(rowsIn(backup.out));

		const restored = openAppDatabase(target);
		try {
			const writes = await countWrites(restored);
			expect(writes.patients).toBeGreaterThanOrEqual(3);
			expect(writes.auditRows).toBe(writes.patients);
		} finally {
			await restored.close();
		}

		const twice = await runScript('restore', [file], target);
		expect(twice.code).toBe(1);
		expect(twice.err).toMatch(/^Restore failed: .*(already exists|is not empty)/);
	});

	it('exit non-zero with a clear message on a missing FILE, an existing FILE and a file that is not a backup', async () => {
		const config = await newClinicConfig(dialect, scratch.path);
		const missing = await runScript('backup', [], config);
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('Usage: npm run backup -- [--encrypt] FILE [--force]');

		const existing = await runScript('backup', [file], config);
		expect(existing.code).toBe(1);
		expect(existing.err).toContain('already exists');
		expect(existing.err).toContain('--force');

		const garbage = path.join(scratch.path, 'notes.txt');
		fs.writeFileSync(garbage, 'shopping list: moxa, needles, towels\n');
		const notBackup = await runScript('restore', [garbage], config);
		expect(notBackup.code).toBe(1);
		expect(notBackup.err).toContain('is not a shinkyu backup');
	});

	it('back up with --encrypt to BACKUP_AGE_RECIPIENT, and restore with the key in BACKUP_AGE_IDENTITY_FILE', async () => {
		const source = await newClinicConfig(dialect, scratch.path);
		const db = openAppDatabase(source);
		await prepareDatabase(db, source);
		await db.close();
		const encrypted = path.join(scratch.path, `cli-${dialect}.age`);
		const noRecipient = await runScript('backup', ['--encrypt', encrypted], source, { BACKUP_AGE_RECIPIENT: '' });
		expect(noRecipient.code).toBe(1);
		expect(noRecipient.err).toContain('BACKUP_AGE_RECIPIENT');
		expect(fs.existsSync(encrypted)).toBe(false);

		const identity = await generateIdentity();
		const backup = await runScript('backup', ['--encrypt', encrypted], source, { BACKUP_AGE_RECIPIENT: await identityToRecipient(identity) });
		expect(backup.err).toBe('');
		expect(backup.out).toContain('encrypted with age');

		const target = await newClinicConfig(dialect, scratch.path);
		const withoutKey = await runScript('restore', [encrypted], target, { BACKUP_AGE_IDENTITY: '', BACKUP_AGE_IDENTITY_FILE: '' });
		expect(withoutKey.code).toBe(1);
		expect(withoutKey.err).toContain('BACKUP_AGE_IDENTITY');
		const keyFile = path.join(scratch.path, `cli-key-${dialect}.txt`);
		fs.writeFileSync(keyFile, `${identity}\n`, { mode: 0o600 });
		const restore = await runScript('restore', [encrypted], target, { BACKUP_AGE_IDENTITY: '', BACKUP_AGE_IDENTITY_FILE: keyFile });
		expect(restore.err).toBe('');
		expect(restore.code).toBe(0);
		expect(rowsIn(restore.out)).toBe(rowsIn(backup.out));
	});
});
