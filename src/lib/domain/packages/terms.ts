import { TZDate } from '@date-fns/tz';
import { addMonths, format } from 'date-fns';
import { DEFAULT_BILLING_CONFIG, type BillingConfig } from '../billing/billing-config';
import { includedTax } from '../billing/charges';
import { versionOn } from '../billing/dated-config';
import { assertYen } from '../billing/yen';

/*
 * The terms of a prepaid course (回数券, issue #18), copied onto every sale: changing a package
 * type later never changes what a patient already bought. A monthly plan (月額) is meant to fit as
 * a sequence of one-month grants with the same terms shape (`visitCount` per period, `priceJpy`
 * per period); only `kind: 'course'` is sold so far.
 */

export interface PackageTerms {
	kind: 'course';
	/** Visits bought, 1–100. */
	visitCount: number;
	/** Price of the whole course, tax included, integer yen. */
	priceJpy: number;
	/** Months of validity counted from the clinic-local day of sale. */
	validityMonths: number;
	/** The services a visit may be one of (ids). */
	serviceIds: readonly string[];
	/** Whether named family members may use it. */
	familyShareable: boolean;
}

export const MAX_VISITS = 100;
export const MAX_VALIDITY_MONTHS = 60;

export function assertTerms(terms: PackageTerms): PackageTerms {
	if (!Number.isSafeInteger(terms.visitCount) || terms.visitCount < 1 || terms.visitCount > MAX_VISITS)
		throw new RangeError(`visit count must be 1–${MAX_VISITS}`);
	if (!Number.isSafeInteger(terms.validityMonths) || terms.validityMonths < 1 || terms.validityMonths > MAX_VALIDITY_MONTHS)
		throw new RangeError(`validity must be 1–${MAX_VALIDITY_MONTHS} months`);
	assertYen(terms.priceJpy, 'package price');
	return terms;
}

/**
 * The paid value of the first `visits` visits of a course: ⌊visits × price ÷ count⌋.
 *
 * Rounding: a price that does not divide evenly (¥10,000 for 3 visits) gives visits worth ¥3,333,
 * ¥3,333 and ¥3,334: the cumulative value is rounded down, so the odd yen fall on the LAST visits.
 * Those are the visits a refund returns, so the clinic never keeps a yen of a visit not given, and
 * the value of the used visits plus the value of the rest is exactly the price, whatever the order.
 */
export function valueOfFirstVisits(terms: Pick<PackageTerms, 'visitCount' | 'priceJpy'>, visits: number): number {
	if (!Number.isSafeInteger(visits) || visits < 0 || visits > terms.visitCount) throw new RangeError(`visits must be 0–${terms.visitCount}`);
	return Math.floor((visits * terms.priceJpy) / terms.visitCount);
}

/** The value of the visits left when `consumed` have been used, expired or refunded. */
export function valueOfLastVisits(terms: Pick<PackageTerms, 'visitCount' | 'priceJpy'>, remaining: number): number {
	return terms.priceJpy - valueOfFirstVisits(terms, terms.visitCount - remaining);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first clinic-local day the course is no longer valid: the same day `validityMonths` later,
 * or the first of the next month when that month is shorter (bought 31 August with 6 months: valid
 * through the last day of February, invalid from 1 March). Valid while `day < expiresOn`.
 */
export function expiresOn(soldOn: string, validityMonths: number): string {
	const match = DATE_PATTERN.exec(soldOn);
	if (!match) throw new RangeError(`not a calendar date: ${soldOn}`);
	const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
	const target = addMonths(new TZDate(year, month, 1, 'UTC'), validityMonths);
	const candidate = new TZDate(target.getFullYear(), target.getMonth(), day, 'UTC');
	// A day past the month's end rolls over into the next month: exactly the first invalid day.
	return format(candidate.getMonth() === target.getMonth() ? candidate : new TZDate(target.getFullYear(), target.getMonth() + 1, 1, 'UTC'), 'yyyy-MM-dd');
}

/** The consumption tax contained in an amount of a sale, at the rate of the day sold (as billing: rounded down once). */
export function taxOfSale(amountJpy: number, soldOn: string, config: BillingConfig = DEFAULT_BILLING_CONFIG): { ratePercent: number; taxJpy: number } {
	const rate = versionOn(config.taxRates, soldOn);
	if (!rate) throw new RangeError(`no consumption-tax rate configured for ${soldOn}`);
	return { ratePercent: rate.ratePercent, taxJpy: includedTax(amountJpy, rate.ratePercent) };
}

/** The last day a course may be used (the day before `expiresOn`), as printed: 有効期限 2027-06-05. */
export function lastValidDay(expiresOnDate: string): string {
	const match = DATE_PATTERN.exec(expiresOnDate);
	if (!match) throw new RangeError(`not a calendar date: ${expiresOnDate}`);
	return format(new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - 1, 'UTC'), 'yyyy-MM-dd');
}
