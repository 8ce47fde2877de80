import { choosePlanPeriod, periodMonth, planRemainingOn, type PlanPeriod, type PlanUse } from '../../domain/packages/monthly';
import type { UseRefusal } from '../../domain/packages/ledger';
import { localDate } from '../../domain/time';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { findBillingClinic } from '../billing/billing-repository';
import { findVisitFacts } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { MONTHS_EN, planTermsOf } from './monthly-plans';
import { clearVisitCourseMark, loadPackage, type LoadedPackage } from './package-repository';
import { clearVisitPlanMark, insertVisitPlanMark } from './plan-repository';
import type { PackageCover } from './visit-cover';

/*
 * Using a monthly plan (月額, issue #18). The desk marks a booked visit for the plan; which month
 * it takes is decided when the visit is charged self-pay, by `choosePlanPeriod` (the months that
 * `checkUse` accepts, the one expiring first: carried visits before the month's own). The use
 * itself is the course's: `usePackageForVisit` writes it in the chosen month's ledger, and a
 * voided charge gives it back there (visit-cover.ts). Nothing is taken at booking.
 */

export type MarkPlanResult = { ok: true } | { ok: false; code: UseRefusal | 'not_found' | 'forbidden' | 'not_booked' };

/** Every month of a plan, each with its whole ledger, oldest first. */
export async function loadPlanPeriods(tx: Db, planId: string, options: { lock?: boolean } = {}): Promise<{ period: PlanPeriod; pkg: LoadedPackage }[]> {
	const rows = await tx.kysely.selectFrom('package_plan_period').selectAll().where('plan_id', '=', planId).orderBy('period_start').execute();
	const periods: { period: PlanPeriod; pkg: LoadedPackage }[] = [];
	for (const row of rows) {
		const pkg = await loadPackage(tx, row.package_sale_id, options);
		if (!pkg) continue;
		periods.push({
			pkg,
			period: {
				saleId: row.package_sale_id,
				period: { start: row.period_start, end: row.period_end },
				holder: { ...pkg.holder, validFrom: row.period_start },
				entries: pkg.entries,
				voided: pkg.voided
			}
		});
	}
	return periods;
}

/** The month of the plan marked for a visit that its charge would use, or null when no plan is marked. */
export async function planUseOfVisit(
	tx: Db,
	visit: { id: string; patientId: string; serviceId: string; serviceDate: string }
): Promise<{ planId: string; use: PlanUse; periods: { period: PlanPeriod; pkg: LoadedPackage }[] } | null> {
	const mark = await tx.kysely.selectFrom('appointment_plan').select('plan_id').where('appointment_id', '=', visit.id).executeTakeFirst();
	if (!mark) return null;
	const periods = await loadPlanPeriods(tx, mark.plan_id, { lock: true });
	const use = choosePlanPeriod(
		periods.map((p) => p.period),
		{ patientId: visit.patientId, serviceId: visit.serviceId, visitDate: visit.serviceDate, insured: false }
	);
	return { planId: mark.plan_id, use, periods };
}

/**
 * Billing's hook before a self-pay visit marked for a plan is charged (called from
 * `packageCoverOfVisit`): the month it uses and the service line's names, which print e.g.
 * 「鍼灸 月額プラン 12月 2/4回、残り2回」. Null when no plan is marked or none of its months covers the visit.
 */
export async function planCoverOfVisit(
	tx: Db,
	visit: { id: string; patientId: string; serviceId: string; serviceDate: string },
	service: { name_ja: string; name_en: string }
): Promise<PackageCover | null> {
	const found = await planUseOfVisit(tx, visit);
	if (!found || !found.use.ok) return null;
	const { use, periods } = found;
	const chosen = periods.find((p) => p.period.saleId === use.saleId)!;
	const plan = await tx.kysely.selectFrom('package_plan').select(['name_ja', 'name_en']).where('id', '=', found.planId).executeTakeFirstOrThrow();
	const { month } = periodMonth(chosen.period.period);
	const params = {
		visit: use.state.uses.length + 1,
		count: chosen.pkg.terms.visitCount,
		remaining:
			planRemainingOn(
				periods.map((p) => p.period),
				visit.serviceDate
			) - 1
	};
	const key = use.carried ? 'packagePlans.lineCarried' : 'packagePlans.line';
	return {
		saleId: use.saleId,
		names: {
			name_ja: `${service.name_ja}（${translate('ja', key, { name: plan.name_ja, month, ...params })}）`,
			name_en: `${service.name_en} (${translate('en', key, { name: plan.name_en, month: MONTHS_EN[month - 1]!, ...params })})`
		}
	};
}

