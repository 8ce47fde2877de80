import type { InsuranceArts, InsuranceFeeSchedule, ShareRounding } from '../billing/billing-config';
import { versionOn } from '../billing/dated-config';

/*
 * The はり・きゅう 療養費 fees as dated versions stored in the database (docs/jukyo-claim.md §3,
 * docs/insurance.md §3). A version is a set of items, each a code and an amount in yen; the owner
 * adds a version when the ministry revises the fees, and a visit is priced by the version of its
 * day. A version extends the clinic-visit schedule of `domain/billing/billing-config.ts` with the
 * home-visit fees of 2024-10, so the desk's charge and the monthly claim read the same numbers.
 */

/** Items every version has (clinic visits, 往療料 and the 施術報告書交付料). */
export const BASE_FEE_ITEMS = [
	'initial_exam_single',
	'initial_exam_combined',
	'treatment_single',
	'treatment_combined',
	'electro',
	'house_call',
	'report'
] as const;

/** Items that only versions from 2024-10 have: all of them or none. */
export const HOME_VISIT_FEE_ITEMS = [
	'home_visit_1_single',
	'home_visit_1_combined',
	'home_visit_2_single',
	'home_visit_2_combined',
	'home_visit_3_single',
	'home_visit_3_combined',
	'home_visit_3_ten_plus_single',
	'home_visit_3_ten_plus_combined',
	'special_area'
] as const;

/** 往療料 beyond 4 km, only in versions before 2024-10 (docs/insurance.md §3). */
export const OPTIONAL_FEE_ITEMS = ['house_call_over_4km'] as const;

export const FEE_ITEM_CODES = [...BASE_FEE_ITEMS, ...HOME_VISIT_FEE_ITEMS, ...OPTIONAL_FEE_ITEMS] as const;
export type FeeItemCode = (typeof FEE_ITEM_CODES)[number];

export function isFeeItemCode(value: string): value is FeeItemCode {
	return (FEE_ITEM_CODES as readonly string[]).includes(value);
}

/**
 * 訪問施術料 tiers by the number of patients treated at the same building on the same day:
 * 1 patient, 2 patients, 3–9 patients, 10 or more (docs/insurance.md §3).
 */
export type HomeVisitTier = '1' | '2' | '3' | '3_ten_plus';

export function homeVisitTier(patientsAtSamePlace: number): HomeVisitTier {
	if (!Number.isSafeInteger(patientsAtSamePlace) || patientsAtSamePlace < 1)
		throw new RangeError(`patients at the same place must be 1 or more, got ${patientsAtSamePlace}`);
	if (patientsAtSamePlace === 1) return '1';
	if (patientsAtSamePlace === 2) return '2';
	return patientsAtSamePlace < 10 ? '3' : '3_ten_plus';
}

export interface JukyoFeeSchedule extends InsuranceFeeSchedule {
	/** 往療料 (flat from 2024-10; up to 4 km before). */
	houseCallJpy: number;
	/** 往療料 beyond 4 km; null when the version has one flat amount. */
	houseCallOver4kmJpy: number | null;
	/** 訪問施術料 per tier and arts; null before 2024-10. */
	homeVisitJpy: Record<HomeVisitTier, Record<InsuranceArts, number>> | null;
	/** 特別地域加算 per visit; null before 2024-10. */
	specialAreaJpy: number | null;
	/** 施術報告書交付料. */
	reportJpy: number;
}

export interface FeeVersionRecord {
	effectiveFrom: string;
	shareRounding: ShareRounding;
	source: string;
	items: ReadonlyArray<{ code: string; amountJpy: number }>;
}

/** Why a set of items does not make a schedule; each names the item codes at fault. */
export type FeeVersionProblem =
	| { code: 'missing_item'; items: string[] }
	| { code: 'unknown_item'; items: string[] }
	| { code: 'duplicate_item'; items: string[] }
	| { code: 'not_yen'; items: string[] }
	| { code: 'home_visit_incomplete'; items: string[] };

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The problems of a version's items, in a fixed order; empty when the version is whole. */
export function feeVersionProblems(items: ReadonlyArray<{ code: string; amountJpy: number }>): FeeVersionProblem[] {
	const codes = items.map((i) => i.code);
	const problems: FeeVersionProblem[] = [];
	const unknown = codes.filter((c) => !isFeeItemCode(c));
	if (unknown.length > 0) problems.push({ code: 'unknown_item', items: unknown });
	const duplicates = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
	if (duplicates.length > 0) problems.push({ code: 'duplicate_item', items: duplicates });
	const missing = BASE_FEE_ITEMS.filter((c) => !codes.includes(c));
	if (missing.length > 0) problems.push({ code: 'missing_item', items: [...missing] });
	const homeGiven = HOME_VISIT_FEE_ITEMS.filter((c) => codes.includes(c));
	if (homeGiven.length > 0 && homeGiven.length < HOME_VISIT_FEE_ITEMS.length) {
		problems.push({ code: 'home_visit_incomplete', items: HOME_VISIT_FEE_ITEMS.filter((c) => !codes.includes(c)) });
	}
	const notYen = items.filter((i) => !Number.isSafeInteger(i.amountJpy) || i.amountJpy < 0 || i.amountJpy > 1_000_000).map((i) => i.code);
	if (notYen.length > 0) problems.push({ code: 'not_yen', items: notYen });
	return problems;
}

export class FeeVersionError extends RangeError {
	constructor(
		readonly effectiveFrom: string,
		readonly problems: FeeVersionProblem[]
	) {
		super(`fee version ${effectiveFrom} is not whole: ${problems.map((p) => `${p.code} ${p.items.join(',')}`).join('; ')}`);
		this.name = 'FeeVersionError';
	}
}

/** The schedule a stored version describes; throws for a version that is not whole (a bug in storage). */
export function scheduleFromVersion(version: FeeVersionRecord): JukyoFeeSchedule {
	if (!DATE.test(version.effectiveFrom)) throw new RangeError(`not a calendar date: ${version.effectiveFrom}`);
	const problems = feeVersionProblems(version.items);
	if (problems.length > 0) throw new FeeVersionError(version.effectiveFrom, problems);
	const amount = new Map(version.items.map((i) => [i.code, i.amountJpy]));
	const get = (code: FeeItemCode) => amount.get(code) as number;
	const pair = (prefix: string) => ({ single: get(`${prefix}_single` as FeeItemCode), combined: get(`${prefix}_combined` as FeeItemCode) });
	const hasHomeVisit = amount.has('special_area');
	return {
		effectiveFrom: version.effectiveFrom,
		initialExamJpy: pair('initial_exam'),
		treatmentJpy: pair('treatment'),
		electroJpy: get('electro'),
		shareRounding: version.shareRounding,
		source: version.source,
		houseCallJpy: get('house_call'),
		houseCallOver4kmJpy: amount.get('house_call_over_4km') ?? null,
		homeVisitJpy: hasHomeVisit
			? { '1': pair('home_visit_1'), '2': pair('home_visit_2'), '3': pair('home_visit_3'), '3_ten_plus': pair('home_visit_3_ten_plus') }
			: null,
		specialAreaJpy: hasHomeVisit ? get('special_area') : null,
		reportJpy: get('report')
	};
}

/** The schedule in force on a visit's clinic-local day; null before the first version. */
export function feeScheduleOn(schedules: readonly JukyoFeeSchedule[], date: string): JukyoFeeSchedule | null {
	return versionOn(schedules, date);
}
