import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageState, type PackageEntry } from './ledger';
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
		expect(courseFiguresAt(TERMS, ENTRIES, 6 * DAY, '1970-01-06', '1970-07-01')).toMatchObject({
			refundedVisits: 2,
			refundedJpy: 6_067,
			feeJpy: 600,
			remainingVisits: 0,
			liabilityJpy: 0,
			status: 'refunded'
		});
	});

	it('shows a course past its expiry day as expired', () => {
		expect(courseFiguresAt(TERMS, ENTRIES, 3 * DAY, '1970-01-03', '1970-01-03')).toMatchObject({ status: 'expired' });
		expect(courseFiguresAt(TERMS, ENTRIES, 3 * DAY, '1970-01-02', '1970-01-03')).toMatchObject({ status: 'active' });
	});

	it('sums every figure into the totals row', () => {
		const a = courseFiguresAt(TERMS, ENTRIES, 3 * DAY, '1970-01-03', '1970-07-01')!;
		const b = courseFiguresAt(TERMS, ENTRIES, 6 * DAY, '1970-01-06', '1970-07-01')!;
		expect(totalFigures([a, b])).toEqual({
			courses: 2,
			visitCount: 6,
			priceJpy: 20_000,
			paidJpy: 20_000,
			usedVisits: 2,
			expiredVisits: 0,
			refundedVisits: 2,
			refundedJpy: 6_067,
			feeJpy: 600,
			remainingVisits: 2,
			liabilityJpy: 6_667
		});
		expect(totalFigures([])).toMatchObject({ courses: 0, liabilityJpy: 0 });
	});
});

describe('the report at any date, for any ledger', () => {
	it('equals the state the ledger had after its last entry before that date, never negative', () => {
		const step = fc.record({ op: fc.constantFrom('pay', 'use', 'use', 'expire', 'refund'), gap: fc.nat(2), n: fc.nat(1_000_000) });
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10 }),
				fc.integer({ min: 1, max: 100_000 }),
				fc.array(step, { maxLength: 25 }),
				fc.nat(60),
				(visitCount, priceJpy, steps, cut) => {
					const terms = { visitCount, priceJpy };
					const entries: PackageEntry[] = [{ kind: 'sale', at: 0 }];
					const snapshots: { at: number; liabilityJpy: number; usedVisits: number; remainingVisits: number }[] = [];
					let at = 0;
					for (const { op, gap, n } of steps) {
						at += gap;
						const state = packageState(terms, entries);
						let next: PackageEntry | null = null;
						if (op === 'pay' && state.balanceDueJpy > 0 && state.status !== 'refunded')
							next = { kind: 'payment', at, method: 'cash', amountJpy: 1 + (n % state.balanceDueJpy) };
						if (op === 'use' && state.status === 'active') next = { kind: 'use', at, sequence: state.nextSequence, patientId: 'p', appointmentId: null };
						if (op === 'expire' && state.status === 'active') next = { kind: 'expiry', at, visits: state.remainingVisits };
						if (op === 'refund' && state.status === 'active') {
							const held = state.liabilityJpy;
							next = { kind: 'refund', at, visits: state.remainingVisits, feeJpy: 0, amountJpy: held, method: 'cash' };
						}
						if (!next) continue;
						entries.push(next);
						const after = packageState(terms, entries);
						snapshots.push({ at, liabilityJpy: after.liabilityJpy, usedVisits: after.usedVisits, remainingVisits: after.remainingVisits });
					}
					const figures = courseFiguresAt(terms, entries, cut, '2000-01-01', '2999-01-01');
					if (cut <= 0) {
						expect(figures).toBeNull();
						return;
					}
					const { liabilityJpy, usedVisits, remainingVisits } = snapshots.filter((s) => s.at < cut).at(-1) ?? {
						liabilityJpy: 0,
						usedVisits: 0,
						remainingVisits: visitCount
					};
					expect(figures).toMatchObject({ liabilityJpy, usedVisits, remainingVisits });
					expect(figures!.liabilityJpy).toBeGreaterThanOrEqual(0);
					expect(figures!.usedVisits + figures!.expiredVisits + figures!.refundedVisits + figures!.remainingVisits).toBe(visitCount);
				}
			),
			{ numRuns: 300 }
		);
	});
});
