import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecretKey } from './secret-key';

describe('the server key', () => {
	const dirs: string[] = [];
	const tempDir = () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-key-'));
		dirs.push(dir);
		return dir;
	};
	afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

	it('takes SECRET_KEY when set, and writes no file', () => {
		const dataDir = tempDir();
		const hex = 'ab'.repeat(32);
		expect(loadSecretKey({ secretKey: hex, dataDir }).toString('hex')).toBe(hex);
		expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(false);
	});

	it('refuses a SECRET_KEY that is not 32 bytes of hex, saying how to make one', () => {
		expect(() => loadSecretKey({ secretKey: 'short', dataDir: tempDir() })).toThrow(/64 hexadecimal digits.*openssl rand -hex 32/);
	});

	it('otherwise makes secret.key in DATA_DIR once, for the server user only, and keeps using it', () => {
		const dataDir = path.join(tempDir(), 'data');
		const first = loadSecretKey({ secretKey: undefined, dataDir });
		const file = path.join(dataDir, 'secret.key');
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(loadSecretKey({ secretKey: undefined, dataDir }).equals(first)).toBe(true);
		fs.writeFileSync(file, 'not a key');
		expect(() => loadSecretKey({ secretKey: undefined, dataDir })).toThrow(/64 hexadecimal digits/);
	});
});
