import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertTerms, expiresOn, lastValidDay, taxOfSale, valueOfFirstVisits, valueOfLastVisits, type PackageTerms } from './terms';

const course = (visitCount: number, priceJpy: number): PackageTerms => ({
	kind: 'course',
	visitCount,
	priceJpy,
	validityMonths: 6,
	serviceIds: ['svc'],
	familyShareable: false
});

describe('the value of the visits of a course', () => {
	it('splits an even price evenly', () => {
		expect([1, 2, 5].map((k) => valueOfFirstVisits(course(5, 25_000), k))).toEqual([5_000, 10_000, 25_000]);
	});

	it('puts the odd yen on the last visits, so a refund returns them', () => {
		const terms = course(3, 10_000);
		expect(valueOfFirstVisits(terms, 1)).toBe(3_333);
		expect(valueOfFirstVisits(terms, 2)).toBe(6_666);
		expect(valueOfLastVisits(terms, 1)).toBe(3_334);
	});

	it('always adds up to the price exactly', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 10_000_000 }), fc.nat(100), (count, price, k) => {
				const terms = course(count, price);
				const used = k % (count + 1);
				expect(valueOfFirstVisits(terms, used) + valueOfLastVisits(terms, count - used)).toBe(price);
				expect(valueOfFirstVisits(terms, used)).toBeGreaterThanOrEqual(0);
			})
		);
	});

	it('refuses terms out of range', () => {
		expect(() => assertTerms(course(0, 1000))).toThrow(RangeError);
		expect(() => assertTerms(course(5, 10.5))).toThrow(RangeError);
		expect(() => assertTerms({ ...course(5, 1000), validityMonths: 0 })).toThrow(RangeError);
		expect(assertTerms(course(5, 1000)).visitCount).toBe(5);
	});
});

describe('the expiry of a course', () => {
	it('ends on the same day months later', () => {
		expect(expiresOn('2026-12-06', 6)).toBe('2027-06-06');
		expect(expiresOn('2026-01-15', 12)).toBe('2027-01-15');
	});

	it('ends on the first of the next month when the month is shorter', () => {
		expect(expiresOn('2026-08-31', 6)).toBe('2027-03-01');
		expect(expiresOn('2027-08-31', 6)).toBe('2028-03-01');
		expect(expiresOn('2026-03-31', 1)).toBe('2026-05-01');
	});

	it('is printed as the last valid day', () => {
		expect(lastValidDay('2027-06-06')).toBe('2027-06-05');
		expect(lastValidDay('2027-03-01')).toBe('2027-02-28');
		expect(lastValidDay('2028-01-01')).toBe('2027-12-31');
	});

	it('refuses a non-date', () => {
		expect(() => expiresOn('6 Dec', 6)).toThrow(RangeError);
	});
});

describe('the tax in a sale', () => {
	it('is the tax contained in the price, at the rate of the day sold, rounded down', () => {
		expect(taxOfSale(25_000, '2026-12-06')).toEqual({ ratePercent: 10, taxJpy: 2_272 });
		expect(taxOfSale(10_800, '2015-01-01')).toEqual({ ratePercent: 8, taxJpy: 800 });
	});
});
