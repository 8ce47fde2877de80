import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARE_PERCENTS, type InsuranceFeeSchedule } from './billing-config';
import { includedTax, insurerClaim, patientShare, quoteCharge, type ChargeItem, type ChargeRequest, type ComputedCharge, type InsuranceVisit } from './charges';
import { NotYenError } from './yen';

const FOLLOW: ChargeItem = { code: 'FOLLOW', serviceId: 'svc-follow', unitPriceJpy: 5500, quantity: 1 };
const MOXA: ChargeItem = { code: 'MOXA', serviceId: 'svc-moxa', unitPriceJpy: 1100, quantity: 1 };
const ELIGIBLE = { eligible: true } as const;

const selfPay = (serviceDate: string, addOns: ChargeItem[] = [], service = FOLLOW): ChargeRequest => ({ serviceDate, service, addOns, insurance: null });
const insured = (serviceDate: string, visit: Partial<InsuranceVisit> = {}, addOns: ChargeItem[] = []): ChargeRequest => ({
	serviceDate,
	service: FOLLOW,
	addOns,
	insurance: { sharePercent: 30, initialExam: false, arts: 'single', electro: false, ...visit }
});

function charged(request: ChargeRequest): ComputedCharge {
	const quote = quoteCharge(request, ELIGIBLE);
	if (!quote.ok) throw new Error(`refused: ${quote.reason}`);
	return quote.charge;
}

describe('self-pay charges', () => {
	it('adds the service and its add-ons at their tax-inclusive prices and states the tax they contain', () => {
		const charge = charged(selfPay('2026-03-02', [MOXA]));
		expect(charge.lines.map((l) => [l.kind, l.code, l.amountJpy, l.taxable])).toEqual([
			['service', 'FOLLOW', 5500, true],
			['add_on', 'MOXA', 1100, true]
		]);
		expect(charge).toMatchObject({ payer: 'self_pay', selfPayJpy: 6600, taxRatePercent: 10, consumptionTaxJpy: 600, insurance: null, patientDueJpy: 6600 });
	});

	it('rounds the tax down once per charge, not line by line', () => {
		const small = (code: string): ChargeItem => ({ code, serviceId: null, unitPriceJpy: 105, quantity: 1 });
		// Per line: 9 + 9 = 18 yen. Once on the sum of 210 yen: 19 yen.
		expect(charged(selfPay('2026-03-02', [small('B')], small('A'))).consumptionTaxJpy).toBe(19);
	});

	it('uses the tax rate of the visit’s day', () => {
		expect(charged(selfPay('2019-09-30')).consumptionTaxJpy).toBe(407);
		expect(charged(selfPay('2019-10-01')).consumptionTaxJpy).toBe(500);
	});

	it('multiplies a quantity', () => {
		expect(charged(selfPay('2026-03-02', [{ ...MOXA, quantity: 3 }])).selfPayJpy).toBe(8800);
	});

	it('rejects a price or quantity that is not a whole number, and a negative price', () => {
		expect(() => quoteCharge(selfPay('2026-03-02', [], { ...FOLLOW, unitPriceJpy: 5500.5 }), ELIGIBLE)).toThrow(NotYenError);
		expect(() => quoteCharge(selfPay('2026-03-02', [], { ...FOLLOW, unitPriceJpy: -1 }), ELIGIBLE)).toThrow(NotYenError);
		expect(() => quoteCharge(selfPay('2026-03-02', [], { ...FOLLOW, unitPriceJpy: Number.NaN }), ELIGIBLE)).toThrow(NotYenError);
		expect(() => quoteCharge(selfPay('2026-03-02', [{ ...MOXA, quantity: 1.5 }]), ELIGIBLE)).toThrow(RangeError);
		expect(() => quoteCharge(selfPay('2026-03-02', [{ ...MOXA, quantity: 0 }]), ELIGIBLE)).toThrow(RangeError);
	});
});

