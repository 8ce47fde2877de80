import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';
import { BackupFailure } from './backup-failure';

/*
 * Encrypted backups (issue 16) use age (age-encryption.org/v1), a small, well-reviewed file format
 * that the `age` command-line tool reads too. The server holds only the recipient (a public key,
 * `age1…`), which can encrypt but never decrypt; the identity (`AGE-SECRET-KEY-1…`) is kept away
 * from the server and its backups, and is given to `npm run restore` only when restoring.
 */

export const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'latin1');

/** `BACKUP_AGE_RECIPIENT`: the public key `npm run backup -- --encrypt` encrypts to. */
export function readBackupRecipient(env: NodeJS.ProcessEnv = process.env): string | undefined {
	return env.BACKUP_AGE_RECIPIENT || undefined;
}

/** `BACKUP_AGE_IDENTITY`, or the file named by `BACKUP_AGE_IDENTITY_FILE`: the key restore decrypts with. */
export function readBackupIdentity(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const identityFile = env.BACKUP_AGE_IDENTITY_FILE || undefined;
	let identity = env.BACKUP_AGE_IDENTITY || undefined;
	if (!identity && identityFile) {
		// An identity file as `age-keygen` writes it: comment lines, then the key.
		identity = fs
			.readFileSync(identityFile, 'utf8')
			.split('\n')
			.map((line) => line.trim())
			.find((line) => line.startsWith('AGE-SECRET-KEY-'));
		if (!identity) throw new BackupFailure('key_invalid', `${identityFile} holds no age identity (a line starting AGE-SECRET-KEY-).`);
	}
	return identity;
}

/** Encrypts `source` into `target` (created 0600) for `recipient`, without holding it in memory. */
export async function encryptBackupFile(source: string, target: string, recipient: string): Promise<void> {
	if (!recipient.startsWith('age1')) throw new BackupFailure('key_invalid', 'BACKUP_AGE_RECIPIENT must be an age public key (age1…), e.g. from `age-keygen`.');
	const encrypter = new Encrypter();
	try {
		encrypter.addRecipient(recipient);
	} catch (cause) {
		throw new BackupFailure('key_invalid', `BACKUP_AGE_RECIPIENT is not a valid age public key: ${(cause as Error).message}`);
	}
	const encrypted = await encrypter.encrypt(Readable.toWeb(fs.createReadStream(source)) as ReadableStream<Uint8Array>);
	await pipeline(Readable.fromWeb(encrypted as unknown as WebReadableStream<Uint8Array>), fs.createWriteStream(target, { mode: 0o600 }));
}

/** Decrypts an age file into `target` (created 0600); a wrong key is reported as such. */
export async function decryptBackupFile(source: string, target: string, identity: string | undefined): Promise<void> {
	if (!identity) {
		throw new BackupFailure(
			'key_missing',
			`${source} is an encrypted backup. Give its key in BACKUP_AGE_IDENTITY or BACKUP_AGE_IDENTITY_FILE (the file age-keygen wrote).`
		);
	}
	const decrypter = new Decrypter();
	try {
		decrypter.addIdentity(identity);
	} catch (cause) {
		throw new BackupFailure('key_invalid', `The backup key is not a valid age identity: ${(cause as Error).message}`);
	}
	let plain: ReadableStream<Uint8Array>;
	try {
		plain = await decrypter.decrypt(Readable.toWeb(fs.createReadStream(source)) as ReadableStream<Uint8Array>);
	} catch (cause) {
		throw new BackupFailure('key_invalid', `Cannot decrypt ${source} with the key given: ${(cause as Error).message}`);
	}
	try {
		await pipeline(Readable.fromWeb(plain as unknown as WebReadableStream<Uint8Array>), fs.createWriteStream(target, { mode: 0o600 }));
	} catch (cause) {
		throw new BackupFailure('key_invalid', `Cannot decrypt ${source} with the key given: ${(cause as Error).message}`);
	}
}
