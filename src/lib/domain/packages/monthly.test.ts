import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time';
import { checkUse, packageState, type PackageEntry } from './ledger';
import {
	assertPlanTerms,
	choosePlanPeriod,
	dueRenewal,
	nextPeriod,
	periodContaining,
	periodGrant,
	periodMonth,
	planRemainingOn,
	type PlanPeriod,
	type PlanTerms
} from './monthly';
import { computeRefund, refundEntry } from './refund';

const plan: PlanTerms = { visitsPerMonth: 4, monthlyPriceJpy: 20_000, carryOver: true, renewalDay: 1, serviceIds: ['s'], familyShareable: false };
const request = (visitDate: string) => ({ patientId: 'p', serviceId: 's', visitDate, insured: false });

function periodOf(terms: PlanTerms, start: string, entries: PackageEntry[] = [{ kind: 'sale', at: 0 }], saleId = start): PlanPeriod {
	const period = periodContaining(start, terms.renewalDay);
	const grant = periodGrant(terms, period);
	return {
		saleId,
		period,
		holder: {
			holderPatientId: 'p',
			familyPatientIds: [],
			expiresOn: grant.expiresOn,
			validFrom: grant.validFrom,
			terms: { visitCount: grant.visitCount, priceJpy: grant.priceJpy, serviceIds: terms.serviceIds, familyShareable: terms.familyShareable }
		},
		entries,
		voided: false
	};
}
const use = (sequence: number): PackageEntry => ({ kind: 'use', at: sequence, sequence, patientId: 'p', appointmentId: `a${sequence}` });

