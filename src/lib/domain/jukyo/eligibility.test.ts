import { describe, expect, it } from 'vitest';
import { eligibilityForVisit, eligibilityWarning, needsEligibilityCheck, sharePercentFor, type EligibilityFacts } from './eligibility';

const check = (checkedOn: string, over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
	id: `c-${checkedOn}-${over.method ?? 'myna_app'}`,
	checkedOn,
	checkedAt: `${checkedOn}T01:00:00.000Z`,
	method: 'myna_app',
	result: 'confirmed',
	benefitPercent: 70,
	validUntil: null,
	...over
});

describe('eligibilityForVisit', () => {
	it('covers a visit with a check of the same month made on or before its day', () => {
		const records = [check('2027-05-02')];
		expect(eligibilityForVisit(records, '2027-05-20')).toEqual({ covered: true, record: records[0] });
		expect(eligibilityForVisit(records, '2027-05-02').covered).toBe(true);
	});

	it('asks again in a new month and refuses a check made after the visit', () => {
		expect(eligibilityForVisit([check('2027-04-28')], '2027-05-02')).toEqual({ covered: false, reason: 'no_eligibility_this_month', record: null });
		expect(eligibilityForVisit([check('2027-05-10')], '2027-05-09')).toMatchObject({ covered: false, reason: 'no_eligibility_this_month' });
		expect(needsEligibilityCheck([check('2027-04-28')], '2027-05-02')).toBe(true);
		expect(needsEligibilityCheck([check('2027-05-01')], '2027-05-02')).toBe(false);
	});

	it('relies on the newest check: a later failed check refuses, a later good one covers', () => {
		const good = check('2027-05-02');
		const failed = check('2027-05-09', { id: 'failed', result: 'not_confirmed' });
		expect(eligibilityForVisit([good, failed], '2027-05-10')).toMatchObject({ covered: false, reason: 'eligibility_not_confirmed', record: { id: 'failed' } });
		expect(eligibilityForVisit([good, failed], '2027-05-05')).toMatchObject({ covered: true, record: good });
		const sameDayLater = check('2027-05-09', { id: 'again', checkedAt: '2027-05-09T02:00:00.000Z' });
		expect(eligibilityForVisit([failed, sameDayLater], '2027-05-09')).toMatchObject({ covered: true, record: { id: 'again' } });
	});

	it('refuses a card or certificate past its validity, counting its last day as valid', () => {
		const records = [check('2027-05-02', { method: 'eligibility_certificate', validUntil: '2027-05-15' })];
		expect(eligibilityForVisit(records, '2027-05-15').covered).toBe(true);
		expect(eligibilityForVisit(records, '2027-05-16')).toMatchObject({ covered: false, reason: 'eligibility_expired' });
	});

	it('accepts an old card only until the grace period ends', () => {
		expect(eligibilityForVisit([check('2026-03-02', { method: 'old_card' })], '2026-03-31').covered).toBe(true);
		expect(eligibilityForVisit([check('2026-04-01', { method: 'old_card' })], '2026-04-01')).toMatchObject({ covered: false, reason: 'old_card_grace_over' });
		expect(eligibilityForVisit([check('2024-06-03', { method: 'old_card' })], '2024-06-03').covered).toBe(true);
	});
});

describe('sharePercentFor', () => {
	it('turns the 給付割合 into the patient share the charge rules know', () => {
		expect(sharePercentFor(70)).toBe(30);
		expect(sharePercentFor(80)).toBe(20);
		expect(sharePercentFor(90)).toBe(10);
		expect(sharePercentFor(100)).toBeNull();
	});
});

describe('eligibilityWarning', () => {
	it('warns from 30 days before the end of the newest card, like the 同意書', () => {
		const records = [check('2027-05-02', { validUntil: '2027-06-30' })];
		expect(eligibilityWarning(records, '2027-05-30')).toBeNull();
		expect(eligibilityWarning(records, '2027-05-31')).toEqual({ status: 'expiring', validUntil: '2027-06-30', daysLeft: 30 });
		expect(eligibilityWarning(records, '2027-07-01')).toEqual({ status: 'expired', validUntil: '2027-06-30', daysLeft: -1 });
		expect(eligibilityWarning(records, '2027-09-29')).toBeNull();
	});

	it('is silent for マイナ保険証 (no end) and once a newer check is on record', () => {
		expect(eligibilityWarning([check('2027-05-02')], '2027-05-31')).toBeNull();
		expect(eligibilityWarning([check('2027-05-02', { validUntil: '2027-06-10' }), check('2027-06-01')], '2027-06-05')).toBeNull();
		expect(eligibilityWarning([], '2027-06-05')).toBeNull();
	});
});
