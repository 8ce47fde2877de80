import { isCalendarDate } from '../time';
import type { ClaimStatus } from './claim-status';
import { lastMonthOfPeriod, type ConsentPeriod } from './doctor-report';

/*
 * Whether the 施術報告書交付料 of a report given on a day can land on a claim (docs/jukyo-claim.md §9).
 * The fee is claimed on the 申請書 of the month the report is given, riding on that month's insured
 * visit on or before the report's day (§9); shinkyu records it as the report's `fee_month`. So a fee
 * is lost when:
 *   - the month has no insured visit on or before the day yet (no_visit_yet). The docs are silent on
 *     a visit later in the same month; shinkyu does not count on a visit that has not happened (it
 *     may never come, and the fee would then sit on no claim): the desk records the visit first, or
 *     issues the report on the day of the next insured visit;
 *   - the month's 申請書 is already submitted or paid (claim_closed): nothing is edited in place
 *     (§12), so the fee cannot be added. A ready claim is open (it goes back to draft by itself when
 *     its records change, §12), and so is a returned one (it is corrected as a new version, built
 *     from the records again).
 * When the rule of domain/jukyo-claim/doctor-report.ts gives no fee (already claimed in the
 * period, within five months, outside the period), there is nothing to lose. Pure: the visits and
 * the claim's status come in as arguments.
 */

export const REPORT_FEE_LANDING_REFUSALS = ['no_visit_yet', 'claim_closed'] as const;
export type ReportFeeLandingRefusal = (typeof REPORT_FEE_LANDING_REFUSALS)[number];

export type ReportFeeLanding =
	/** The rule gives no 交付料 for this report: issuing loses nothing. */
	| { kind: 'no_fee_due' }
	/** The fee goes on the claim of `month`, on the visit of `visitOn`. */
	| { kind: 'lands'; month: string; visitOn: string }
	/** The fee is due but would sit on no claim: issuing is refused unless the desk chooses to issue without it. */
	| { kind: 'cannot_land'; month: string; reason: ReportFeeLandingRefusal };

export interface ReportFeeLandingInput {
	/** The day the report is given, clinic-local 'YYYY-MM-DD'. */
	issuedOn: string;
	/** The consent period it is given in. */
	period: ConsentPeriod;
	/** Whether the rule gives its 交付料 (reportDecision(...).feeApplies). */
	feeDue: boolean;
	/** The patient's insured visit days (charges not voided); days of other months are ignored. */
	insuredVisits: readonly string[];
	/** The status of the patient's 申請書 of the report's month ('draft' when none was made). */
	claimStatus: ClaimStatus;
}

const CLOSED: readonly ClaimStatus[] = ['submitted', 'paid'];

/** Where the 交付料 of a report given on `issuedOn` goes, or why it would go nowhere. */
export function reportFeeLanding(input: ReportFeeLandingInput): ReportFeeLanding {
	const { issuedOn, period, feeDue, insuredVisits, claimStatus } = input;
	if (!isCalendarDate(issuedOn)) throw new RangeError(`not a calendar date: ${issuedOn}`);
	if (!feeDue) return { kind: 'no_fee_due' };
	const month = issuedOn.slice(0, 7);
	if (CLOSED.includes(claimStatus)) return { kind: 'cannot_land', month, reason: 'claim_closed' };
	const carrier = insuredVisits
		.filter((d) => d.startsWith(`${month}-`) && d <= issuedOn && d >= period.startsOn)
		.sort()
		.at(-1);
	if (carrier === undefined) return { kind: 'cannot_land', month, reason: 'no_visit_yet' };
	return { kind: 'lands', month, visitOn: carrier };
}

/** What the claims page says of a month that is the last of a consent period. */
export interface ClaimMonthReportNote {
	/** The period whose last month the claim month is. */
	period: ConsentPeriod;
	/** The report given in that period (the newest), or null when none was. */
	report: { issuedOn: string; feeMonth: string | null; withoutFeeReason: ReportFeeLandingRefusal | null } | null;
	/** Whether this month's claim carries a 交付料 (this period's report's, or another whose fee falls in the month). */
	feeOnThisClaim: boolean;
}

/**
 * For the claim of `month`: the consent period ending in it (null when none does) with the report
 * given in that period and whether a 交付料 is on this claim. `periods` carry their consent's id;
 * `reports` are the patient's reports with their consent's id.
 */
export function claimMonthReportNote(
	month: string,
	periods: ReadonlyArray<ConsentPeriod & { consentId: string }>,
	reports: ReadonlyArray<{ consentId: string; issuedOn: string; feeMonth: string | null; withoutFeeReason: ReportFeeLandingRefusal | null }>
): ClaimMonthReportNote | null {
	const ending = periods.filter((p) => lastMonthOfPeriod(p) === month).sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
	if (!ending) return null;
	const ofPeriod = reports
		.filter((r) => r.consentId === ending.consentId)
		.sort((a, b) => ((a.feeMonth === null) === (b.feeMonth === null) ? b.issuedOn.localeCompare(a.issuedOn) : a.feeMonth === null ? 1 : -1))[0];
	return {
		period: { startsOn: ending.startsOn, expiresOn: ending.expiresOn },
		report: ofPeriod ? { issuedOn: ofPeriod.issuedOn, feeMonth: ofPeriod.feeMonth, withoutFeeReason: ofPeriod.withoutFeeReason } : null,
		feeOnThisClaim: reports.some((r) => r.feeMonth === month)
	};
}
