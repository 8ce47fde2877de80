import { randomUUID } from 'node:crypto';
import { dueRenewal, periodContaining, periodGrant, periodMonth, type Period, type PlanTerms } from '../../domain/packages/monthly';
import { addDays } from '../../domain/time';
import { translate } from '../../i18n/translate';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillablePatient, findBillingClinic } from '../billing/billing-repository';
import type { Db } from '../db/database';
import type { PackagePlanTable } from '../db/schema-packages';
import { withTransaction } from '../db/transaction';
import { planFieldCodes, ZStartPlanSchema } from './monthly-schemas';
import { insertSaleCharge, takeSalePayment } from './sell-package';
import { insertPackageFamilyMember, insertPackageSale } from './package-repository';
import { insertPlan, insertPlanPeriod, markPlanStopped } from './plan-repository';
import type { Selectable } from 'kysely';

/*
 * Starting, renewing and stopping a patient's monthly plan (月額, issue #18). Each month is sold
 * as a package sale of its own with its own self-pay charge, exactly as the desk sells a course
 * (sell-package.ts): the month's payments (part payments too), its receipt and the day-end are
 * billing's, and its visits, expiry, refund and 前受金 are the package ledger's.
 *
 * Renewal: the month's charge is created on the renewal day by the daily job (`packages.daily`),
 * so a clinic finds it open at the desk the next time the patient comes, as a 月謝 is collected;
 * the desk may also renew a plan at once (the same rule, `dueRenewal`) when the job has not run
 * yet. A stopped plan is never renewed; the month already sold stays usable (and refundable).
 */

export type PlanRow = Selectable<PackagePlanTable>;

export type StartPlanResult =
	| { ok: true; planId: string; saleId: string; chargeId: string; paymentId: string | null }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	| { ok: false; code: 'not_found' | 'forbidden' | 'not_shareable' | 'already_active' };

export type RenewPlanResult = { ok: true; saleId: string; chargeId: string } | { ok: false; code: 'not_found' | 'forbidden' | 'nothing_due' };

export type StopPlanResult = { ok: true; stoppedOn: string } | { ok: false; code: 'not_found' | 'forbidden' | 'already_stopped' };

export function planTermsOf(plan: PlanRow): PlanTerms {
	return {
		visitsPerMonth: plan.visits_per_month,
		monthlyPriceJpy: Number(plan.monthly_price_jpy),
		carryOver: plan.carry_over === 1,
		renewalDay: plan.renewal_day,
		serviceIds: JSON.parse(plan.service_ids) as string[],
		familyShareable: plan.family_shareable === 1
	};
}

/** The name a month is sold under: 鍼灸月額プラン 2026年12月分. */
export function periodNames(plan: Pick<PlanRow, 'name_ja' | 'name_en'>, period: Period): { name_ja: string; name_en: string } {
	const { year, month } = periodMonth(period);
	return {
		name_ja: `${plan.name_ja} ${translate('ja', 'packagePlans.periodName', { year, month })}`,
		name_en: `${plan.name_en} ${translate('en', 'packagePlans.periodName', { year, month: MONTHS_EN[month - 1]! })}`
	};
}

export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** One month of a plan: its charge (one taxable line), its sale with the plan's terms, the link, who shares it. */
async function sellPeriod(
	tx: Db,
	plan: PlanRow,
	period: Period,
	family: readonly string[],
	now: Date,
	staffId: string
): Promise<{ saleId: string; chargeId: string }> {
	const clinic = await findBillingClinic(tx);
	const at = now.toISOString();
	const soldOn = clinicToday(clinic, now);
	const grant = periodGrant(planTermsOf(plan), period);
	const price = grant.priceJpy;
	const names = periodNames(plan, period);
	const chargeId = await insertSaleCharge(tx, { clinicId: clinic.id, patientId: plan.patient_id, soldOn, priceJpy: price, names, at, staffId });
	const saleId = randomUUID();
	await insertPackageSale(tx, {
		id: saleId,
		clinic_id: clinic.id,
		patient_id: plan.patient_id,
		package_type_id: plan.package_type_id,
		charge_id: chargeId,
		kind: 'course',
		...names,
		service_ids: plan.service_ids,
		visit_count: grant.visitCount,
		price_jpy: price,
		validity_months: grant.validityMonths,
		family_shareable: plan.family_shareable,
		sold_on: soldOn,
		expires_on: grant.expiresOn,
		sold_at: at,
		sold_by: staffId
	});
	await insertPlanPeriod(tx, { package_sale_id: saleId, plan_id: plan.id, period_start: period.start, period_end: period.end });
	for (const memberId of family) {
		await insertPackageFamilyMember(tx, { id: randomUUID(), package_sale_id: saleId, patient_id: memberId, added_at: at, added_by: staffId });
	}
	return { saleId, chargeId };
}

