/*
 * The 適格請求書発行事業者 registration number (登録番号) a registered clinic prints on its
 * receipts: 'T' and 13 digits. A company's 13 digits are its 法人番号, whose first digit is a check
 * digit; a sole proprietor (most acupuncture clinics) is given 13 digits of its own, for which no
 * check-digit rule is published. So the format is checked, not the check digit: a rule that
 * refused a sole proprietor's real number would be worse than none.
 */

const FORMAT = /^T\d{13}$/;

/**
 * The number as stored: 'T' and 13 ASCII digits, from what was typed (full-width characters,
 * a lower-case 't', spaces and hyphens allowed); '' for none; null when it is not a number.
 */
export function normalizeInvoiceRegistrationNumber(typed: string): string | null {
	const compact = typed
		.normalize('NFKC')
		.replace(/[\s\-‐－ー]/g, '')
		.toUpperCase();
	if (compact === '') return '';
	return FORMAT.test(compact) ? compact : null;
}

/** 'T1234567890123' as printed: 'T1-2345-6789-0123' is easier to read aloud and copy. */
export function formatInvoiceRegistrationNumber(stored: string): string {
	if (!FORMAT.test(stored)) return stored;
	return `T${stored.slice(1, 2)}-${stored.slice(2, 6)}-${stored.slice(6, 10)}-${stored.slice(10)}`;
}
