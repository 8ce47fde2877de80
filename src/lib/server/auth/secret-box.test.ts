import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed } from './secret-box';

describe('the secret box', () => {
	const box = createSecretBox(randomBytes(32));

	it('opens what it sealed, and seals the same secret differently each time', () => {
		const sealed = box.seal('JBSWY3DPEHPK3PXP', 'staff-1');
		expect(isSealed(sealed)).toBe(true);
		expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
		expect(box.open(sealed, 'staff-1')).toBe('JBSWY3DPEHPK3PXP');
		expect(box.seal('JBSWY3DPEHPK3PXP', 'staff-1')).not.toBe(sealed);
	});

	it('refuses a changed value, another context and another key', () => {
		const sealed = box.seal('JBSWY3DPEHPK3PXP', 'staff-1');
		const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
		expect(() => box.open(flipped, 'staff-1')).toThrow();
		expect(() => box.open(sealed, 'staff-2')).toThrow();
		expect(() => createSecretBox(randomBytes(32)).open(sealed, 'staff-1')).toThrow();
		expect(() => box.open('box1:AAAA', 'staff-1')).toThrow();
	});

	it('returns a value stored before sealing as it is', () => {
		expect(box.open('JBSWY3DPEHPK3PXP', 'staff-1')).toBe('JBSWY3DPEHPK3PXP');
	});

	it('takes only a 32-byte key', () => {
		expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
	});
});
