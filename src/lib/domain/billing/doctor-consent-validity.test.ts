import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time';
import { isCalendarDate } from '../time';
import {
	consentExpiry,
	consentForDate,
	consentValidity,
	earliestConsentStart,
	NoConsentRuleError,
	type ConsentValidityRule,
	type DoctorConsentFacts
} from './doctor-consent-validity';

const day = (offset: number) => addDays('2018-10-01', offset);
const anyStart = fc.integer({ min: 0, max: 365 * 90 }).map(day);

describe('doctor consent expiry (§6 of the clinical rules)', () => {
	it.each([
		// first treatment, expiry: 1st–15th → end of the 5th month after; 16th or later → end of the 6th
		['2027-09-01', '2028-02-29'],
		['2027-09-15', '2028-02-29'],
		['2027-09-16', '2028-03-31'],
		['2027-08-15', '2028-01-31'],
		['2027-08-16', '2028-02-29'],
		['2027-08-31', '2028-02-29'],
		['2027-12-15', '2028-05-31'],
		['2027-12-16', '2028-06-30'],
		['2027-12-31', '2028-06-30'],
		['2027-07-31', '2028-01-31'],
		['2026-08-16', '2027-02-28'],
		['2026-09-15', '2027-02-28'],
		['2023-08-20', '2024-02-29'],
		['2099-08-20', '2100-02-28'],
		['2399-08-20', '2400-02-29'],
		['2028-02-29', '2028-08-31'],
		['2028-02-15', '2028-07-31']
	])('a first treatment on %s lasts until %s', (firstTreatment, expiry) => {
		expect(consentExpiry(firstTreatment)).toBe(expiry);
	});

	it('judges a period by the rule of the day it started: three months before October 2018', () => {
		expect(consentExpiry('2018-09-10')).toBe('2018-11-30');
		expect(consentExpiry('2018-09-30')).toBe('2018-12-31');
		expect(consentExpiry('2018-10-01')).toBe('2019-03-31');
	});

	it('takes its rules as configuration, so a new notice is a new version, not new code', () => {
		const rules: ConsentValidityRule[] = [
			{ effectiveFrom: '2018-10-01', earlyUntilDay: 15, monthsAfterIfEarly: 5, monthsAfterIfLate: 6, source: 'now' },
			{ effectiveFrom: '2030-04-01', earlyUntilDay: 10, monthsAfterIfEarly: 11, monthsAfterIfLate: 12, source: 'hypothetical' }
		];
		expect(consentExpiry('2030-03-31', rules)).toBe('2030-09-30');
		expect(consentExpiry('2030-04-10', rules)).toBe('2031-03-31');
		expect(consentExpiry('2030-04-11', rules)).toBe('2031-04-30');
	});

	it('refuses a start no rule covers rather than guessing', () => {
		expect(earliestConsentStart()).toBe('2004-10-01');
		expect(() => consentExpiry('2004-09-30')).toThrow(NoConsentRuleError);
	});

	it('always ends on the last day of a month, five or six months after the start month (property)', () => {
		fc.assert(
			fc.property(anyStart, (start) => {
				const expiry = consentExpiry(start);
				expect(isCalendarDate(expiry)).toBe(true);
				expect(isCalendarDate(addDays(expiry, 1)) && addDays(expiry, 1).endsWith('-01')).toBe(true);
				const months = (Number(expiry.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(expiry.slice(5, 7)) - Number(start.slice(5, 7));
				expect(months).toBe(Number(start.slice(8)) <= 15 ? 5 : 6);
			}),
			{ numRuns: 1000 }
		);
	});

	it('ends the same for any start from the 16th to the 15th of the next month, and never earlier for a later start (property)', () => {
		fc.assert(
			fc.property(anyStart, fc.integer({ min: 0, max: 400 }), (start, gap) => {
				const later = addDays(start, gap);
				expect(consentExpiry(later) >= consentExpiry(start)).toBe(true);
				if (start.endsWith('-16')) expect(consentExpiry(addDays(start, 16))).toBe(consentExpiry(start)); // the 1st or 2nd of the next month, never past its 15th
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('doctor consent status on a day', () => {
	const consent = { firstTreatmentOn: '2027-09-16' }; // expires 2028-03-31

	it('has not started before the first treatment under it', () => {
		expect(consentValidity({ firstTreatmentOn: null }, '2028-01-01')).toEqual({ status: 'not_started', expiresOn: null, daysLeft: null });
	});

	it('is valid with more than 30 days left and expiring from 30 days before the expiry day through that day', () => {
		expect(consentValidity(consent, '2028-02-29')).toEqual({ status: 'valid', expiresOn: '2028-03-31', daysLeft: 31 });
		expect(consentValidity(consent, '2028-03-01')).toEqual({ status: 'expiring', expiresOn: '2028-03-31', daysLeft: 30 });
		expect(consentValidity(consent, '2028-03-31')).toEqual({ status: 'expiring', expiresOn: '2028-03-31', daysLeft: 0 });
	});

	it('is expired from the day after the expiry day', () => {
		expect(consentValidity(consent, '2028-04-01')).toEqual({ status: 'expired', expiresOn: '2028-03-31', daysLeft: -1 });
		expect(consentValidity({ firstTreatmentOn: '2027-12-16' }, '2029-01-01')).toMatchObject({ status: 'expired', daysLeft: -185 });
	});

	it('counts days across a year end and a leap day', () => {
		expect(consentValidity({ firstTreatmentOn: '2027-08-31' }, '2027-12-31')).toMatchObject({ expiresOn: '2028-02-29', daysLeft: 60 });
	});

	it('takes the warning window as an option', () => {
		expect(consentValidity(consent, '2028-02-29', { warningDays: 45 }).status).toBe('expiring');
	});

	it('agrees between status and days left for any day (property)', () => {
		fc.assert(
			fc.property(anyStart, fc.integer({ min: -50, max: 400 }), (start, offset) => {
				const today = addDays(start, offset);
				const result = consentValidity({ firstTreatmentOn: start }, today);
				expect(result.daysLeft).toBe(Math.round((Date.parse(result.expiresOn!) - Date.parse(today)) / 86_400_000));
				const expected = result.daysLeft! < 0 ? 'expired' : result.daysLeft! <= 30 ? 'expiring' : 'valid';
				expect(result.status).toBe(expected);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('the consent that covers a visit', () => {
	const facts = (id: string, signedOn: string, firstTreatmentOn: string | null): DoctorConsentFacts => ({ id, signedOn, firstTreatmentOn });

	it('finds none without a consent', () => {
		expect(consentForDate([], '2027-05-01')).toEqual({ covered: false, reason: 'no_consent', consent: null });
	});

	it('starts the period of an unused consent with the visit', () => {
		const unused = facts('a', '2027-05-01', null);
		expect(consentForDate([unused], '2027-05-20')).toEqual({ covered: true, consent: unused, startsPeriod: true, expiresOn: '2027-11-30' });
	});

	it('refuses a visit before the consent was signed', () => {
		expect(consentForDate([facts('a', '2027-05-10', null)], '2027-05-09')).toMatchObject({ covered: false, reason: 'consent_not_yet_signed' });
	});

	it('covers a visit on the expiry day and refuses the day after', () => {
		const running = facts('a', '2027-09-01', '2027-09-16');
		expect(consentForDate([running], '2028-03-31')).toMatchObject({ covered: true, startsPeriod: false, expiresOn: '2028-03-31' });
		expect(consentForDate([running], '2028-04-01')).toEqual({ covered: false, reason: 'consent_expired', consent: running });
	});

	it('refuses a visit dated before the recorded first treatment', () => {
		expect(consentForDate([facts('a', '2027-09-01', '2027-09-16')], '2027-09-10')).toMatchObject({ covered: false, reason: 'before_first_treatment' });
	});

	it('prefers a running consent, and moves to a renewal once the old one has expired', () => {
		const old = facts('old', '2027-01-05', '2027-01-10'); // until 2027-06-30
		const renewal = facts('new', '2027-06-20', null);
		expect(consentForDate([renewal, old], '2027-06-25')).toMatchObject({ covered: true, consent: old, startsPeriod: false });
		expect(consentForDate([old, renewal], '2027-07-01')).toMatchObject({ covered: true, consent: renewal, startsPeriod: true, expiresOn: '2027-12-31' });
	});
});
