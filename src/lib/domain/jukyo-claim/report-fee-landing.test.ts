import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, type ClaimStatus } from './claim-status';
import { claimMonthReportNote, reportFeeLanding } from './report-fee-landing';

// A period from 10 March to the end of August: August is its last month.
const PERIOD = { startsOn: '2026-03-10', expiresOn: '2026-08-31' };
const land = (issuedOn: string, insuredVisits: string[], claimStatus: ClaimStatus = 'draft', feeDue = true) =>
	reportFeeLanding({ issuedOn, period: PERIOD, feeDue, insuredVisits, claimStatus });

describe('where the 交付料 of a report lands', () => {
	it('lands on the month’s claim, on the visit of the report’s day', () => {
		expect(land('2026-08-20', ['2026-08-06', '2026-08-20'])).toEqual({ kind: 'lands', month: '2026-08', visitOn: '2026-08-20' });
	});

	it('lands on the month’s last visit before the day when there is none that day', () => {
		expect(land('2026-08-20', ['2026-08-13', '2026-08-06', '2026-08-27'])).toEqual({ kind: 'lands', month: '2026-08', visitOn: '2026-08-13' });
	});

	it('cannot land when the month has no insured visit yet', () => {
		expect(land('2026-08-03', [])).toEqual({ kind: 'cannot_land', month: '2026-08', reason: 'no_visit_yet' });
	});

	it('does not count a visit later in the month, nor one of another month', () => {
		expect(land('2026-08-03', ['2026-08-04', '2026-07-31', '2026-09-01'])).toEqual({ kind: 'cannot_land', month: '2026-08', reason: 'no_visit_yet' });
	});

	it('does not count a visit before the period started', () => {
		const short = { startsOn: '2026-05-20', expiresOn: '2026-05-31' };
		expect(reportFeeLanding({ issuedOn: '2026-05-25', period: short, feeDue: true, insuredVisits: ['2026-05-19'], claimStatus: 'draft' })).toEqual({
			kind: 'cannot_land',
			month: '2026-05',
			reason: 'no_visit_yet'
		});
		expect(reportFeeLanding({ issuedOn: '2026-05-25', period: short, feeDue: true, insuredVisits: ['2026-05-20'], claimStatus: 'draft' }).kind).toBe('lands');
	});

	it('cannot land on a claim already submitted or paid, visits or not; a draft, ready or returned claim takes it', () => {
		const expected: Record<ClaimStatus, string> = { draft: 'lands', ready: 'lands', returned: 'lands', submitted: 'claim_closed', paid: 'claim_closed' };
		for (const status of CLAIM_STATUSES) {
			const result = land('2026-08-20', ['2026-08-20'], status);
			expect(result.kind === 'cannot_land' ? result.reason : result.kind, status).toBe(expected[status]);
		}
		expect(land('2026-08-03', [], 'paid')).toEqual({ kind: 'cannot_land', month: '2026-08', reason: 'claim_closed' });
	});

	it('loses nothing when the rule gives no fee, whatever the visits and the claim', () => {
		for (const status of CLAIM_STATUSES) {
			for (const visits of [[], ['2026-08-20']]) expect(land('2026-08-20', visits, status, false)).toEqual({ kind: 'no_fee_due' });
		}
	});

	it('refuses a day that is not a calendar date', () => {
		expect(() => land('2026-08-32', [])).toThrow(RangeError);
		expect(() => land('2026-08-20', [], 'draft', false)).not.toThrow();
	});
});

describe('what a claim month says of the report', () => {
	const periods = [
		{ consentId: 'c1', ...PERIOD },
		{ consentId: 'c2', startsOn: '2026-09-01', expiresOn: '2027-02-28' }
	];

	it('says nothing of a month that ends no period', () => {
		expect(claimMonthReportNote('2026-07', periods, [{ consentId: 'c1', issuedOn: '2026-07-10', feeMonth: '2026-07', withoutFeeReason: null }])).toBeNull();
	});

	it('says no report was given in the last month', () => {
		expect(claimMonthReportNote('2026-08', periods, [])).toEqual({ period: PERIOD, report: null, feeOnThisClaim: false });
	});

	it('says the report was given and its fee is on this claim', () => {
		expect(claimMonthReportNote('2026-08', periods, [{ consentId: 'c1', issuedOn: '2026-08-20', feeMonth: '2026-08', withoutFeeReason: null }])).toEqual({
			period: PERIOD,
			report: { issuedOn: '2026-08-20', feeMonth: '2026-08', withoutFeeReason: null },
			feeOnThisClaim: true
		});
	});

	it('says a report given without its fee by choice, and why', () => {
		const note = claimMonthReportNote('2026-08', periods, [{ consentId: 'c1', issuedOn: '2026-08-03', feeMonth: null, withoutFeeReason: 'no_visit_yet' }]);
		expect(note?.report).toEqual({ issuedOn: '2026-08-03', feeMonth: null, withoutFeeReason: 'no_visit_yet' });
		expect(note?.feeOnThisClaim).toBe(false);
	});

	it('prefers the period’s report that carried the fee over a later one without it', () => {
		const note = claimMonthReportNote('2026-08', periods, [
			{ consentId: 'c1', issuedOn: '2026-08-05', feeMonth: '2026-08', withoutFeeReason: null },
			{ consentId: 'c1', issuedOn: '2026-08-25', feeMonth: null, withoutFeeReason: null }
		]);
		expect(note?.report?.issuedOn).toBe('2026-08-05');
	});

	it('tells an earlier report’s fee in another month from none on this claim', () => {
		const note = claimMonthReportNote('2026-08', periods, [{ consentId: 'c1', issuedOn: '2026-06-10', feeMonth: '2026-06', withoutFeeReason: null }]);
		expect(note?.report?.feeMonth).toBe('2026-06');
		expect(note?.feeOnThisClaim).toBe(false);
	});

	it('ignores the reports of another period', () => {
		const note = claimMonthReportNote('2026-08', periods, [{ consentId: 'c2', issuedOn: '2026-09-10', feeMonth: null, withoutFeeReason: null }]);
		expect(note?.report).toBeNull();
	});
});