/** The desk starts a plan: the terms copied from the type, and the first month sold (from `startOn`, today when empty, at most two months ahead). */
export async function startPlan(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<StartPlanResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZStartPlanSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: planFieldCodes(parsed.error) };
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<StartPlanResult> => {
		const patient = await findBillablePatient(tx, patientId);
		if (!patient) return { ok: false, code: 'not_found' };
		const type = await tx.kysely
			.selectFrom('package_type')
			.innerJoin('package_plan_type', 'package_plan_type.package_type_id', 'package_type.id')
			.selectAll('package_type')
			.select(['package_plan_type.carry_over', 'package_plan_type.renewal_day'])
			.where('package_type.id', '=', data.packageTypeId)
			.where('retired_at', 'is', null)
			.executeTakeFirst();
		if (!type) return { ok: false, code: 'invalid', fields: { packageTypeId: 'packagePlans.error.planType' } };
		const price = Number(type.price_jpy);
		if (data.amountJpy !== null && data.amountJpy > price) return { ok: false, code: 'invalid', fields: { amountJpy: 'packages.error.exceedsPrice' } };
		const today = clinicToday(await findBillingClinic(tx), now);
		const startOn = data.startOn ?? today;
		if (startOn < today || startOn > addDays(today, 62)) return { ok: false, code: 'invalid', fields: { startOn: 'packagePlans.error.startOn' } };
		const family = data.familyPatientIds.filter((id) => id !== patientId);
		if (family.length > 0 && type.family_shareable !== 1) return { ok: false, code: 'not_shareable' };
		for (const memberId of family) {
			if (!(await findBillablePatient(tx, memberId))) return { ok: false, code: 'invalid', fields: { familyPatientIds: 'packages.error.family' } };
		}
		const running = await tx.kysely
			.selectFrom('package_plan')
			.select('id')
			.where('patient_id', '=', patientId)
			.where('package_type_id', '=', type.id)
			.where('stopped_on', 'is', null)
			.executeTakeFirst();
		if (running) return { ok: false, code: 'already_active' };

		const at = now.toISOString();
		const planId = randomUUID();
		await insertPlan(tx, {
			id: planId,
			clinic_id: type.clinic_id,
			patient_id: patientId,
			package_type_id: type.id,
			name_ja: type.name_ja,
			name_en: type.name_en,
			service_ids: type.service_ids,
			visits_per_month: type.visit_count,
			monthly_price_jpy: price,
			carry_over: type.carry_over,
			renewal_day: type.renewal_day,
			family_shareable: type.family_shareable,
			started_on: startOn,
			started_at: at,
			started_by: staffId,
			stopped_on: null,
			stopped_at: null,
			stopped_by: null
		});
		const plan = await tx.kysely.selectFrom('package_plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
		const { saleId, chargeId } = await sellPeriod(tx, plan, periodContaining(startOn, plan.renewal_day), family, now, staffId);
		const paymentId = await takeSalePayment(tx, { chargeId, patientId, method: data.method, amountJpy: data.amountJpy, at, staffId });
		await recordAudit(tx, actor, {
			action: 'package_plan.start',
			entityType: 'package_plan',
			entityId: planId,
			patientId,
			detail: {
				packageTypeId: type.id,
				saleId,
				chargeId,
				monthlyPriceJpy: price,
				visitsPerMonth: type.visit_count,
				startOn,
				paymentId,
				amountJpy: data.amountJpy ?? 0,
				method: data.method,
				familyCount: family.length
			}
		});
		return { ok: true, planId, saleId, chargeId, paymentId };
	});
}

