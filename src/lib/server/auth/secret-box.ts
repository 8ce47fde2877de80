import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/*
 * Secrets the server must read back (a staff member's TOTP key) are kept sealed with AES-256-GCM
 * under the server's key (secret-key.ts), so a copy of the database alone — a dump, a stolen
 * backup — does not let anyone pass the second sign-in step. Each sealed value is bound to what it
 * belongs to (its `context`, e.g. the staff id), so it cannot be moved to another row.
 */

const PREFIX = 'box1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
	seal(plain: string, context: string): string;
	/** The plain secret; a value stored before sealing existed is returned as it is. Throws if tampered with. */
	open(stored: string, context: string): string;
	/**
	 * HMAC-SHA-256 (hex) of `input` under a key of its own for `purpose`, derived from the server
	 * key: e.g. the audit chain's row hashes, which nobody without the key can forge.
	 */
	mac(purpose: string, input: string): string;
}

export function isSealed(stored: string): boolean {
	return stored.startsWith(PREFIX);
}

export function createSecretBox(key: Buffer): SecretBox {
	if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
	const macKeys = new Map<string, Buffer>();
	const macKey = (purpose: string) => {
		let derived = macKeys.get(purpose);
		if (!derived) {
			derived = createHmac('sha256', key).update(`shinkyu mac key: ${purpose}`).digest();
			macKeys.set(purpose, derived);
		}
		return derived;
	};
	return {
		mac(purpose, input) {
			return createHmac('sha256', macKey(purpose)).update(input, 'utf8').digest('hex');
		},
		seal(plain, context) {
			const iv = randomBytes(IV_BYTES);
			const cipher = createCipheriv('aes-256-gcm', key, iv);
			cipher.setAAD(Buffer.from(context, 'utf8'));
			const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
			return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
		},
		open(stored, context) {
			if (!isSealed(stored)) return stored;
			const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
			if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed secret is too short');
			const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
			decipher.setAAD(Buffer.from(context, 'utf8'));
			decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
			return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
		}
	};
}
