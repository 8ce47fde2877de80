import { describe, expect, it } from 'vitest';
import { consentWarning } from './consent-warning';

const consent = (signedOn: string, expiresOn: string | null, createdAt = `${signedOn}T00:00:00Z`) => ({ signedOn, expiresOn, createdAt });

describe('consentWarning', () => {
	it('warns from 30 days before the expiry day, counting the day itself as 0', () => {
		expect(consentWarning([consent('2027-01-10', '2027-06-30')], '2027-05-30')).toBeNull();
		expect(consentWarning([consent('2027-01-10', '2027-06-30')], '2027-05-31')).toEqual({ status: 'expiring', expiresOn: '2027-06-30', daysLeft: 30 });
		expect(consentWarning([consent('2027-01-10', '2027-06-30')], '2027-06-30')).toMatchObject({ status: 'expiring', daysLeft: 0 });
	});

	it('calls it expired the day after and stops reminding 90 days later', () => {
		expect(consentWarning([consent('2027-01-10', '2027-06-30')], '2027-07-01')).toEqual({ status: 'expired', expiresOn: '2027-06-30', daysLeft: -1 });
		expect(consentWarning([consent('2027-01-10', '2027-06-30')], '2027-09-28')).toMatchObject({ daysLeft: -90 });
		expect(consentWarning([consent('2027-01-10', '2027-06-30')], '2027-09-29')).toBeNull();
	});

	it('is silent once a renewal is on record, even before its period starts', () => {
		expect(consentWarning([consent('2027-01-10', '2027-06-30'), consent('2027-06-20', null)], '2027-06-25')).toBeNull();
		expect(consentWarning([consent('2027-06-20', '2027-12-31'), consent('2027-01-10', '2027-06-30')], '2027-06-25')).toBeNull();
	});

	it('has nothing to say without a consent or before the first treatment', () => {
		expect(consentWarning([], '2027-06-25')).toBeNull();
		expect(consentWarning([consent('2027-06-20', null)], '2027-06-25')).toBeNull();
	});
});
