import fs from 'node:fs';
import path from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../tests/support/test-database';
import { openAppDatabase, prepareDatabase, sqliteFileOf } from '../app';
import type { AppConfig } from '../config';
import type { Db } from '../db/database';
import { AGE_MAGIC, readBackupIdentity } from './backup-encryption';
import { createBackup } from './create-backup';
import { restoreBackup } from './restore-backup';
import { newClinicConfig, scratchFolder } from './test-fixtures';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the data folder and the database file (issue 16)', () => {
	it('creates DATA_DIR 0700 and the SQLite database, its log and the server key 0600', async () => {
		const config = { ...(await newClinicConfig('sqlite', scratch.path)), seedDemo: false, secretKey: undefined };
		config.dataDir = path.join(config.dataDir, 'new-data');
		const db = openAppDatabase(config);
		try {
			await prepareDatabase(db, config);
			expect(modeOf(config.dataDir)).toBe(0o700);
			expect(modeOf(sqliteFileOf(config))).toBe(0o600);
			expect(modeOf(`${sqliteFileOf(config)}-wal`)).toBe(0o600);
			expect(modeOf(path.join(config.dataDir, 'secret.key'))).toBe(0o600);
		} finally {
			await db.close();
		}
	});

	it('tightens a database file an older version left readable by others', async () => {
		const config = { ...(await newClinicConfig('sqlite', scratch.path)), seedDemo: false };
		fs.writeFileSync(sqliteFileOf(config), '', { mode: 0o644 });
		fs.chmodSync(sqliteFileOf(config), 0o644);
		const db = openAppDatabase(config);
		await db.close();
		expect(modeOf(sqliteFileOf(config))).toBe(0o600);
	});
});

describe.each(DIALECTS)('an encrypted backup on %s', (dialect) => {
	let source: AppConfig;
	let db: Db;
	let identity: string;
	let recipient: string;
	const file = () => path.join(scratch.path, `clinic-${dialect}.age`);

	beforeAll(async () => {
		source = await newClinicConfig(dialect, scratch.path);
		db = openAppDatabase(source);
		await prepareDatabase(db, source);
		identity = await generateIdentity();
		recipient = await identityToRecipient(identity);
	});
	afterAll(async () => {
		await db?.close();
	});

	it('writes a plain backup readable by its owner only', async () => {
		const plain = path.join(scratch.path, `plain-${dialect}.backup`);
		expect(await createBackup(source, { file: plain, force: false })).toMatchObject({ ok: true, report: { encrypted: false } });
		expect(modeOf(plain)).toBe(0o600);
	});

	it('writes an age file, 0600, that holds nothing readable', async () => {
		const result = await createBackup(source, { file: file(), force: false, encryptTo: recipient });
		expect(result).toMatchObject({ ok: true, report: { encrypted: true, engine: dialect } });
		const bytes = fs.readFileSync(file());
		expect(bytes.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC)).toBe(true);
		expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
		expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);
		expect(bytes.includes(Buffer.from('Fuji Wellness'))).toBe(false);
		expect(modeOf(file())).toBe(0o600);
		expect(fs.readdirSync(scratch.path).filter((name) => name.includes('.partial-'))).toEqual([]);
	});

	it('restores only with its key, and then whole', async () => {
		const noKey = await restoreBackup(await newClinicConfig(dialect, scratch.path), { file: file(), force: false });
		expect(noKey).toMatchObject({ ok: false, code: 'key_missing' });
		const wrongKey = await restoreBackup(await newClinicConfig(dialect, scratch.path), { file: file(), force: false, identity: await generateIdentity() });
		expect(wrongKey).toMatchObject({ ok: false, code: 'key_invalid' });

		// The key read from a file as age-keygen writes it.
		const keyFile = path.join(scratch.path, `key-${dialect}.txt`);
		fs.writeFileSync(keyFile, `# created: 2026-12-06T00:00:00Z\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600 });
		const target = await newClinicConfig(dialect, scratch.path);
		const result = await restoreBackup(target, { file: file(), force: false, identity: readBackupIdentity({ BACKUP_AGE_IDENTITY_FILE: keyFile }) });
		expect(result).toMatchObject({ ok: true, report: { engine: dialect, audit: { problems: [] } } });
		const restored = openAppDatabase(target);
		try {
			const clinic = await restored.kysely.selectFrom('clinic').select('name_en').executeTakeFirstOrThrow();
			expect(clinic.name_en).toBe('Fuji Wellness Acupuncture');
		} finally {
			await restored.close();
		}
	});

	it('refuses to encrypt to something that is not an age public key', async () => {
		const result = await createBackup(source, { file: path.join(scratch.path, `bad-${dialect}.age`), force: false, encryptTo: 'not-a-key' });
		expect(result).toMatchObject({ ok: false, code: 'key_invalid' });
	});
});
