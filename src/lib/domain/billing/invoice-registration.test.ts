import { describe, expect, it } from 'vitest';
import { formatInvoiceRegistrationNumber, normalizeInvoiceRegistrationNumber } from './invoice-registration';

describe('normalizeInvoiceRegistrationNumber', () => {
	it('keeps T and 13 digits, from full-width, lower-case and hyphenated input', () => {
		expect(normalizeInvoiceRegistrationNumber('T1234567890123')).toBe('T1234567890123');
		expect(normalizeInvoiceRegistrationNumber('ｔ１２３４５６７８９０１２３')).toBe('T1234567890123');
		expect(normalizeInvoiceRegistrationNumber(' T1-2345-6789-0123 ')).toBe('T1234567890123');
	});

	it('answers empty for none', () => {
		expect(normalizeInvoiceRegistrationNumber('  ')).toBe('');
	});

	it('refuses anything else', () => {
		for (const bad of ['1234567890123', 'T123456789012', 'T12345678901234', 'X1234567890123', 'T12345678901a3']) {
			expect(normalizeInvoiceRegistrationNumber(bad)).toBeNull();
		}
	});
});

describe('formatInvoiceRegistrationNumber', () => {
	it('groups the digits for reading, and leaves anything else as it is', () => {
		expect(formatInvoiceRegistrationNumber('T1234567890123')).toBe('T1-2345-6789-0123');
		expect(formatInvoiceRegistrationNumber('')).toBe('');
	});
});
