import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { findPasswordProblems, type PasswordProblem } from '../../domain/auth/password-policy';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let commonPasswords: Set<string> | undefined;

function isCommonPassword(candidate: string): boolean {
	commonPasswords ??= new Set(dictionary['passwords-common'] as string[]);
	return commonPasswords.has(candidate);
}

export function checkPassword(password: string, totpEnabled: boolean, email?: string): PasswordProblem[] {
	return findPasswordProblems(password, { totpEnabled, email, isCommon: isCommonPassword });
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so a missing account does not answer faster. */
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword('shinkyu-no-such-account');
	await verifyPassword(await dummyHash, password);
	return false;
}
