import { describe, expect, it } from 'vitest';
import type { ConsumerRulesVersion } from './consumer-rules';
import { CONSUMER_RULES } from './consumer-rules';
import { packageState, type PackageEntry } from './ledger';
import { computeRefund, refundEntry } from './refund';

const terms = { visitCount: 5, priceJpy: 25_000 };
const sale: PackageEntry = { kind: 'sale', at: 0 };
const pay = (amountJpy: number): PackageEntry => ({ kind: 'payment', at: 1, method: 'cash', amountJpy });
const use = (sequence: number): PackageEntry => ({ kind: 'use', at: 2, sequence, patientId: 'p', appointmentId: null });
const noFee = { cancellationFeeJpy: 0, documentedAverageDamageJpy: null };

describe('refunding the rest of a course', () => {
	it('returns the visits left at the discounted per-visit price', () => {
		const quote = computeRefund(terms, [sale, pay(25_000), use(1), use(2)], noFee, '2026-12-06');
		expect(quote).toMatchObject({
			ok: true,
			computation: { unusedVisits: 3, perVisitJpy: 5_000, unusedValueJpy: 15_000, feeJpy: 0, refundJpy: 15_000, law: 'consumer_contract_act_9' }
		});
	});

	it('returns the odd yen with the last visits', () => {
		const quote = computeRefund({ visitCount: 3, priceJpy: 10_000 }, [sale, pay(10_000), use(1)], noFee, '2026-12-06');
		expect(quote).toMatchObject({ ok: true, computation: { unusedValueJpy: 6_667, refundJpy: 6_667 } });
	});

	it('takes no fee the clinic has not documented as its average damage (消費者契約法 第9条)', () => {
		const quote = computeRefund(terms, [sale, pay(25_000), use(1)], { cancellationFeeJpy: 3_000, documentedAverageDamageJpy: null }, '2026-12-06');
		expect(quote).toMatchObject({ ok: true, computation: { requestedFeeJpy: 3_000, feeJpy: 0, feeCappedBy: 'average_damage', refundJpy: 20_000 } });
	});

	it('caps the fee at the documented average damage', () => {
		const quote = computeRefund(terms, [sale, pay(25_000), use(1)], { cancellationFeeJpy: 3_000, documentedAverageDamageJpy: 1_500 }, '2026-12-06');
		expect(quote).toMatchObject({ ok: true, computation: { feeJpy: 1_500, feeCappedBy: 'average_damage', refundJpy: 18_500 } });
	});

	it('charges the fee asked when it is within every limit', () => {
		const quote = computeRefund(terms, [sale, pay(25_000), use(1)], { cancellationFeeJpy: 1_000, documentedAverageDamageJpy: 1_500 }, '2026-12-06');
		expect(quote).toMatchObject({ ok: true, computation: { feeJpy: 1_000, feeCappedBy: 'requested', refundJpy: 19_000 } });
	});

	it('caps the fee at the guide ceiling percent of the visits left', () => {
		const quote = computeRefund(
			terms,
			[sale, pay(25_000), use(1), use(2), use(3), use(4)],
			{ cancellationFeeJpy: 3_000, documentedAverageDamageJpy: 3_000 },
			'2026-12-06'
		);
		expect(quote).toMatchObject({ ok: true, computation: { unusedValueJpy: 5_000, feeJpy: 500, feeCappedBy: 'guide_ceiling_percent', refundJpy: 4_500 } });
	});

	it('takes a fee only from money held, and owes nothing back when the paid part was used', () => {
		const quote = computeRefund(terms, [sale, pay(8_000), use(1), use(2)], { cancellationFeeJpy: 1_000, documentedAverageDamageJpy: 1_000 }, '2026-12-06');
		expect(quote).toMatchObject({ ok: true, computation: { heldJpy: 0, feeJpy: 0, feeCappedBy: 'money_held', refundJpy: 0, stillOwedJpy: 2_000 } });
	});

	it('refunds a part payment beyond the visits given', () => {
		const quote = computeRefund(terms, [sale, pay(12_000), use(1)], noFee, '2026-12-06');
		expect(quote).toMatchObject({ ok: true, computation: { heldJpy: 7_000, refundJpy: 7_000, stillOwedJpy: 0 } });
	});

	it('has nothing to refund when used up, expired or refunded', () => {
		const usedUp = [sale, pay(25_000), use(1), use(2), use(3), use(4), use(5)];
		expect(computeRefund(terms, usedUp, noFee, '2026-12-06')).toEqual({ ok: false, code: 'nothing_to_refund' });
		expect(computeRefund(terms, [sale, pay(25_000), { kind: 'expiry', at: 9, visits: 5 }], noFee, '2026-12-06')).toEqual({
			ok: false,
			code: 'nothing_to_refund'
		});
	});

	it('writes an entry the ledger accepts, leaving no liability and the used part owed', () => {
		const entries = [sale, pay(8_000), use(1), use(2)];
		const quote = computeRefund(terms, entries, noFee, '2026-12-06');
		if (!quote.ok) throw new Error('expected a quote');
		const state = packageState(terms, [...entries, refundEntry(quote.computation, 10, 'cash')]);
		expect(state).toMatchObject({ status: 'refunded', remainingVisits: 0, refundedVisits: 3, liabilityJpy: 0, balanceDueJpy: 2_000 });
	});

	it('names the law and refuses a date before any rules', () => {
		const quote = computeRefund(terms, [sale, pay(25_000)], noFee, '2026-12-06');
		expect(quote.ok && quote.computation.lawSource).toContain('消費者契約法');
		expect(computeRefund(terms, [sale], noFee, '1990-01-01')).toEqual({ ok: false, code: 'no_rules' });
	});

	it('keeps acupuncture out of the designated continuous services in every version', () => {
		for (const version of CONSUMER_RULES as readonly ConsumerRulesVersion[]) {
			expect(version.appliesToAcupuncture).toBe('consumer_contract_act_9');
			expect(version.designatedContinuousServices).not.toContain('acupuncture');
			expect(version.guideCeiling.adviserCheck).toBe(true);
		}
	});
});
