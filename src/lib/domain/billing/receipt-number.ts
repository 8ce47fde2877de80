/*
 * Receipt (領収書) numbers: one gapless sequence per clinic and calendar year (clinic-local), shown
 * as '2026-000123'. Gapless because a missing number on a receipt book is what an auditor asks
 * about first; the database issues the next number in the same transaction as the receipt, so a
 * receipt that fails to save gives its number back.
 */

const SEQUENCE_DIGITS = 6;
const NUMBER_PATTERN = /^(\d{4})-(\d{6,})$/;

export interface ReceiptNumber {
	year: number;
	sequence: number;
}

/** '2026-000123'. Past 999999 the sequence simply grows a digit and stays unique. */
export function formatReceiptNumber(year: number, sequence: number): string {
	if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`receipt year out of range: ${year}`);
	if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`receipt sequence must be a positive whole number: ${sequence}`);
	return `${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

export function parseReceiptNumber(value: string): ReceiptNumber | null {
	const match = NUMBER_PATTERN.exec(value.trim());
	if (!match) return null;
	const sequence = Number(match[2]);
	if (!Number.isSafeInteger(sequence) || sequence < 1) return null;
	return { year: Number(match[1]), sequence };
}

/** The numbering year of a receipt issued on a clinic-local day ('YYYY-MM-DD'). */
export function receiptYear(issuedOn: string): number {
	return Number(issuedOn.slice(0, 4));
}

export interface SequenceProblems {
	/** Numbers between 1 and the highest issued that no receipt carries. */
	missing: number[];
	/** Numbers carried by more than one receipt. */
	duplicates: number[];
}

/** What breaks "1, 2, 3 … n, each once" in one year's sequence; both empty when it holds. */
export function sequenceProblems(sequences: readonly number[]): SequenceProblems {
	const seen = new Map<number, number>();
	for (const s of sequences) seen.set(s, (seen.get(s) ?? 0) + 1);
	const highest = sequences.reduce((max, s) => Math.max(max, s), 0);
	const missing: number[] = [];
	for (let s = 1; s <= highest; s += 1) if (!seen.has(s)) missing.push(s);
	const duplicates = [...seen]
		.filter(([, count]) => count > 1)
		.map(([s]) => s)
		.sort((a, b) => a - b);
	return { missing, duplicates };
}

export interface IssuedReceipt {
	id: string;
	/** The receipt this one reissues; null for an original. */
	reissueOf: string | null;
}

/**
 * A reissue always points at the original, even when reissuing a reissue: one step from any copy
 * finds the first receipt, and the copies of one receipt are simply those pointing at it.
 */
export function reissueTarget(receipt: IssuedReceipt): string {
	return receipt.reissueOf ?? receipt.id;
}

export function isReissue(receipt: IssuedReceipt): boolean {
	return receipt.reissueOf !== null;
}
