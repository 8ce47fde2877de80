import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual, randomToken, sha256Hex } from '../crypto';

const PERIOD_SECONDS = 30;
const DIGITS = 6;

export function newTotpSecret(): string {
	return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function totpKeyUri(secret: string, accountName: string, issuer = 'shinkyu'): string {
	return createTOTPKeyURI(issuer, accountName, decodeBase32IgnorePadding(secret), PERIOD_SECONDS, DIGITS);
}

export function totpCounterAt(now: Date): number {
	return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

/**
 * The counter a code belongs to (accepting one step of clock drift either way), or null.
 * Callers refuse a counter at or below the last one used, so a code works only once.
 */
export function matchTotpCode(secret: string, code: string, now: Date): number | null {
	const digits = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(digits)) return null;
	const key = decodeBase32IgnorePadding(secret);
	const current = totpCounterAt(now);
	for (const counter of [current - 1, current, current + 1]) {
		if (constantTimeEqual(generateHOTP(key, BigInt(counter), DIGITS), digits)) return counter;
	}
	return null;
}

export function totpCodeAt(secret: string, now: Date): string {
	return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(totpCounterAt(now)), DIGITS);
}

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
	return Array.from({ length: 10 }, () => {
		const raw = randomToken(10).slice(0, 12);
		return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
	});
}

export function normaliseRecoveryCode(code: string): string {
	return code.trim().toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
	return sha256Hex(normaliseRecoveryCode(code));
}
