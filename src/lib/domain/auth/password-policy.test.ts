import { describe, expect, it } from 'vitest';
import { findPasswordProblems } from './password-policy';

const common = new Set(['password1234567', 'qwertyuiop']);
const isCommon = (p: string) => common.has(p);

describe('findPasswordProblems', () => {
	it('accepts a long uncommon passphrase without a second factor', () => {
		expect(findPasswordProblems('river stone lantern 7', { totpEnabled: false, isCommon })).toEqual([]);
	});

	it('requires 13 characters without a second factor', () => {
		expect(findPasswordProblems('twelve-chars', { totpEnabled: false, isCommon })).toEqual(['too_short']);
		expect(findPasswordProblems('thirteen-char', { totpEnabled: false, isCommon })).toEqual([]);
	});

	it('allows 8 characters once TOTP is on, but not 7', () => {
		expect(findPasswordProblems('k7#vLq2x', { totpEnabled: true, isCommon })).toEqual([]);
		expect(findPasswordProblems('k7#vLq2', { totpEnabled: true, isCommon })).toEqual(['too_short']);
	});

	it('counts Japanese characters as one each', () => {
		expect(findPasswordProblems('はりときゅうのしんきゅういん', { totpEnabled: false, isCommon })).toEqual([]);
		expect(findPasswordProblems('はりきゅう院', { totpEnabled: true, isCommon })).toEqual(['too_short']);
	});

	it('rejects common passwords whatever their case', () => {
		expect(findPasswordProblems('Password1234567', { totpEnabled: false, isCommon })).toEqual(['common']);
	});

	it('rejects a character or short unit repeated', () => {
		expect(findPasswordProblems('aaaaaaaaaaaaaa', { totpEnabled: false, isCommon })).toEqual(['common']);
		expect(findPasswordProblems('abcabcabcabcabc', { totpEnabled: false, isCommon })).toEqual(['common']);
	});

	it('rejects a password built on the e-mail address', () => {
		const problems = findPasswordProblems('tanaka-fuji-2026!', {
			totpEnabled: false,
			email: 'tanaka@example.jp',
			isCommon
		});
		expect(problems).toEqual(['contains_email']);
	});

	it('rejects absurdly long input before hashing it', () => {
		expect(findPasswordProblems('x1'.repeat(200), { totpEnabled: false, isCommon })).toContain('too_long');
	});
});
