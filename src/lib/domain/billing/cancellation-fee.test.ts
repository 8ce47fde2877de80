import { describe, expect, it } from 'vitest';
import { decideCancellation, feeServiceDate, noShowFee, policyForVisit, policyNeedsAcknowledgement, type CancellationPolicy } from './cancellation-fee';

const TZ = 'Asia/Tokyo';
const HOUR = 3_600_000;
// 2026-03-10 10:00 in Tokyo.
const start = Date.parse('2026-03-10T01:00:00.000Z');
const visit = { status: 'booked', startsAt: start };
const policy: CancellationPolicy = { version: 2, freeUntilHours: 24, lateFeeJpy: 2000, noShowFeeJpy: 5000 };

describe('decideCancellation', () => {
	it('is free strictly before the free window ends', () => {
		const decision = decideCancellation(policy, 48, visit, start - 24 * HOUR - 1, TZ);
		expect(decision).toEqual({ kind: 'free', deadline: start - 24 * HOUR, deadlineLocal: '2026-03-09T10:00:00+09:00' });
	});

	it('charges the late fee from the deadline itself until the visit starts', () => {
		expect(decideCancellation(policy, 48, visit, start - 24 * HOUR, TZ)).toMatchObject({ kind: 'late_fee', feeJpy: 2000 });
		expect(decideCancellation(policy, 48, visit, start - 1, TZ)).toMatchObject({ kind: 'late_fee', feeJpy: 2000 });
	});

	it('refuses once the visit has started', () => {
		expect(decideCancellation(policy, 48, visit, start, TZ)).toEqual({ kind: 'refused', reason: 'past_cutoff' });
	});

	it('keeps the cutoff when the policy has no late fee', () => {
		const free = { ...policy, lateFeeJpy: 0 };
		expect(decideCancellation(free, 48, visit, start - 25 * HOUR, TZ).kind).toBe('free');
		expect(decideCancellation(free, 48, visit, start - 23 * HOUR, TZ)).toEqual({ kind: 'refused', reason: 'past_cutoff' });
	});

	it("uses the clinic's cutoff without a policy", () => {
		expect(decideCancellation(null, 48, visit, start - 49 * HOUR, TZ).kind).toBe('free');
		expect(decideCancellation(null, 48, visit, start - 47 * HOUR, TZ)).toEqual({ kind: 'refused', reason: 'past_cutoff' });
	});

	it('refuses visits that are cancelled or already handled', () => {
		expect(decideCancellation(policy, 48, { ...visit, status: 'cancelled' }, 0, TZ)).toEqual({ kind: 'refused', reason: 'already_cancelled' });
		for (const status of ['arrived', 'completed', 'no_show', 'blocked']) {
			expect(decideCancellation(policy, 48, { ...visit, status }, 0, TZ)).toEqual({ kind: 'refused', reason: 'past_cutoff' });
		}
	});

	it('shows the deadline in the clinic time zone', () => {
		const decision = decideCancellation(policy, 0, visit, 0, 'Europe/London');
		expect(decision).toMatchObject({ deadlineLocal: '2026-03-09T01:00:00+00:00' });
	});
});

describe('noShowFee', () => {
	it('is the policy fee, or nothing', () => {
		expect(noShowFee(policy)).toBe(5000);
		expect(noShowFee({ ...policy, noShowFeeJpy: 0 })).toBeNull();
		expect(noShowFee(null)).toBeNull();
	});
});

describe('policyForVisit', () => {
	const v1 = { ...policy, version: 1, noShowFeeJpy: 3000 };
	it('holds the visit to the version the patient ticked', () => {
		expect(policyForVisit([v1, policy], 1)).toBe(v1);
	});
	it('falls back to the newest version', () => {
		expect(policyForVisit([v1, policy], null)).toBe(policy);
		expect(policyForVisit([policy, v1], 7)).toBe(policy);
		expect(policyForVisit([], null)).toBeNull();
	});
});

describe('policyNeedsAcknowledgement', () => {
	it('asks for a tick only when a fee can be due', () => {
		expect(policyNeedsAcknowledgement(policy)).toBe(true);
		expect(policyNeedsAcknowledgement({ ...policy, lateFeeJpy: 0, noShowFeeJpy: 0 })).toBe(false);
		expect(policyNeedsAcknowledgement(null)).toBe(false);
	});
});

describe('feeServiceDate', () => {
	it('is the clinic-local day of the visit', () => {
		expect(feeServiceDate(Date.parse('2026-03-09T15:30:00.000Z'), TZ)).toBe('2026-03-10');
	});
});
