import { describe, expect, it } from 'vitest';
import { claimDifference, paymentProblems, type PaymentClaimFacts } from './insurer-payment';

const claim = (id: string, claimJpy: number, destination = 'kind:kokuho'): PaymentClaimFacts => ({ id, destination, claimJpy, status: 'submitted' });

describe('paymentProblems', () => {
	it('accepts parts that add up to the amount, each at most its claim', () => {
		expect(
			paymentProblems({ amountJpy: 5000, destination: 'kind:kokuho' }, [
				{ claim: claim('a', 3276), amountJpy: 3276 },
				{ claim: claim('b', 2000), amountJpy: 1724 }
			])
		).toEqual([]);
	});
	it('names a missing claim list, a wrong sum, another 提出先, a part over its claim and a claim listed twice', () => {
		expect(paymentProblems({ amountJpy: 1, destination: 'kind:kokuho' }, [])).toEqual([{ code: 'no_claims' }]);
		expect(paymentProblems({ amountJpy: 3000, destination: 'kind:kokuho' }, [{ claim: claim('a', 3276), amountJpy: 3276 }])).toEqual([
			{ code: 'sum_mismatch', sumJpy: 3276 }
		]);
		expect(paymentProblems({ amountJpy: 100, destination: 'kind:kokuho' }, [{ claim: claim('a', 3276, 'kind:kyokai'), amountJpy: 100 }])).toEqual([
			{ code: 'other_destination', claimId: 'a' }
		]);
		expect(paymentProblems({ amountJpy: 4000, destination: 'kind:kokuho' }, [{ claim: claim('a', 3276), amountJpy: 4000 }])).toEqual([
			{ code: 'over_claim', claimId: 'a' }
		]);
		expect(
			paymentProblems({ amountJpy: 2, destination: 'kind:kokuho' }, [
				{ claim: claim('a', 10), amountJpy: 1 },
				{ claim: claim('a', 10), amountJpy: 1 }
			])
		).toEqual([{ code: 'duplicate_claim', claimId: 'a' }]);
	});
	it('accepts a payment of 0 yen for a 0-yen 公費 claim', () => {
		expect(paymentProblems({ amountJpy: 0, destination: 'kokuhoren' }, [{ claim: claim('p', 0, 'kokuhoren'), amountJpy: 0 }])).toEqual([]);
	});
});

describe('claimDifference', () => {
	it('is what the insurer has not paid', () => {
		expect(claimDifference(3276, 3276)).toBe(0);
		expect(claimDifference(3276, 3000)).toBe(276);
	});
});
