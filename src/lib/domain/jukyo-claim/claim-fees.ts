import { feeScheduleOn, type HomeVisitTier, type JukyoFeeSchedule } from './fees';
import type { VisitForClaim } from './claim-input';

/*
 * The 料金 block of the 申請書 (docs/jukyo-claim.md §1 and §3): each fee line with its unit price
 * and count, priced by the fee version of each visit's day. Pure.
 */

/** The lines in the order the form prints them. */
export const FEE_LINE_CODES = [
	'initial_exam_single',
	'initial_exam_combined',
	'treatment_single',
	'treatment_combined',
	'home_visit_1_single',
	'home_visit_1_combined',
	'home_visit_2_single',
	'home_visit_2_combined',
	'home_visit_3_single',
	'home_visit_3_combined',
	'home_visit_3_ten_plus_single',
	'home_visit_3_ten_plus_combined',
	'electro',
	'house_call',
	'special_area',
	'report'
] as const;
export type FeeLineCode = (typeof FEE_LINE_CODES)[number];

export interface ClaimFeeLine {
	code: FeeLineCode;
	unitJpy: number;
	count: number;
	amountJpy: number;
}

/** Why a visit could not be priced. */
export type PricingProblem =
	| { code: 'no_fee_schedule'; date: string }
	| { code: 'no_home_visit_fee'; date: string }
	| { code: 'home_visit_without_tier'; date: string }
	| { code: 'special_area_at_clinic'; date: string };

export interface PricedMonth {
	lines: ClaimFeeLine[];
	totalJpy: number;
	problems: PricingProblem[];
	/** The schedule of the month's last priced visit: its rounding applies to the month's share. */
	lastSchedule: JukyoFeeSchedule | null;
}

function homeVisitCode(tier: HomeVisitTier, arts: 'single' | 'combined'): FeeLineCode {
	return `home_visit_${tier === '3_ten_plus' ? '3_ten_plus' : tier}_${arts}` as FeeLineCode;
}

/** The fee items of one visit, or the problem that stops its pricing. */
export function visitFees(
	visit: VisitForClaim,
	schedule: JukyoFeeSchedule
): { items: Array<{ code: FeeLineCode; unitJpy: number }> } | { problem: PricingProblem } {
	const items: Array<{ code: FeeLineCode; unitJpy: number }> = [];
	if (visit.initialExam) items.push({ code: `initial_exam_${visit.arts}`, unitJpy: schedule.initialExamJpy[visit.arts] });
	if (visit.kind === 'home_visit') {
		if (!schedule.homeVisitJpy) return { problem: { code: 'no_home_visit_fee', date: visit.date } };
		if (!visit.homeVisitTier) return { problem: { code: 'home_visit_without_tier', date: visit.date } };
		items.push({ code: homeVisitCode(visit.homeVisitTier, visit.arts), unitJpy: schedule.homeVisitJpy[visit.homeVisitTier][visit.arts] });
	} else {
		// 往療 is billed with the 施術料 (「通所」 line) from 2024-10 (docs/jukyo-claim.md §3).
		items.push({ code: `treatment_${visit.arts}`, unitJpy: schedule.treatmentJpy[visit.arts] });
		if (visit.kind === 'house_call') items.push({ code: 'house_call', unitJpy: schedule.houseCallJpy });
	}
	if (visit.electro) items.push({ code: 'electro', unitJpy: schedule.electroJpy });
	if (visit.specialArea) {
		if (visit.kind === 'clinic') return { problem: { code: 'special_area_at_clinic', date: visit.date } };
		if (schedule.specialAreaJpy === null) return { problem: { code: 'no_home_visit_fee', date: visit.date } };
		items.push({ code: 'special_area', unitJpy: schedule.specialAreaJpy });
	}
	if (visit.reportIssued) items.push({ code: 'report', unitJpy: schedule.reportJpy });
	return { items };
}

/** The month's fee lines: one per code and unit price (a revision inside the month makes two), in form order. */
export function priceMonth(visits: readonly VisitForClaim[], schedules: readonly JukyoFeeSchedule[]): PricedMonth {
	const byKey = new Map<string, ClaimFeeLine>();
	const problems: PricingProblem[] = [];
	let lastSchedule: JukyoFeeSchedule | null = null;
	for (const visit of [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
		const schedule = feeScheduleOn(schedules, visit.date);
		if (!schedule) {
			problems.push({ code: 'no_fee_schedule', date: visit.date });
			continue;
		}
		const priced = visitFees(visit, schedule);
		if ('problem' in priced) {
			problems.push(priced.problem);
			continue;
		}
		lastSchedule = schedule;
		for (const item of priced.items) {
			const key = `${item.code}@${item.unitJpy}`;
			const line = byKey.get(key) ?? { code: item.code, unitJpy: item.unitJpy, count: 0, amountJpy: 0 };
			line.count += 1;
			line.amountJpy += item.unitJpy;
			byKey.set(key, line);
		}
	}
	const lines = [...byKey.values()].sort((a, b) => FEE_LINE_CODES.indexOf(a.code) - FEE_LINE_CODES.indexOf(b.code) || a.unitJpy - b.unitJpy);
	return { lines, totalJpy: lines.reduce((sum, l) => sum + l.amountJpy, 0), problems, lastSchedule };
}
