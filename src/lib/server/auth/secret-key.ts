import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateFolder } from '../private-files';

/**
 * The server's key for sealed secrets (secret-box.ts): `SECRET_KEY` (64 hex digits) when set, as
 * several app instances on one PostgreSQL database must share it; otherwise `secret.key` in
 * DATA_DIR, made on first start and readable by the server's user only. Lose it and the staff sign
 * in with their recovery codes and enrol their authenticator again.
 */
export function loadSecretKey(options: { secretKey: string | undefined; dataDir: string }): Buffer {
	if (options.secretKey !== undefined) {
		if (!/^[0-9a-f]{64}$/i.test(options.secretKey)) throw new Error('SECRET_KEY must be 64 hexadecimal digits (32 bytes), e.g. from `openssl rand -hex 32`');
		return Buffer.from(options.secretKey, 'hex');
	}
	const file = path.join(options.dataDir, 'secret.key');
	if (!fs.existsSync(file)) {
		ensurePrivateFolder(options.dataDir);
		try {
			// `wx`: two instances starting together on one DATA_DIR keep the first one's key.
			fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
		} catch (cause) {
			if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
		}
	}
	const text = fs.readFileSync(file, 'utf8').trim();
	if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`${file} does not hold a key of 64 hexadecimal digits`);
	return Buffer.from(text, 'hex');
}
