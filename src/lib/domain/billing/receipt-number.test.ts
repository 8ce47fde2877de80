import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReceiptNumber, isReissue, parseReceiptNumber, receiptYear, reissueTarget, sequenceProblems } from './receipt-number';

describe('receipt numbers', () => {
	it('formats a per-year sequence as 2026-000123', () => {
		expect(formatReceiptNumber(2026, 123)).toBe('2026-000123');
		expect(formatReceiptNumber(2026, 1)).toBe('2026-000001');
		expect(formatReceiptNumber(2026, 1_234_567)).toBe('2026-1234567');
	});

	it('refuses a sequence below 1 or a fraction', () => {
		expect(() => formatReceiptNumber(2026, 0)).toThrow(RangeError);
		expect(() => formatReceiptNumber(2026, 1.5)).toThrow(RangeError);
		expect(() => formatReceiptNumber(26, 1)).toThrow(RangeError);
	});

	it('reads back what it wrote and nothing else (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 99_999_999 }), (year, sequence) => {
				expect(parseReceiptNumber(formatReceiptNumber(year, sequence))).toEqual({ year, sequence });
			})
		);
		expect(parseReceiptNumber('2026-123')).toBeNull();
		expect(parseReceiptNumber('2026-000000')).toBeNull();
		expect(parseReceiptNumber('R2026-000001')).toBeNull();
	});

	it('numbers by the clinic-local year of issue', () => {
		expect(receiptYear('2026-12-31')).toBe(2026);
		expect(receiptYear('2027-01-01')).toBe(2027);
	});

	it('finds gaps and duplicates in a year’s sequence', () => {
		expect(sequenceProblems([3, 1, 2])).toEqual({ missing: [], duplicates: [] });
		expect(sequenceProblems([1, 2, 4, 4, 6])).toEqual({ missing: [3, 5], duplicates: [4] });
		expect(sequenceProblems([])).toEqual({ missing: [], duplicates: [] });
	});

	it('sees a shuffled 1…n as gapless and any removal inside it as a gap (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 200 }), fc.nat(), fc.nat(), (n, seed, drop) => {
				const sequence = Array.from({ length: n }, (_, i) => i + 1).sort((a, b) => ((a * 7919 + seed) % n) - ((b * 7919 + seed) % n));
				expect(sequenceProblems(sequence)).toEqual({ missing: [], duplicates: [] });
				const removed = (drop % (n - 1)) + 1; // never the highest: that is not a gap, just the end
				expect(sequenceProblems(sequence.filter((s) => s !== removed)).missing).toEqual([removed]);
			})
		);
	});

	it('marks a reissue and points every copy at the original', () => {
		const original = { id: 'r1', reissueOf: null };
		const copy = { id: 'r2', reissueOf: 'r1' };
		expect([isReissue(original), isReissue(copy)]).toEqual([false, true]);
		expect([reissueTarget(original), reissueTarget(copy)]).toEqual(['r1', 'r1']);
	});
});
