import { describe, expect, it } from 'vitest';
import type { PackageEntry } from './ledger';
import { courseFiguresAt, entriesBefore, totalFigures } from './report';

const TERMS = { visitCount: 3, priceJpy: 10_000 };
const DAY = 86_400_000;
const ENTRIES: PackageEntry[] = [
	{ kind: 'sale', at: 0 },
	{ kind: 'payment', at: 0, method: 'cash', amountJpy: 10_000 },
	{ kind: 'use', at: 2 * DAY, sequence: 1, patientId: 'p', appointmentId: 'a' },
	{ kind: 'refund', at: 5 * DAY, visits: 2, feeJpy: 600, amountJpy: 6_067, method: 'cash' }
];

describe('the report of a course at a date', () => {
	it('keeps only the entries written before the end of the day', () => {
		expect(entriesBefore(ENTRIES, 2 * DAY).map((e) => e.kind)).toEqual(['sale', 'payment']);
		expect(entriesBefore(ENTRIES, 2 * DAY + 1).map((e) => e.kind)).toEqual(['sale', 'payment', 'use']);
	});

	it('is nothing before the sale, then moves the liability with each entry', () => {
		expect(courseFiguresAt(TERMS, ENTRIES, 0, '1970-01-01', '1970-07-01')).toBeNull();
		expect(courseFiguresAt(TERMS, ENTRIES, DAY, '1970-01-01', '1970-07-01')).toMatchObject({ usedVisits: 0, liabilityJpy: 10_000, status: 'active' });
		// The first visit is worth ⌊10,000 ÷ 3⌋ = 3,333; the odd yen stay with the visits left.
		expect(courseFiguresAt(TERMS, ENTRIES, 3 * DAY, '1970-01-03', '1970-07-01')).toMatchObject({ usedVisits: 1, remainingVisits: 2, liabilityJpy: 6_667 });
		expect(courseFiguresAt(TERMS, ENTRIES, 6 * DAY, '1970-01-06', '1970-07-01')).toMatchObject({ refundedVisits: 2, refundedJpy: 6_067, feeJpy: 600, remainingVisits: 0, liabilityJpy: 0, status: 'refunded' });
	});

	it('shows a course past its expiry day as expired', () => {
		expect(courseFiguresAt(TERMS, ENTRIES, 3 * DAY, '1970-01-03', '1970-01-03')).toMatchObject({ status: 'expired' });
		expect(courseFiguresAt(TERMS, ENTRIES, 3 * DAY, '1970-01-02', '1970-01-03')).toMatchObject({ status: 'active' });
	});

	it('sums every figure into the totals row', () => {
		const a = courseFiguresAt(TERMS, ENTRIES, 3 * DAY, '1970-01-03', '1970-07-01')!;
		const b = courseFiguresAt(TERMS, ENTRIES, 6 * DAY, '1970-01-06', '1970-07-01')!;
		expect(totalFigures([a, b])).toEqual({ courses: 2, visitCount: 6, priceJpy: 20_000, paidJpy: 20_000, usedVisits: 2, expiredVisits: 0, refundedVisits: 2, refundedJpy: 6_067, feeJpy: 600, remainingVisits: 2, liabilityJpy: 6_667 });
		expect(totalFigures([])).toMatchObject({ courses: 0, liabilityJpy: 0 });
	});
});
