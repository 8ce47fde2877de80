import { periodContaining, periodMonth, planRemainingOn } from '../../domain/packages/monthly';
import { packageState, type PackageStatus } from '../../domain/packages/ledger';
import { lastValidDay } from '../../domain/packages/terms';
import { clinicToday, findBillingClinic } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { loadPlanPeriods } from './monthly-use';

/*
 * What the desk shows of a patient's monthly plans (issue #18), next to their courses: the terms,
 * each month sold with its figures (derived from its ledger), the visits usable today, the next
 * renewal. Each month is also a package in `listPatientPackages`, where its uses and refund are;
 * that list is audited, so this one, shown with it, is not audited again.
 */

export interface PlanMonthView {
	saleId: string;
	chargeId: string;
	year: number;
	month: number;
	start: string;
	end: string;
	nameJa: string;
	nameEn: string;
	validThrough: string;
	visitCount: number;
	usedVisits: number;
	remainingVisits: number;
	priceJpy: number;
	paidJpy: number;
	balanceDueJpy: number;
	liabilityJpy: number;
	status: PackageStatus;
}

export interface PlanView {
	planId: string;
	holderPatientId: string;
	nameJa: string;
	nameEn: string;
	serviceIds: string[];
	visitsPerMonth: number;
	monthlyPriceJpy: number;
	carryOver: boolean;
	renewalDay: number;
	familyShareable: boolean;
	startedOn: string;
	stoppedOn: string | null;
	/** Visits usable today, carried ones included. */
	remainingToday: number;
	/** The next renewal day, null once stopped. */
	nextRenewalOn: string | null;
	months: PlanMonthView[];
}

export async function listPatientPlans(db: Db, patientId: string, options: { now?: Date } = {}): Promise<PlanView[]> {
	const today = clinicToday(await findBillingClinic(db), options.now ?? db.clock.now());
	const held = await db.kysely.selectFrom('package_plan').select('id').where('patient_id', '=', patientId).execute();
	const shared = await db.kysely
		.selectFrom('package_family_member')
		.innerJoin('package_plan_period', 'package_plan_period.package_sale_id', 'package_family_member.package_sale_id')
		.select('package_plan_period.plan_id as id')
		.where('package_family_member.patient_id', '=', patientId)
		.execute();
	const ids = [...new Set([...held, ...shared].map((r) => r.id))];
	if (ids.length === 0) return [];
	const plans = await db.kysely.selectFrom('package_plan').selectAll().where('id', 'in', ids).orderBy('started_at', 'desc').orderBy('id').execute();
	const views: PlanView[] = [];
	for (const plan of plans) {
		const periods = await loadPlanPeriods(db, plan.id);
		views.push({
			planId: plan.id,
			holderPatientId: plan.patient_id,
			nameJa: plan.name_ja,
			nameEn: plan.name_en,
			serviceIds: JSON.parse(plan.service_ids) as string[],
			visitsPerMonth: plan.visits_per_month,
			monthlyPriceJpy: Number(plan.monthly_price_jpy),
			carryOver: plan.carry_over === 1,
			renewalDay: plan.renewal_day,
			familyShareable: plan.family_shareable === 1,
			startedOn: plan.started_on,
			stoppedOn: plan.stopped_on,
			remainingToday: planRemainingOn(
				periods.map((p) => p.period),
				today
			),
			nextRenewalOn: plan.stopped_on === null ? nextRenewal(periods.at(-1)?.period.period.end ?? null, today, plan.renewal_day) : null,
			months: periods
				.map(({ period, pkg }) => {
					const state = packageState(pkg.terms, pkg.entries, today, pkg.sale.expires_on);
					const { year, month } = periodMonth(period.period);
					return {
						saleId: period.saleId,
						chargeId: pkg.sale.charge_id,
						year,
						month,
						start: period.period.start,
						end: period.period.end,
						nameJa: pkg.sale.name_ja,
						nameEn: pkg.sale.name_en,
						validThrough: lastValidDay(pkg.sale.expires_on),
						visitCount: state.visitCount,
						usedVisits: state.usedVisits,
						remainingVisits: state.remainingVisits,
						priceJpy: state.priceJpy,
						paidJpy: state.paidJpy,
						balanceDueJpy: pkg.voided ? 0 : state.balanceDueJpy,
						liabilityJpy: state.liabilityJpy,
						status: pkg.voided ? ('refunded' as const) : state.status
					};
				})
				.reverse()
		});
	}
	return views;
}

/** The day the next month is sold: the end of the last month sold, or today's month when that is past (not sold yet). */
function nextRenewal(lastEnd: string | null, today: string, renewalDay: number): string {
	return lastEnd !== null && lastEnd > today ? lastEnd : periodContaining(today, renewalDay).start;
}

/** The plan each of these visits is marked for (visit id → plan id). */
export async function planMarksOf(db: Db, appointmentIds: readonly string[]): Promise<Record<string, string>> {
	if (appointmentIds.length === 0) return {};
	const marks = await db.kysely.selectFrom('appointment_plan').select(['appointment_id', 'plan_id']).where('appointment_id', 'in', appointmentIds).execute();
	return Object.fromEntries(marks.map((m) => [m.appointment_id, m.plan_id]));
}
