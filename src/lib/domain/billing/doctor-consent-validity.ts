import { dayOfMonth, daysFrom, endOfMonthAfter } from '../time';
import { versionOn, type DatedVersion } from './dated-config';

/*
 * How long a doctor's consent (同意書) for 療養費 はり・きゅう lasts (docs/clinical-rules.md §6, docs/insurance.md §4). The period runs
 * from the first treatment under the consent (初療日; for a renewal, 再同意日) to the end of a month
 * counted from that day's month. Pure: "today" always comes in as an argument.
 */

export interface ConsentValidityRule extends DatedVersion {
	/** Days 1…earlyUntilDay of a month are its first half. */
	earlyUntilDay: number;
	/** Started in the first half: expires at the end of the month this many months later. */
	monthsAfterIfEarly: number;
	/** Started in the second half: expires at the end of the month this many months later. */
	monthsAfterIfLate: number;
	/** The notice the version comes from. */
	source: string;
}

/**
 * Chosen by the day the period starts. The three-month period is the one the 2012 Q&A (H24.2.13,
 * 問12) quotes from the 2004 notice; the six-month period came with the 2018 revision of that notice
 * (保医発0620第1号, applied from 2018-10-01).
 */
export const CONSENT_VALIDITY_RULES: readonly ConsentValidityRule[] = Object.freeze([
	{ effectiveFrom: '2004-10-01', earlyUntilDay: 15, monthsAfterIfEarly: 2, monthsAfterIfLate: 3, source: '保医発第1001002号 別添1 第5章の1 (3か月)' },
	{ effectiveFrom: '2018-10-01', earlyUntilDay: 15, monthsAfterIfEarly: 5, monthsAfterIfLate: 6, source: '保医発0620第1号 (6か月), docs/clinical-rules.md §6' }
]);

/** Days before expiry from which the chart, schedule and dashboard warn (issue #8). */
export const CONSENT_WARNING_DAYS = 30;

/**
 * - `not_started`: no treatment under the consent yet, so its period has not begun
 * - `valid`: more than the warning window left
 * - `expiring`: expires within the warning window (the expiry day itself still counts as valid)
 * - `expired`: the expiry day has passed
 */
export type ConsentValidityStatus = 'not_started' | 'valid' | 'expiring' | 'expired';

export interface ConsentValidity {
	status: ConsentValidityStatus;
	/** The last day insurance may be charged under the consent; null before the first treatment. */
	expiresOn: string | null;
	/** Calendar days from today to the expiry day: 0 on the day itself, negative once expired. */
	daysLeft: number | null;
}

/** The consent facts the rules need; dates are clinic-local 'YYYY-MM-DD'. */
export interface DoctorConsentFacts {
	id: string;
	signedOn: string;
	/** The day the period starts (初療日, or 再同意日 for a renewal); null until the first treatment. */
	firstTreatmentOn: string | null;
}

export class NoConsentRuleError extends RangeError {
	constructor(readonly startedOn: string) {
		super(`no consent validity rule covers a period starting on ${startedOn}`);
		this.name = 'NoConsentRuleError';
	}
}

/** The earliest day a consent period may start: callers validate input against it. */
export function earliestConsentStart(rules: readonly ConsentValidityRule[] = CONSENT_VALIDITY_RULES): string {
	return rules.reduce((earliest, rule) => (rule.effectiveFrom < earliest ? rule.effectiveFrom : earliest), '9999-12-31');
}

/** The last valid day of a consent whose period starts on `startedOn`. */
export function consentExpiry(startedOn: string, rules: readonly ConsentValidityRule[] = CONSENT_VALIDITY_RULES): string {
	const rule = versionOn(rules, startedOn);
	if (!rule) throw new NoConsentRuleError(startedOn);
	const months = dayOfMonth(startedOn) <= rule.earlyUntilDay ? rule.monthsAfterIfEarly : rule.monthsAfterIfLate;
	return endOfMonthAfter(startedOn, months);
}

export interface ConsentValidityOptions {
	warningDays?: number;
	rules?: readonly ConsentValidityRule[];
}

/** Where a consent stands on `today`. */
export function consentValidity(consent: Pick<DoctorConsentFacts, 'firstTreatmentOn'>, today: string, options: ConsentValidityOptions = {}): ConsentValidity {
	if (consent.firstTreatmentOn === null) return { status: 'not_started', expiresOn: null, daysLeft: null };
	const expiresOn = consentExpiry(consent.firstTreatmentOn, options.rules);
	const daysLeft = daysFrom(today, expiresOn);
	const status = daysLeft < 0 ? 'expired' : daysLeft <= (options.warningDays ?? CONSENT_WARNING_DAYS) ? 'expiring' : 'valid';
	return { status, expiresOn, daysLeft };
}

/** Why no consent lets insurance be charged on a day. */
export type ConsentRefusal = 'no_consent' | 'consent_not_yet_signed' | 'before_first_treatment' | 'consent_expired';

export type ConsentCover<C extends DoctorConsentFacts = DoctorConsentFacts> =
	| {
			covered: true;
			consent: C;
			/** True when this visit is the first treatment under the consent: its period starts today. */
			startsPeriod: boolean;
			expiresOn: string;
	  }
	| { covered: false; reason: ConsentRefusal; consent: C | null };

/**
 * The consent that lets insurance be charged for a visit on `date`. A consent already running
 * wins; otherwise the newest signed one not yet used starts its period with this visit. When none
 * covers the day, the reason comes from the newest consent signed on or before it.
 */
export function consentForDate<C extends DoctorConsentFacts>(
	consents: readonly C[],
	date: string,
	rules: readonly ConsentValidityRule[] = CONSENT_VALIDITY_RULES
): ConsentCover<C> {
	const newestFirst = [...consents].sort((a, b) => (a.signedOn === b.signedOn ? (a.id < b.id ? 1 : -1) : a.signedOn < b.signedOn ? 1 : -1));
	const signed = newestFirst.filter((c) => c.signedOn <= date);
	for (const consent of signed) {
		if (consent.firstTreatmentOn === null || consent.firstTreatmentOn > date) continue;
		const expiresOn = consentExpiry(consent.firstTreatmentOn, rules);
		if (date <= expiresOn) return { covered: true, consent, startsPeriod: false, expiresOn };
	}
	const unused = signed.find((c) => c.firstTreatmentOn === null);
	if (unused) return { covered: true, consent: unused, startsPeriod: true, expiresOn: consentExpiry(date, rules) };
	const newest = signed[0];
	if (newest) {
		const reason = newest.firstTreatmentOn !== null && date < newest.firstTreatmentOn ? 'before_first_treatment' : 'consent_expired';
		return { covered: false, reason, consent: newest };
	}
	const future = newestFirst.at(-1);
	return future ? { covered: false, reason: 'consent_not_yet_signed', consent: future } : { covered: false, reason: 'no_consent', consent: null };
}
