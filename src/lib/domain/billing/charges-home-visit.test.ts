import { describe, expect, it } from 'vitest';
import { DEFAULT_BILLING_CONFIG } from './billing-config';
import { homeVisitPricingProblem, quoteCharge, type ChargeRequest, type InsuranceVisit, type InsuranceVisitPlace } from './charges';
import { TEST_RULES } from '../jukyo-claim/claim-test-input';

/* An insured visit at the patient's home (issue #19, docs/jukyo-claim.md §3), priced at the desk as the monthly claim prices it. */
const CONFIG = { ...DEFAULT_BILLING_CONFIG, feeSchedules: TEST_RULES.feeSchedules };
const FOLLOW = { code: 'FOLLOW', serviceId: 'svc-follow', unitPriceJpy: 5500, quantity: 1 };

function request(serviceDate: string, place: InsuranceVisitPlace, visit: Partial<InsuranceVisit> = {}): ChargeRequest {
	return { serviceDate, service: FOLLOW, addOns: [], insurance: { sharePercent: 30, initialExam: false, arts: 'combined', electro: false, place, ...visit } };
}

function lines(req: ChargeRequest) {
	const quote = quoteCharge(req, { eligible: true }, CONFIG);
	if (!quote.ok) throw new Error(quote.reason);
	return { lines: quote.charge.lines.map((l) => [l.code, l.amountJpy, l.serviceId]), insurance: quote.charge.insurance };
}

describe('home visits and calls on an insured charge', () => {
	it('prices a 訪問施術 by its tier (the treatment included) with 電療料 and 特別地域加算', () => {
		const priced = lines(request('2026-11-25', { kind: 'home_visit', tier: '2', specialArea: true }, { electro: true }));
		expect(priced.lines).toEqual([
			['home_visit_2_combined', 2920, 'svc-follow'],
			['electro', 100, null],
			['special_area', 250, null]
		]);
		expect(priced.insurance).toMatchObject({ feeTotalJpy: 3270, patientShareJpy: 981, insurerClaimJpy: 2289 });
	});

	it('prices a 往療 as the 施術料 with the 往療料, and the 初検料 when it opens a course', () => {
		expect(lines(request('2026-11-27', { kind: 'house_call', tier: null, specialArea: false }, { initialExam: true, arts: 'single' })).lines).toEqual([
			['initial_exam_single', 1950, null],
			['treatment_single', 1610, 'svc-follow'],
			['house_call', 2300, null]
		]);
	});

	it('names what stops the pricing: a home visit before 2024-10, one without a tier, or a schedule without home-visit fees', () => {
		const visit = { sharePercent: 30, initialExam: false, arts: 'combined', electro: false } as const;
		const feesOf = (date: string) => TEST_RULES.feeSchedules.filter((s) => s.effectiveFrom <= date).at(-1)!;
		expect(homeVisitPricingProblem('2024-09-30', visit, { kind: 'home_visit', tier: '1', specialArea: false }, feesOf('2024-09-30'))).toBe('no_home_visit_fee');
		expect(homeVisitPricingProblem('2024-10-01', visit, { kind: 'home_visit', tier: null, specialArea: false }, feesOf('2024-10-01'))).toBe(
			'home_visit_without_tier'
		);
		expect(homeVisitPricingProblem('2024-10-01', visit, { kind: 'home_visit', tier: '3_ten_plus', specialArea: true }, feesOf('2024-10-01'))).toBeNull();
		expect(
			homeVisitPricingProblem('2024-10-01', visit, { kind: 'house_call', tier: null, specialArea: false }, DEFAULT_BILLING_CONFIG.feeSchedules.at(-1)!)
		).toBe('no_home_visit_fee');
		expect(() => quoteCharge(request('2024-09-30', { kind: 'home_visit', tier: '1', specialArea: false }), { eligible: true }, CONFIG)).toThrow(RangeError);
	});
});
