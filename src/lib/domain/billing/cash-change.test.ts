import { describe, expect, it } from 'vitest';
import { cashChange } from './cash-change';

describe('cashChange', () => {
	it('gives the difference back, and nothing for the exact amount', () => {
		expect(cashChange(5500, 10000)).toEqual({ ok: true, changeJpy: 4500 });
		expect(cashChange(5500, 5500)).toEqual({ ok: true, changeJpy: 0 });
	});

	it('refuses less than the amount taken, saying how much is missing', () => {
		expect(cashChange(5500, 5000)).toEqual({ ok: false, code: 'tendered_short', shortJpy: 500 });
	});
});
