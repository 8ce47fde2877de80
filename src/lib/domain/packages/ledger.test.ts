import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPackagePayment, checkUse, LedgerError, packageState, type PackageEntry, type PackageHolder } from './ledger';
import { computeRefund, refundEntry } from './refund';

const terms = { visitCount: 5, priceJpy: 25_000 };
const sale: PackageEntry = { kind: 'sale', at: 0 };
const pay = (amountJpy: number): PackageEntry => ({ kind: 'payment', at: 1, method: 'cash', amountJpy });
const use = (sequence: number, patientId = 'holder'): PackageEntry => ({ kind: 'use', at: 2, sequence, patientId, appointmentId: `a${sequence}` });

describe('the state of a package', () => {
	it('derives remaining visits, the balance and the liability from the entries', () => {
		const state = packageState(terms, [sale, pay(10_000), use(1), use(2)]);
		expect(state).toMatchObject({
			remainingVisits: 3,
			usedVisits: 2,
			paidJpy: 10_000,
			balanceDueJpy: 15_000,
			liabilityJpy: 0,
			status: 'active',
			nextSequence: 3
		});
		expect(packageState(terms, [sale, pay(25_000), use(1), use(2)]).liabilityJpy).toBe(15_000);
		expect(packageState(terms, [sale, pay(12_000), use(1)]).liabilityJpy).toBe(7_000);
	});

	it('numbers the uses 1/5, 2/5 … and renumbers after a use is given back', () => {
		const state = packageState(terms, [sale, pay(25_000), use(1), use(2), { kind: 'reinstate', at: 3, sequence: 1 }, use(3)]);
		expect(state.uses.map((u) => [u.sequence, u.visitNumber])).toEqual([
			[2, 1],
			[3, 2]
		]);
		expect(state).toMatchObject({ remainingVisits: 3, nextSequence: 4 });
	});

	it('is used up after the last visit and expired past its day even before the expiry entry', () => {
		const all = [sale, pay(25_000), use(1), use(2), use(3), use(4), use(5)];
		expect(packageState(terms, all).status).toBe('used_up');
		const state = packageState(terms, [sale, pay(25_000), use(1)], '2027-06-06', '2027-06-06');
		expect(state).toMatchObject({ status: 'expired', remainingVisits: 4, liabilityJpy: 20_000 });
		const booked = packageState(terms, [sale, pay(25_000), use(1), { kind: 'expiry', at: 9, visits: 4 }]);
		expect(booked).toMatchObject({ status: 'expired', remainingVisits: 0, expiredVisits: 4, liabilityJpy: 0 });
	});

	it('refuses an impossible ledger', () => {
		expect(() => packageState(terms, [])).toThrow(LedgerError);
		expect(() => packageState(terms, [pay(1)])).toThrow(LedgerError);
		expect(() => packageState(terms, [sale, pay(25_001)])).toThrow(LedgerError);
		expect(() => packageState(terms, [sale, use(2)])).toThrow(LedgerError);
		expect(() => packageState(terms, [sale, use(1), use(1)])).toThrow(LedgerError);
		expect(() => packageState({ visitCount: 1, priceJpy: 1 }, [sale, use(1), use(2)])).toThrow(LedgerError);
		expect(() => packageState(terms, [sale, { kind: 'expiry', at: 1, visits: 4 }])).toThrow(LedgerError);
		expect(() => packageState(terms, [sale, pay(100), { kind: 'refund', at: 1, visits: 5, feeJpy: 0, amountJpy: 101, method: 'cash' }])).toThrow(LedgerError);
		expect(() => packageState(terms, [sale, { kind: 'reinstate', at: 1, sequence: 1 }])).toThrow(LedgerError);
	});
});

describe('payments toward a package', () => {
	it('takes part payments up to the price', () => {
		expect(checkPackagePayment(terms, [sale], 10_000)).toEqual({ ok: true });
		expect(checkPackagePayment(terms, [sale, pay(10_000)], 15_001)).toEqual({ ok: false, code: 'exceeds_balance' });
		expect(checkPackagePayment(terms, [sale, pay(25_000)], 1)).toEqual({ ok: false, code: 'nothing_due' });
		expect(checkPackagePayment(terms, [sale], 0)).toEqual({ ok: false, code: 'invalid_amount' });
		expect(checkPackagePayment(terms, [sale], 1.5)).toEqual({ ok: false, code: 'invalid_amount' });
	});
});