describe('insured (療養費) charges', () => {
	it('charges the initial examination and treatment fees of the 2024 schedule and the patient’s 30 % share', () => {
		const charge = charged(insured('2026-03-02', { initialExam: true }));
		expect(charge.lines.map((l) => [l.code, l.amountJpy, l.taxable])).toEqual([
			['initial_exam_single', 1950, false],
			['treatment_single', 1610, false]
		]);
		expect(charge.insurance).toEqual({ scheduleFrom: '2024-06-01', feeTotalJpy: 3560, sharePercent: 30, patientShareJpy: 1068, insurerClaimJpy: 2492 });
		expect(charge).toMatchObject({ payer: 'insurance', selfPayJpy: 0, consumptionTaxJpy: 0, patientDueJpy: 1068 });
	});

	it('prices needling and moxibustion together as 2術 with the electro surcharge', () => {
		const charge = charged(insured('2026-03-02', { arts: 'combined', electro: true, sharePercent: 10 }));
		expect(charge.lines.map((l) => l.code)).toEqual(['treatment_combined', 'electro']);
		expect(charge.insurance).toMatchObject({ feeTotalJpy: 1870, patientShareJpy: 187, insurerClaimJpy: 1683 });
	});

	it('rounds the share half up to the yen and the claim down, as the 2022 rules say, so they may miss the fee by a yen', () => {
		// 2022 schedule: 1,550 + 34 = 1,584 yen. 30 %: 475.2 → 475; claim 70 %: 1,108.8 → 1,108.
		expect(charged(insured('2023-05-01', { electro: true })).insurance).toMatchObject({
			scheduleFrom: '2022-06-01',
			feeTotalJpy: 1584,
			patientShareJpy: 475,
			insurerClaimJpy: 1108
		});
		expect(patientShare(1585, 10, 'yen_half_up')).toBe(159);
		expect(patientShare(1584, 10, 'yen_half_up')).toBe(158);
	});

	it('rounds to the ten yen when a schedule says so', () => {
		expect(patientShare(1584, 30, 'ten_yen_half_up')).toBe(480);
		expect(patientShare(1574, 30, 'ten_yen_half_up')).toBe(470);
		expect(patientShare(1550, 30, 'ten_yen_half_up')).toBe(470);
	});

	it('keeps add-ons self-pay and taxed on an insured visit', () => {
		const charge = charged(insured('2026-03-02', {}, [MOXA]));
		expect(charge.lines.map((l) => [l.kind, l.code])).toEqual([
			['insurance_fee', 'treatment_single'],
			['add_on', 'MOXA']
		]);
		expect(charge).toMatchObject({ selfPayJpy: 1100, consumptionTaxJpy: 100, patientDueJpy: 483 + 1100 });
	});

	it('refuses insurance the caller found ineligible, with the reason and the self-pay price instead', () => {
		const quote = quoteCharge(insured('2026-03-02', {}, [MOXA]), { eligible: false, reason: 'consent_expired' });
		expect(quote.ok).toBe(false);
		if (quote.ok) return;
		expect(quote.reason).toBe('consent_expired');
		expect(quote.selfPay).toMatchObject({ payer: 'self_pay', selfPayJpy: 6600, patientDueJpy: 6600, insurance: null });
	});

	it('refuses a day before any configured fee schedule', () => {
		expect(quoteCharge(insured('2022-05-31'), ELIGIBLE)).toMatchObject({ ok: false, reason: 'no_fee_schedule', selfPay: { patientDueJpy: 5500 } });
	});

	it('takes fees from configuration', () => {
		const schedule: InsuranceFeeSchedule = {
			effectiveFrom: '2026-01-01',
			initialExamJpy: { single: 2000, combined: 2100 },
			treatmentJpy: { single: 1700, combined: 1800 },
			electroJpy: 120,
			shareRounding: 'yen_half_up',
			source: 'test'
		};
		const quote = quoteCharge(insured('2026-03-02', { electro: true, sharePercent: 20 }), ELIGIBLE, {
			taxRates: [{ effectiveFrom: '2019-10-01', ratePercent: 10 }],
			feeSchedules: [schedule]
		});
		expect(quote.ok && quote.charge.insurance).toMatchObject({ feeTotalJpy: 1820, patientShareJpy: 364 });
	});
});

describe('charge arithmetic (properties)', () => {
	const fee = fc.integer({ min: 0, max: 1_000_000 });
	const percent = fc.constantFrom(...SHARE_PERCENTS);

	it('splits a fee into share and claim that add up to the fee or one yen less', () => {
		fc.assert(
			fc.property(fee, percent, (f, p) => {
				const share = patientShare(f, p, 'yen_half_up');
				const sum = share + insurerClaim(f, p);
				expect(sum === f || sum === f - 1).toBe(true);
				expect(Math.abs(share - (f * p) / 100)).toBeLessThanOrEqual(0.5);
				expect(Math.abs(patientShare(f, p, 'ten_yen_half_up') - (f * p) / 100)).toBeLessThanOrEqual(5);
				expect(patientShare(f, p, 'ten_yen_half_up') % 10).toBe(0);
			})
		);
	});

	it('states the tax contained in a price to the yen, never more', () => {
		fc.assert(
			fc.property(fee, fc.constantFrom(5, 8, 10), (price, rate) => {
				const tax = includedTax(price, rate);
				expect(Number.isInteger(tax)).toBe(true);
				expect(tax * (100 + rate)).toBeLessThanOrEqual(price * rate);
				expect((tax + 1) * (100 + rate)).toBeGreaterThan(price * rate);
			})
		);
	});

	it('owes exactly the self-pay lines plus the share, all in whole yen', () => {
		const item = fc.record({
			code: fc.constantFrom('A', 'B', 'C'),
			serviceId: fc.constant(null),
			unitPriceJpy: fc.integer({ min: 0, max: 50_000 }),
			quantity: fc.integer({ min: 1, max: 5 })
		});
		fc.assert(
			fc.property(item, fc.array(item, { maxLength: 4 }), fc.boolean(), percent, fc.boolean(), (service, addOns, insure, sharePercent, electro) => {
				const request: ChargeRequest = {
					serviceDate: '2026-03-02',
					service,
					addOns,
					insurance: insure ? { sharePercent, initialExam: false, arts: 'single', electro } : null
				};
				const charge = charged(request);
				const taxable = charge.lines.filter((l) => l.taxable).reduce((s, l) => s + l.amountJpy, 0);
				expect(charge.selfPayJpy).toBe(taxable);
				expect(charge.patientDueJpy).toBe(taxable + (charge.insurance?.patientShareJpy ?? 0));
				for (const line of charge.lines) expect(Number.isSafeInteger(line.amountJpy) && line.amountJpy === line.unitPriceJpy * line.quantity).toBe(true);
			})
		);
	});
});
