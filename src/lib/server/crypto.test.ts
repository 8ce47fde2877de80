import { describe, expect, it } from 'vitest';
import { constantTimeEqual, randomToken, sha256Hex } from './crypto';

describe('sha256Hex', () => {
	it('gives the standard digests of UTF-8 text', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Hex('鍼灸 shinkyu')).toBe('d57edcd3dea3f4a0a26a3d5798ed7b06d4ba7373dba689b9ff649176ec2a58b0');
	});

	it('hashes a lone surrogate as U+FFFD, as TextEncoder does, so stored audit hashes still verify', () => {
		expect(sha256Hex('\ud800')).toBe('83d544ccc223c057d2bf80d3f2a32982c32c3c0db8e2674820da5064783fb097');
		expect(sha256Hex('\ud800')).toBe(sha256Hex('\ufffd'));
	});
});

describe('randomToken', () => {
	it('is 32 lowercase base32 characters for 160 bits, different each time', () => {
		const tokens = Array.from({ length: 50 }, () => randomToken());
		expect(tokens.every((t) => /^[a-z2-7]{32}$/.test(t))).toBe(true);
		expect(new Set(tokens).size).toBe(50);
	});
});

describe('constantTimeEqual', () => {
	it('is true only for equal strings', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		expect(constantTimeEqual('abc', 'abd')).toBe(false);
		expect(constantTimeEqual('abc', 'ab')).toBe(false);
	});
});
