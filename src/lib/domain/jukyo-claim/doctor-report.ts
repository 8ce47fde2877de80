import { isCalendarDate } from '../time';

/*
 * The 施術報告書 for the consenting doctor and its 交付料 (docs/insurance.md §2, docs/jukyo-claim.md §9).
 * The report helps the doctor decide on a 再同意, so shinkyu offers it in the consent period's last
 * month. Its 交付料 may be claimed once per consent period: when the report is given in the
 * period's last month, or when no 交付料 was paid in the five months before. Pure: the period and
 * the earlier fee months come in as arguments.
 */

/** Months before the report's month in which an earlier 交付料 stops a new one (outside the last month). */
export const REPORT_FEE_LOOKBACK_MONTHS = 5;

/** A consent period: its first day (初療 or 再同意) and its last valid day, clinic-local 'YYYY-MM-DD'. */
export interface ConsentPeriod {
	startsOn: string;
	expiresOn: string;
}

/** An earlier report of the patient whose 交付料 was claimed. */
export interface PaidReport {
	/** The claim month that carried the 交付料, 'YYYY-MM'. */
	month: string;
	/** The consent period it was given in (its consent's id). */
	consentId: string;
}

export type ReportFeeRefusal = 'outside_period' | 'already_paid_in_period' | 'paid_within_lookback';

export interface ReportDecision {
	/** The report is offered: the day falls in the period's last month. */
	offered: boolean;
	/** The 交付料 is added to the month's claim. */
	feeApplies: boolean;
	/** Why not, when it is not. */
	refusal: ReportFeeRefusal | null;
	/** The month of the last 交付料 before this one, for the 申請書 (「前回支給 年月分」). */
	previousFeeMonth: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthIndex(month: string): number {
	return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Whole calendar months from `from` to `to` ('YYYY-MM'); negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
	if (!MONTH.test(from) || !MONTH.test(to)) throw new RangeError(`not a month: ${from} / ${to}`);
	return monthIndex(to) - monthIndex(from);
}

/** The last month of a consent period, 'YYYY-MM': the month of its last valid day. */
export function lastMonthOfPeriod(period: ConsentPeriod): string {
	return period.expiresOn.slice(0, 7);
}

/** Whether the report is offered on `date`: inside the period and in its last month. */
export function reportOffered(period: ConsentPeriod, date: string): boolean {
	if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
	return date >= period.startsOn && date <= period.expiresOn && date.slice(0, 7) === lastMonthOfPeriod(period);
}

/**
 * Whether a report given on `date` under the consent `consentId` (whose period is `period`) brings
 * its 交付料 to the month's claim, given the reports whose fee was already claimed.
 */
export function reportDecision(consentId: string, period: ConsentPeriod, date: string, paid: readonly PaidReport[]): ReportDecision {
	const offered = reportOffered(period, date);
	const month = date.slice(0, 7);
	const earlier = paid.filter((p) => monthsBetween(p.month, month) >= 0).sort((a, b) => b.month.localeCompare(a.month));
	const previousFeeMonth = earlier[0]?.month ?? null;
	const refuse = (refusal: ReportFeeRefusal): ReportDecision => ({ offered, feeApplies: false, refusal, previousFeeMonth });
	if (date < period.startsOn || date > period.expiresOn) return refuse('outside_period');
	if (paid.some((p) => p.consentId === consentId)) return refuse('already_paid_in_period');
	if (!offered && earlier.some((p) => monthsBetween(p.month, month) <= REPORT_FEE_LOOKBACK_MONTHS)) return refuse('paid_within_lookback');
	return { offered, feeApplies: true, refusal: null, previousFeeMonth };
}

/** Visits per calendar month from the period's first month to the report's, oldest first (months without visits count 0). */
export function visitsPerMonth(visitDates: readonly string[], fromMonth: string, toMonth: string): Array<{ month: string; visits: number }> {
	const span = monthsBetween(fromMonth, toMonth);
	if (span < 0) return [];
	const start = monthIndex(fromMonth);
	const days = new Set(visitDates);
	return Array.from({ length: span + 1 }, (_, i) => {
		const index = start + i;
		const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
		return { month, visits: [...days].filter((d) => d.startsWith(month)).length };
	});
}