/** A plan's row, its latest month and the month due today (null when none is). */
async function dueOf(tx: Db, planId: string, now: Date, options: { lock?: boolean } = {}) {
	let query = tx.kysely.selectFrom('package_plan').selectAll().where('id', '=', planId);
	if (options.lock && tx.dialect === 'postgres') query = query.forUpdate();
	const plan = await query.executeTakeFirst();
	if (!plan) return null;
	const today = clinicToday(await findBillingClinic(tx), now);
	const latest = await tx.kysely
		.selectFrom('package_plan_period')
		.select(['package_sale_id', 'period_start'])
		.where('plan_id', '=', planId)
		.orderBy('period_start', 'desc')
		.executeTakeFirst();
	return { plan, latest, due: dueRenewal({ renewalDay: plan.renewal_day, stoppedOn: plan.stopped_on }, latest?.period_start ?? null, today) };
}

/** Sells the month due today for one plan, inside `tx`; null when nothing is due. */
async function renewOne(tx: Db, planId: string, now: Date, actor: AuditActor): Promise<{ saleId: string; chargeId: string } | null> {
	const found = await dueOf(tx, planId, now, { lock: true });
	if (!found?.due) return null;
	const { plan, latest, due } = found;
	// Whoever shared last month shares this one.
	const family = latest
		? (await tx.kysely.selectFrom('package_family_member').select('patient_id').where('package_sale_id', '=', latest.package_sale_id).execute()).map(
				(f) => f.patient_id
			)
		: [];
	const sold = await sellPeriod(tx, plan, due, family, now, actor.type === 'staff' && actor.id ? actor.id : plan.started_by);
	await recordAudit(tx, actor, {
		action: 'package_plan.renew',
		entityType: 'package_plan',
		entityId: planId,
		patientId: plan.patient_id,
		detail: { ...sold, periodStart: due.start, periodEnd: due.end, monthlyPriceJpy: Number(plan.monthly_price_jpy) }
	});
	return sold;
}

/** The desk renews a plan now (the month containing today), when the daily job has not yet. */
export async function renewPlan(db: Db, planId: string, actor: AuditActor, options: { now?: Date } = {}): Promise<RenewPlanResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	if (!planId || planId.length > 64) return { ok: false, code: 'not_found' };
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<RenewPlanResult> => {
		const exists = await tx.kysely.selectFrom('package_plan').select('id').where('id', '=', planId).executeTakeFirst();
		if (!exists) return { ok: false, code: 'not_found' };
		const sold = await renewOne(tx, planId, now, actor);
		return sold ? { ok: true, ...sold } : { ok: false, code: 'nothing_due' };
	});
}

/**
 * The daily renewal: every running plan whose month has begun gets that month's sale and charge.
 * Safe to run again and on two instances at once: (plan, period start) is unique, so a second
 * writer's transaction fails whole and the month exists once.
 */
export async function renewPlans(db: Db, options: { now?: Date } = {}): Promise<string[]> {
	const now = options.now ?? db.clock.now();
	const plans = await db.kysely.selectFrom('package_plan').select('id').where('stopped_on', 'is', null).orderBy('started_at').orderBy('id').execute();
	const renewed: string[] = [];
	for (const { id } of plans) {
		try {
			const sold = await withTransaction(db, (tx) => renewOne(tx, id, now, SYSTEM_ACTOR));
			if (sold) renewed.push(sold.saleId);
		} catch (error) {
			// Another instance sold this month first (the unique key stopped this one): nothing is due any more.
			if ((await dueOf(db, id, now))?.due) throw error;
		}
	}
	return renewed;
}

/** The desk stops a plan: no further month is sold; the month already sold stays usable. */
export async function stopPlan(db: Db, planId: string, actor: AuditActor, options: { now?: Date } = {}): Promise<StopPlanResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	if (!planId || planId.length > 64) return { ok: false, code: 'not_found' };
	const staffId = actor.id;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<StopPlanResult> => {
		const plan = await tx.kysely.selectFrom('package_plan').select(['id', 'patient_id', 'stopped_on']).where('id', '=', planId).executeTakeFirst();
		if (!plan) return { ok: false, code: 'not_found' };
		if (plan.stopped_on !== null) return { ok: false, code: 'already_stopped' };
		const stoppedOn = clinicToday(await findBillingClinic(tx), now);
		await markPlanStopped(tx, planId, { stopped_on: stoppedOn, stopped_at: now.toISOString(), stopped_by: staffId });
		await recordAudit(tx, actor, {
			action: 'package_plan.stop',
			entityType: 'package_plan',
			entityId: planId,
			patientId: plan.patient_id,
			detail: { stoppedOn }
		});
		return { ok: true, stoppedOn };
	});
}