/** The sale (month) a visit marked for a plan uses, for `usePackageForVisit`; null when none. */
export async function planSaleOfVisit(tx: Db, appointmentId: string): Promise<string | null> {
	const visit = await findVisitFacts(tx, appointmentId);
	if (!visit?.patient_id || !visit.service_id) return null;
	const clinic = await findBillingClinic(tx);
	const found = await planUseOfVisit(tx, {
		id: visit.id,
		patientId: visit.patient_id,
		serviceId: visit.service_id,
		serviceDate: localDate(Date.parse(visit.starts_at), clinic.timeZone)
	});
	return found?.use.ok ? found.use.saleId : null;
}

/**
 * The desk marks a booked visit to use a plan, or clears the mark with null. A visit in a month
 * not yet sold may be marked while the plan runs (the month is sold on its renewal day); the
 * services and who may use it are the plan's. A plan mark replaces a course mark.
 */
export async function markVisitPlan(
	db: Db,
	appointmentId: string,
	planId: string | null,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<MarkPlanResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<MarkPlanResult> => {
		const visit = await findVisitFacts(tx, appointmentId);
		if (!visit || !visit.patient_id || !visit.service_id) return { ok: false, code: 'not_found' };
		if (!['booked', 'arrived'].includes(visit.status)) return { ok: false, code: 'not_booked' };
		if (planId !== null) {
			if (planId.length > 64) return { ok: false, code: 'not_found' };
			const plan = await tx.kysely.selectFrom('package_plan').selectAll().where('id', '=', planId).executeTakeFirst();
			if (!plan) return { ok: false, code: 'not_found' };
			const clinic = await findBillingClinic(tx);
			const visitDate = localDate(Date.parse(visit.starts_at), clinic.timeZone);
			const periods = await loadPlanPeriods(tx, planId);
			const sold = periods.some((p) => p.period.period.start <= visitDate && visitDate < p.period.holder.expiresOn);
			if (sold) {
				const check = choosePlanPeriod(
					periods.map((p) => p.period),
					{ patientId: visit.patient_id, serviceId: visit.service_id, visitDate, insured: false }
				);
				if (!check.ok) return check;
			} else {
				// A month still to come: the plan must still be running, and the visit one it covers.
				const terms = planTermsOf(plan);
				const family = periods.length > 0 ? periods[periods.length - 1]!.pkg.holder.familyPatientIds : [];
				if (plan.stopped_on !== null || visitDate < plan.started_on) return { ok: false, code: 'not_active' };
				if (!terms.serviceIds.includes(visit.service_id)) return { ok: false, code: 'service_not_covered' };
				if (visit.patient_id !== plan.patient_id && !(terms.familyShareable && family.includes(visit.patient_id)))
					return { ok: false, code: 'not_allowed_user' };
			}
		}
		await clearVisitPlanMark(tx, appointmentId);
		if (planId !== null) {
			await clearVisitCourseMark(tx, appointmentId);
			await insertVisitPlanMark(tx, { appointment_id: appointmentId, plan_id: planId, marked_at: now.toISOString(), marked_by: staffId });
		}
		await recordAudit(tx, actor, {
			action: planId ? 'package_plan.mark_visit' : 'package_plan.unmark_visit',
			entityType: 'appointment',
			entityId: appointmentId,
			patientId: visit.patient_id,
			detail: { planId }
		});
		return { ok: true };
	});
}
