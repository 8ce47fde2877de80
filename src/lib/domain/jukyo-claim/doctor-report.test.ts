import { describe, expect, it } from 'vitest';
import { consentExpiry } from '../billing/doctor-consent-validity';
import { lastMonthOfPeriod, monthsBetween, reportDecision, reportOffered, visitsPerMonth, REPORT_FEE_LOOKBACK_MONTHS } from './doctor-report';

// A period started on the 10th of March: to the end of August (5 months after, docs/insurance.md §4).
const EARLY = { startsOn: '2026-03-10', expiresOn: consentExpiry('2026-03-10') };
// Started on the 20th: to the end of September (6 months after).
const LATE = { startsOn: '2026-03-20', expiresOn: consentExpiry('2026-03-20') };

describe('the consent period’s last month', () => {
	it('is the month of the expiry day: the 5th month after an early start, the 6th after a late one', () => {
		expect(EARLY.expiresOn).toBe('2026-08-31');
		expect(lastMonthOfPeriod(EARLY)).toBe('2026-08');
		expect(lastMonthOfPeriod(LATE)).toBe('2026-09');
	});

	it('offers the report on every day of that month inside the period, and on no other', () => {
		expect(reportOffered(EARLY, '2026-08-01')).toBe(true);
		expect(reportOffered(EARLY, '2026-08-31')).toBe(true);
		expect(reportOffered(EARLY, '2026-07-31')).toBe(false);
		expect(reportOffered(EARLY, '2026-09-01')).toBe(false);
		expect(reportOffered(EARLY, '2026-03-10')).toBe(false);
		expect(reportOffered(LATE, '2026-08-15')).toBe(false);
		expect(reportOffered(LATE, '2026-09-15')).toBe(true);
	});

	it('offers it in the only month of a period that starts and ends in one month', () => {
		const short = { startsOn: '2026-05-20', expiresOn: '2026-05-31' };
		expect(reportOffered(short, '2026-05-19')).toBe(false);
		expect(reportOffered(short, '2026-05-20')).toBe(true);
	});

	it('refuses a day that is not a calendar date', () => {
		expect(() => reportOffered(EARLY, '2026-02-30')).toThrow(RangeError);
	});
});

describe('whether the 交付料 applies (once per consent period)', () => {
	it('applies to the first report given in the last month', () => {
		expect(reportDecision('c1', EARLY, '2026-08-20', [])).toEqual({ offered: true, feeApplies: true, refusal: null, previousFeeMonth: null });
	});

	it('applies in the last month even when a fee of the previous period was paid within five months', () => {
		const decision = reportDecision('c2', EARLY, '2026-08-20', [{ month: '2026-04', consentId: 'c1' }]);
		expect(decision.feeApplies).toBe(true);
		expect(decision.previousFeeMonth).toBe('2026-04');
	});

	it('applies only once per period: a second report in the same period brings no fee', () => {
		expect(reportDecision('c1', EARLY, '2026-08-25', [{ month: '2026-08', consentId: 'c1' }])).toEqual({
			offered: true,
			feeApplies: false,
			refusal: 'already_paid_in_period',
			previousFeeMonth: '2026-08'
		});
	});

	it('applies before the last month only when no fee was paid in the five months before', () => {
		expect(reportDecision('c2', EARLY, '2026-05-12', []).feeApplies).toBe(true);
		expect(reportDecision('c2', EARLY, '2026-05-12', []).offered).toBe(false);
		// Five months back (2025-12 → 2026-05) still counts; six do not.
		expect(reportDecision('c2', EARLY, '2026-05-12', [{ month: '2025-12', consentId: 'c1' }])).toMatchObject({
			feeApplies: false,
			refusal: 'paid_within_lookback'
		});
		expect(reportDecision('c2', EARLY, '2026-05-12', [{ month: '2025-11', consentId: 'c1' }])).toMatchObject({ feeApplies: true, previousFeeMonth: '2025-11' });
		expect(REPORT_FEE_LOOKBACK_MONTHS).toBe(5);
	});

	it('ignores fee months after the report’s month for the look-back and the previous month', () => {
		const decision = reportDecision('c2', EARLY, '2026-05-12', [{ month: '2026-06', consentId: 'c9' }]);
		expect(decision).toMatchObject({ feeApplies: true, previousFeeMonth: null });
	});

	it('refuses a day outside the period', () => {
		expect(reportDecision('c1', EARLY, '2026-09-01', [])).toMatchObject({ offered: false, feeApplies: false, refusal: 'outside_period' });
		expect(reportDecision('c1', EARLY, '2026-03-09', [])).toMatchObject({ feeApplies: false, refusal: 'outside_period' });
	});

	it('names the newest earlier fee month when several were paid', () => {
		const paid = [
			{ month: '2025-09', consentId: 'a' },
			{ month: '2026-02', consentId: 'b' },
			{ month: '2025-12', consentId: 'c' }
		];
		expect(reportDecision('c1', EARLY, '2026-08-03', paid).previousFeeMonth).toBe('2026-02');
	});
});

describe('frequency', () => {
	it('counts visit days per month across the period, months without visits as 0', () => {
		const dates = ['2026-03-10', '2026-03-17', '2026-03-17', '2026-05-02', '2026-06-30', '2026-07-01'];
		expect(visitsPerMonth(dates, '2026-03', '2026-06')).toEqual([
			{ month: '2026-03', visits: 2 },
			{ month: '2026-04', visits: 0 },
			{ month: '2026-05', visits: 1 },
			{ month: '2026-06', visits: 1 }
		]);
	});

	it('crosses a year and returns nothing for a reversed span', () => {
		expect(visitsPerMonth(['2026-01-05'], '2025-12', '2026-01')).toEqual([
			{ month: '2025-12', visits: 0 },
			{ month: '2026-01', visits: 1 }
		]);
		expect(visitsPerMonth([], '2026-02', '2026-01')).toEqual([]);
	});

	it('counts months between two months and refuses what is not a month', () => {
		expect(monthsBetween('2025-11', '2026-02')).toBe(3);
		expect(monthsBetween('2026-02', '2025-11')).toBe(-3);
		expect(() => monthsBetween('2026-13', '2026-01')).toThrow(RangeError);
	});
});