describe('the periods of a monthly plan', () => {
	it('runs from one renewal day to the next, across the year end', () => {
		expect(periodContaining('2026-12-06', 1)).toEqual({ start: '2026-12-01', end: '2027-01-01' });
		expect(periodContaining('2026-12-06', 25)).toEqual({ start: '2026-11-25', end: '2026-12-25' });
		expect(periodContaining('2026-12-25', 25)).toEqual({ start: '2026-12-25', end: '2027-01-25' });
		expect(periodContaining('2027-01-10', 15)).toEqual({ start: '2026-12-15', end: '2027-01-15' });
		expect(nextPeriod({ start: '2026-12-28', end: '2027-01-28' }, 28)).toEqual({ start: '2027-01-28', end: '2027-02-28' });
		expect(periodMonth({ start: '2026-12-01' })).toEqual({ year: 2026, month: 12 });
	});

	it('refuses terms a month cannot hold', () => {
		expect(() => assertPlanTerms({ ...plan, renewalDay: 29 })).toThrow(RangeError);
		expect(() => assertPlanTerms({ ...plan, renewalDay: 0 })).toThrow(RangeError);
		expect(() => assertPlanTerms({ ...plan, visitsPerMonth: 0 })).toThrow(RangeError);
		expect(() => assertPlanTerms({ ...plan, monthlyPriceJpy: 1.5 })).toThrow(RangeError);
		expect(() => periodContaining('2026-12-06', 31)).toThrow(RangeError);
	});

	it('keeps a month usable one period longer with carry-over, and no longer', () => {
		const december = periodContaining('2026-12-06', 1);
		expect(periodGrant(plan, december)).toEqual({ visitCount: 4, priceJpy: 20_000, validityMonths: 2, validFrom: '2026-12-01', expiresOn: '2027-02-01' });
		expect(periodGrant({ ...plan, carryOver: false }, december).expiresOn).toBe('2027-01-01');
	});

	it('renews once per period, never ahead of time and never after a stop', () => {
		const terms = { renewalDay: 1, stoppedOn: null };
		expect(dueRenewal(terms, '2026-11-01', '2026-12-01')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
		expect(dueRenewal(terms, '2026-12-01', '2026-12-20')).toBeNull();
		// A plan started ahead for January has nothing due in December.
		expect(dueRenewal(terms, '2027-01-01', '2026-12-20')).toBeNull();
		expect(dueRenewal({ renewalDay: 1, stoppedOn: '2026-12-10' }, '2026-12-01', '2027-01-01')).toBeNull();
		// A missed month is not billed after the fact: only the period of today.
		expect(dueRenewal(terms, '2026-10-01', '2026-12-03')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
	});
});

describe('which period a visit uses', () => {
	it('uses carried visits of last month first, then the month’s own', () => {
		const november = periodOf(plan, '2026-11-01', [{ kind: 'sale', at: 0 }, use(1), use(2)]);
		const december = periodOf(plan, '2026-12-01');
		const chosen = choosePlanPeriod([december, november], request('2026-12-06'));
		expect(chosen).toMatchObject({ ok: true, saleId: '2026-11-01', carried: true });
		expect(planRemainingOn([november, december], '2026-12-06')).toBe(6);
		// November's own visits in November are not carried.
		expect(choosePlanPeriod([november], request('2026-11-20'))).toMatchObject({ ok: true, carried: false });
	});

	it('never takes next month’s visits, nor a month two periods old', () => {
		const january = periodOf(plan, '2027-01-01');
		expect(choosePlanPeriod([january], request('2026-12-20'))).toEqual({ ok: false, code: 'not_active' });
		const october = periodOf(plan, '2026-10-01');
		expect(choosePlanPeriod([october], request('2026-12-06'))).toEqual({ ok: false, code: 'expired' });
		expect(planRemainingOn([october, january], '2026-12-06')).toBe(0);
		// The same rule at the desk's direct mark of a period: checkUse with its start.
		expect(checkUse(january.holder, january.entries, request('2026-12-20'))).toEqual({ ok: false, code: 'not_active' });
	});

	it('without carry-over, last month’s visits are gone; a used-up month says so', () => {
		const terms = { ...plan, carryOver: false };
		const november = periodOf(terms, '2026-11-01');
		const december = periodOf(terms, '2026-12-01', [{ kind: 'sale', at: 0 }, use(1), use(2), use(3), use(4)]);
		expect(choosePlanPeriod([november, december], request('2026-12-06'))).toEqual({ ok: false, code: 'none_left' });
		expect(choosePlanPeriod([november, december], request('2026-12-06')).ok).toBe(false);
		expect(choosePlanPeriod([{ ...december, voided: true }], request('2026-12-06'))).toEqual({ ok: false, code: 'not_active' });
		expect(choosePlanPeriod([november, december], { ...request('2026-12-06'), insured: true })).toEqual({ ok: false, code: 'insured_visit' });
	});
});

type Step = { op: 'next_month' | 'pay' | 'use' | 'reinstate' | 'refund' | 'stop' | 'day'; n: number };

/** An independent recount of one period: one cell per visit, each visit's value summed one by one. */
function recount(visitCount: number, priceJpy: number, entries: readonly PackageEntry[]) {
	const cells: ('open' | 'gone')[] = Array.from({ length: visitCount }, () => 'open');
	let paid = 0;
	for (const entry of entries) {
		if (entry.kind === 'payment') paid += entry.amountJpy;
		if (entry.kind === 'refund') paid -= entry.amountJpy;
		const take = entry.kind === 'use' ? 1 : entry.kind === 'expiry' || entry.kind === 'refund' ? entry.visits : 0;
		for (let i = 0, n = 0; n < take; i++) {
			if (cells[i] !== 'open') continue;
			cells[i] = 'gone';
			n++;
		}
		if (entry.kind === 'reinstate') cells[cells.lastIndexOf('gone')] = 'open';
	}
	const value = (k: number) => Math.floor((k * priceJpy) / visitCount) - Math.floor(((k - 1) * priceJpy) / visitCount);
	let consumed = 0;
	let open = 0;
	cells.forEach((cell, i) => (cell === 'gone' ? (consumed += value(i + 1)) : (open += value(i + 1))));
	return { remaining: cells.filter((c) => c === 'open').length, liability: Math.max(0, Math.min(paid - consumed, open)) };
}

describe('any sequence of renewals, payments, uses, refunds and expiries of a monthly plan', () => {
	it('keeps every month’s remaining visits and liability non-negative and equal to a recount', () => {
		const step = fc.record({
			op: fc.constantFrom<Step['op']>('next_month', 'pay', 'use', 'use', 'use', 'reinstate', 'refund', 'stop', 'day'),
			n: fc.nat(1_000_000)
		});
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 8 }),
				fc.integer({ min: 1, max: 100_000 }),
				fc.boolean(),
				fc.integer({ min: 1, max: 28 }),
				fc.array(step, { maxLength: 60 }),
				fc.nat(5_000),
				(visitsPerMonth, monthlyPriceJpy, carryOver, renewalDay, steps, fee) => {
					const terms: PlanTerms = { visitsPerMonth, monthlyPriceJpy, carryOver, renewalDay, serviceIds: ['s'], familyShareable: false };
					let today = '2026-12-06';
					let stoppedOn: string | null = null;
					const periods: PlanPeriod[] = [];
					const renew = () => {
						const due = dueRenewal({ renewalDay, stoppedOn }, periods.at(-1)?.period.start ?? null, today);
						if (due) periods.push(periodOf(terms, due.start, [{ kind: 'sale', at: 0 }], `${periods.length}`));
					};
					const expire = () => {
						for (const p of periods) {
							const state = packageState(p.holder.terms, p.entries);
							if (today >= p.holder.expiresOn && state.status === 'active')
								p.entries = [...p.entries, { kind: 'expiry', at: 0, visits: state.remainingVisits }];
						}
					};
					renew();
					for (const [at, { op, n }] of steps.entries()) {
						const target = periods.length === 0 ? null : periods[n % periods.length]!;
						if (op === 'next_month' || op === 'day') {
							today = op === 'day' ? addDays(today, 1 + (n % 9)) : nextPeriod(periodContaining(today, renewalDay), renewalDay).start;
							expire();
							renew();
						}
						if (op === 'stop' && stoppedOn === null) stoppedOn = today;
						if (op === 'pay' && target) {
							const state = packageState(target.holder.terms, target.entries);
							if (state.balanceDueJpy > 0)
								target.entries = [...target.entries, { kind: 'payment', at, method: 'cash', amountJpy: 1 + (n % state.balanceDueJpy) }];
						}
						if (op === 'use') {
							const before = planRemainingOn(periods, today);
							const chosen = choosePlanPeriod(periods, request(today));
							if (chosen.ok) {
								const p = periods.find((x) => x.saleId === chosen.saleId)!;
								// Never ahead, never beyond the one month carried.
								expect(p.period.start <= today && today < p.holder.expiresOn).toBe(true);
								if (chosen.carried) expect(today < nextPeriod(p.period, renewalDay).end && carryOver).toBe(true);
								p.entries = [...p.entries, { kind: 'use', at, sequence: chosen.state.nextSequence, patientId: 'p', appointmentId: null }];
								expect(planRemainingOn(periods, today)).toBe(before - 1);
							} else expect(before).toBe(0);
						}
						if (op === 'reinstate' && target) {
							const state = packageState(target.holder.terms, target.entries);
							if (state.status !== 'refunded' && state.expiredVisits === 0 && state.uses.length > 0)
								target.entries = [...target.entries, { kind: 'reinstate', at, sequence: state.uses[n % state.uses.length]!.sequence }];
						}
						if (op === 'refund' && target) {
							const quote = computeRefund(target.holder.terms, target.entries, { cancellationFeeJpy: fee, documentedAverageDamageJpy: n % 3_000 }, today);
							if (quote.ok) target.entries = [...target.entries, refundEntry(quote.computation, at, 'cash')];
						}
						let liability = 0;
						for (const p of periods) {
							const state = packageState(p.holder.terms, p.entries);
							const counted = recount(visitsPerMonth, monthlyPriceJpy, p.entries);
							expect(state.remainingVisits).toBeGreaterThanOrEqual(0);
							expect(state.liabilityJpy).toBeGreaterThanOrEqual(0);
							expect(state.remainingVisits).toBe(counted.remaining);
							expect(state.liabilityJpy).toBe(counted.liability);
							expect(state.usedVisits + state.expiredVisits + state.refundedVisits + state.remainingVisits).toBe(visitsPerMonth);
							liability += state.liabilityJpy;
						}
						expect(liability).toBeGreaterThanOrEqual(0);
						// At most this month's and last month's visits are ever usable on a day.
						expect(planRemainingOn(periods, today)).toBeLessThanOrEqual(visitsPerMonth * (carryOver ? 2 : 1));
						// No period is created after a stop.
						if (stoppedOn !== null) expect(periods.every((p) => p.period.start <= stoppedOn!)).toBe(true);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
