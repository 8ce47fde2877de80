import { packageState, type PackageEntry, type PackageState, type PackageStatus } from './ledger';
import type { PackageTerms } from './terms';

/*
 * The owner's report of prepaid courses at a date (issue #18): every figure is `packageState` over
 * the entries written before the end of that day, so the 前受金 (liability: paid visits not yet
 * given) at any past date is a recount, never a stored number. Money in integer yen.
 */

/** The ledger as it stood at an instant: the entries written before `endMs` (the sale included). */
export function entriesBefore(entries: readonly PackageEntry[], endMs: number): PackageEntry[] {
	return entries.filter((entry) => entry.at < endMs);
}

export interface CourseFigures {
	visitCount: number;
	priceJpy: number;
	paidJpy: number;
	usedVisits: number;
	expiredVisits: number;
	refundedVisits: number;
	/** Money given back by refunds. */
	refundedJpy: number;
	/** The cancellation fees kept. */
	feeJpy: number;
	remainingVisits: number;
	liabilityJpy: number;
	status: PackageStatus;
}

/** One course's figures at the end of `asOf` (clinic-local day); null when it was not sold yet. */
export function courseFiguresAt(
	terms: Pick<PackageTerms, 'visitCount' | 'priceJpy'>,
	entries: readonly PackageEntry[],
	endMs: number,
	asOf: string,
	expiresOn: string
): CourseFigures | null {
	const upTo = entriesBefore(entries, endMs);
	if (!upTo.some((entry) => entry.kind === 'sale')) return null;
	// A course whose expiry day has come by `asOf` shows as expired even before its expiry entry.
	const state: PackageState = packageState(terms, upTo, asOf, expiresOn);
	const feeJpy = upTo.reduce((sum, entry) => (entry.kind === 'refund' ? sum + entry.feeJpy : sum), 0);
	return {
		visitCount: state.visitCount,
		priceJpy: state.priceJpy,
		paidJpy: state.paidJpy,
		usedVisits: state.usedVisits,
		expiredVisits: state.expiredVisits,
		refundedVisits: state.refundedVisits,
		refundedJpy: state.returnedJpy,
		feeJpy,
		remainingVisits: state.remainingVisits,
		liabilityJpy: state.liabilityJpy,
		status: state.status
	};
}

export type FigureTotals = Omit<CourseFigures, 'status'> & { courses: number };

const SUMMED = [
	'visitCount',
	'priceJpy',
	'paidJpy',
	'usedVisits',
	'expiredVisits',
	'refundedVisits',
	'refundedJpy',
	'feeJpy',
	'remainingVisits',
	'liabilityJpy'
] as const;

/** The totals row: every figure summed (integers, so the sum is exact). */
export function totalFigures(rows: readonly CourseFigures[]): FigureTotals {
	const totals = { courses: rows.length } as FigureTotals;
	for (const key of SUMMED) totals[key] = rows.reduce((sum, row) => sum + row[key], 0);
	return totals;
}

/** The CSV's columns, in order; the header's words are `packageReports.column.*`. */
export const PACKAGE_REPORT_COLUMNS = [
	'patientNumber',
	'patientName',
	'course',
	'soldOn',
	'validThrough',
	'visitCount',
	'priceJpy',
	'paidJpy',
	'usedVisits',
	'expiredVisits',
	'refundedVisits',
	'refundedJpy',
	'feeJpy',
	'remainingVisits',
	'liabilityJpy',
	'status'
] as const;