describe('who may use a package for which visit', () => {
	const pkg: PackageHolder = {
		holderPatientId: 'holder',
		familyPatientIds: ['child'],
		expiresOn: '2027-06-06',
		terms: { ...terms, serviceIds: ['acu'], familyShareable: true }
	};
	const visit = { patientId: 'holder', serviceId: 'acu', visitDate: '2026-12-10', insured: false };

	it('lets the holder and a named family member use a covered service', () => {
		expect(checkUse(pkg, [sale], visit)).toMatchObject({ ok: true });
		expect(checkUse(pkg, [sale], { ...visit, patientId: 'child' })).toMatchObject({ ok: true });
	});

	it('refuses anyone else, a family member of a package not shareable, and another service', () => {
		expect(checkUse(pkg, [sale], { ...visit, patientId: 'stranger' })).toEqual({ ok: false, code: 'not_allowed_user' });
		expect(checkUse({ ...pkg, terms: { ...pkg.terms, familyShareable: false } }, [sale], { ...visit, patientId: 'child' })).toEqual({
			ok: false,
			code: 'not_allowed_user'
		});
		expect(checkUse(pkg, [sale], { ...visit, serviceId: 'massage' })).toEqual({ ok: false, code: 'service_not_covered' });
	});

	it('never uses a package for an insured visit, past expiry, used up or refunded', () => {
		expect(checkUse(pkg, [sale], { ...visit, insured: true })).toEqual({ ok: false, code: 'insured_visit' });
		expect(checkUse(pkg, [sale], { ...visit, visitDate: '2027-06-06' })).toEqual({ ok: false, code: 'expired' });
		expect(checkUse(pkg, [sale, use(1), use(2), use(3), use(4), use(5)], visit)).toEqual({ ok: false, code: 'none_left' });
		const refunded: PackageEntry = { kind: 'refund', at: 3, visits: 5, feeJpy: 0, amountJpy: 0, method: 'cash' };
		expect(checkUse(pkg, [sale, refunded], visit)).toEqual({ ok: false, code: 'not_active' });
	});
});

/** An independent recount: one cell per visit, each visit's value summed one by one. */
function recount(visitCount: number, priceJpy: number, entries: readonly PackageEntry[]) {
	const cells: ('open' | 'gone')[] = Array.from({ length: visitCount }, () => 'open');
	let paid = 0;
	for (const entry of entries) {
		if (entry.kind === 'payment') paid += entry.amountJpy;
		if (entry.kind === 'refund') paid -= entry.amountJpy;
		const take = entry.kind === 'use' ? 1 : entry.kind === 'expiry' || entry.kind === 'refund' ? entry.visits : entry.kind === 'reinstate' ? -1 : 0;
		for (let i = 0, n = 0; n < take; i++) {
			if (cells[i] !== 'open') continue;
			cells[i] = 'gone';
			n++;
		}
		if (take < 0) cells[cells.lastIndexOf('gone')] = 'open';
	}
	const visitValue = (k: number) => Math.floor((k * priceJpy) / visitCount) - Math.floor(((k - 1) * priceJpy) / visitCount);
	let consumedValue = 0;
	let openValue = 0;
	cells.forEach((cell, i) => {
		if (cell === 'gone') consumedValue += visitValue(i + 1);
		else openValue += visitValue(i + 1);
	});
	const remaining = cells.filter((c) => c === 'open').length;
	return { remaining, liability: Math.max(0, Math.min(paid - consumedValue, openValue)) };
}

type Step = { op: 'pay' | 'use' | 'reinstate' | 'expire' | 'refund'; n: number };

describe('any sequence of sales, payments, uses, refunds and expiries', () => {
	it('keeps remaining visits and the liability non-negative and equal to a recount', () => {
		const step = fc.record({ op: fc.constantFrom<Step['op']>('pay', 'use', 'use', 'reinstate', 'expire', 'refund'), n: fc.nat(1_000_000) });
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 0, max: 200_000 }),
				fc.array(step, { maxLength: 40 }),
				fc.nat(5_000),
				(visitCount, priceJpy, steps, fee) => {
					const terms = { visitCount, priceJpy };
					const entries: PackageEntry[] = [sale];
					for (const [at, { op, n }] of steps.entries()) {
						const state = packageState(terms, entries);
						let next: PackageEntry | null = null;
						if (op === 'pay' && state.balanceDueJpy > 0) next = { kind: 'payment', at, method: 'card', amountJpy: 1 + (n % state.balanceDueJpy) };
						if (op === 'use' && state.status === 'active') next = { kind: 'use', at, sequence: state.nextSequence, patientId: 'p', appointmentId: null };
						if (op === 'reinstate' && state.status !== 'refunded' && state.expiredVisits === 0 && state.uses.length > 0)
							next = { kind: 'reinstate', at, sequence: state.uses[n % state.uses.length]!.sequence };
						if (op === 'expire' && state.status === 'active') next = { kind: 'expiry', at, visits: state.remainingVisits };
						if (op === 'refund') {
							const quote = computeRefund(terms, entries, { cancellationFeeJpy: fee, documentedAverageDamageJpy: n % 3_000 }, '2026-12-06');
							if (quote.ok) next = refundEntry(quote.computation, at, 'cash');
						}
						if (!next) continue;
						entries.push(next);
						const after = packageState(terms, entries);
						const counted = recount(visitCount, priceJpy, entries);
						expect(after.remainingVisits).toBeGreaterThanOrEqual(0);
						expect(after.liabilityJpy).toBeGreaterThanOrEqual(0);
						expect(after.balanceDueJpy).toBeGreaterThanOrEqual(0);
						expect(after.remainingVisits).toBe(counted.remaining);
						expect(after.liabilityJpy).toBe(counted.liability);
						expect(after.liabilityJpy).toBeLessThanOrEqual(after.paidJpy - after.returnedJpy);
						expect(after.usedVisits + after.expiredVisits + after.refundedVisits + after.remainingVisits).toBe(visitCount);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
