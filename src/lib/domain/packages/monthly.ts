import { isYen } from '../billing/yen';
import { checkUse, packageState, type PackageEntry, type PackageHolder, type PackageState, type UseRefusal, type UseRequest } from './ledger';
import { MAX_VISITS } from './terms';

/*
 * Monthly plans, 月額 (issue #18). A plan is a sequence of one-month periods; each period is sold
 * as a grant of its own — a package sale with its own self-pay charge, ledger and terms — so
 * everything a course has (part payment, receipt, use, reinstatement, expiry, refund, 前受金) holds
 * for a month unchanged, and one period's money never mixes with another's.
 *
 * - Periods run from the renewal day of one month to the renewal day of the next ([start, end)).
 *   The renewal day is 1–28, so every month has it.
 * - Carry-over, at most one month: with it, a period's visits stay usable to the end of the NEXT
 *   period (its expiry is one period later), and then expire like a course's. Without it, they
 *   expire at the period's end. A visit uses the period that expires first, so carried visits go
 *   first and never pile up beyond one month.
 * - A period is usable only from its start: a visit in December never takes January's visits.
 */

export const MAX_RENEWAL_DAY = 28;

export interface PlanTerms {
	/** Visits each month, 1–100. */
	visitsPerMonth: number;
	/** The price of one month, tax included, integer yen. */
	monthlyPriceJpy: number;
	/** Whether a month's unused visits may be used in the following month (never later). */
	carryOver: boolean;
	/** The clinic-local day of the month a period starts, 1–28. */
	renewalDay: number;
	serviceIds: readonly string[];
	familyShareable: boolean;
}

export function assertPlanTerms(terms: PlanTerms): PlanTerms {
	if (!Number.isSafeInteger(terms.visitsPerMonth) || terms.visitsPerMonth < 1 || terms.visitsPerMonth > MAX_VISITS)
		throw new RangeError(`visits per month must be 1–${MAX_VISITS}`);
	if (!Number.isSafeInteger(terms.renewalDay) || terms.renewalDay < 1 || terms.renewalDay > MAX_RENEWAL_DAY)
		throw new RangeError(`renewal day must be 1–${MAX_RENEWAL_DAY}`);
	if (!isYen(terms.monthlyPriceJpy) || terms.monthlyPriceJpy < 1) throw new RangeError('monthly price must be positive yen');
	return terms;
}

export interface Period {
	/** The first day of the period (clinic-local). */
	start: string;
	/** The first day after it: the next period's start. */
	end: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
	const match = DATE_PATTERN.exec(date);
	if (!match) throw new RangeError(`not a calendar date: ${date}`);
	return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The renewal day of the month `offset` months after (year, month). */
function dayOfMonth(year: number, month: number, offset: number, day: number): string {
	const index = year * 12 + (month - 1) + offset;
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The period a day falls in: from the last renewal day on or before it to the next one. */
export function periodContaining(day: string, renewalDay: number): Period {
	if (!Number.isSafeInteger(renewalDay) || renewalDay < 1 || renewalDay > MAX_RENEWAL_DAY) throw new RangeError(`renewal day must be 1–${MAX_RENEWAL_DAY}`);
	const [year, month, date] = parts(day);
	const offset = date >= renewalDay ? 0 : -1;
	return { start: dayOfMonth(year, month, offset, renewalDay), end: dayOfMonth(year, month, offset + 1, renewalDay) };
}

/** The period after `period`. */
export function nextPeriod(period: Period, renewalDay: number): Period {
	return periodContaining(period.end, renewalDay);
}

/** The month a period is named by (the month it starts in): 2026-12 → { year: 2026, month: 12 }. */
export function periodMonth(period: Pick<Period, 'start'>): { year: number; month: number } {
	const [year, month] = parts(period.start);
	return { year, month };
}

/**
 * The terms one period is sold with, as a course: the month's visits at the month's price,
 * usable from the period's start until its end — or, with carry-over, the next period's end.
 */
export function periodGrant(
	terms: PlanTerms,
	period: Period
): { visitCount: number; priceJpy: number; validityMonths: number; validFrom: string; expiresOn: string } {
	assertPlanTerms(terms);
	return {
		visitCount: terms.visitsPerMonth,
		priceJpy: terms.monthlyPriceJpy,
		validityMonths: terms.carryOver ? 2 : 1,
		validFrom: period.start,
		expiresOn: terms.carryOver ? nextPeriod(period, terms.renewalDay).end : period.end
	};
}

/**
 * The period a renewal creates today, or null: the period containing today, when the plan is not
 * stopped and has no period starting on or after it (a plan started ahead already has it). A run
 * missed for a whole period does not bill that period after the fact.
 */
export function dueRenewal(plan: { renewalDay: number; stoppedOn: string | null }, latestStart: string | null, today: string): Period | null {
	if (plan.stoppedOn !== null && plan.stoppedOn <= today) return null;
	const current = periodContaining(today, plan.renewalDay);
	if (latestStart !== null && latestStart >= current.start) return null;
	return current;
}

export interface PlanPeriod {
	saleId: string;
	period: Period;
	holder: PackageHolder;
	entries: readonly PackageEntry[];
	/** The period's charge was voided: nothing of it may be used. */
	voided: boolean;
}

export type PlanUse = { ok: true; saleId: string; state: PackageState; carried: boolean } | { ok: false; code: UseRefusal };

/**
 * Which period of a plan a visit uses: among the periods `checkUse` accepts (the one rule of every
 * package, with the period's start as `validFrom`), the one that expires first — carried visits
 * before the month's own. When none accepts, the refusal of the period the visit's day falls in.
 */
export function choosePlanPeriod(periods: readonly PlanPeriod[], request: UseRequest): PlanUse {
	let chosen: { saleId: string; state: PackageState; expiresOn: string; start: string } | null = null;
	let refusal: { code: UseRefusal; start: string } | null = null;
	for (const p of periods) {
		if (p.voided) continue;
		const check = checkUse({ ...p.holder, validFrom: p.period.start }, p.entries, request);
		if (check.ok) {
			if (!chosen || p.holder.expiresOn < chosen.expiresOn || (p.holder.expiresOn === chosen.expiresOn && p.period.start < chosen.start))
				chosen = { saleId: p.saleId, state: check.state, expiresOn: p.holder.expiresOn, start: p.period.start };
		} else if (p.period.start <= request.visitDate && (!refusal || p.period.start > refusal.start)) refusal = { code: check.code, start: p.period.start };
	}
	if (chosen) return { ok: true, saleId: chosen.saleId, state: chosen.state, carried: request.visitDate >= periodsEnd(periods, chosen.saleId) };
	return { ok: false, code: refusal?.code ?? 'not_active' };
}

function periodsEnd(periods: readonly PlanPeriod[], saleId: string): string {
	return periods.find((p) => p.saleId === saleId)!.period.end;
}

/** Visits of the plan still usable on a day (every period valid then, carried ones too), from the ledgers. */
export function planRemainingOn(periods: readonly PlanPeriod[], day: string): number {
	let remaining = 0;
	for (const p of periods) {
		if (p.voided || day < p.period.start || day >= p.holder.expiresOn) continue;
		const state = packageState(p.holder.terms, p.entries, day, p.holder.expiresOn);
		if (state.status === 'active') remaining += state.remainingVisits;
	}
	return remaining;
}
