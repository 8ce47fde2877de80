import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { planFieldCodes, ZPlanTypeSchema, type TPlanType } from './monthly-schemas';
import { insertPackageType, updateUnretiredPackageType } from './package-repository';
import { isOwner, unknownServices, type PackageTypeResult } from './package-types';
import { insertPlanType, updatePlanTypeRules } from './plan-repository';
import { getClinic } from '../clinic/clinic-repository';

/*
 * The owner's monthly plan types (月額, issue #18). A plan type is a `package_type` row — visits
 * a month and the month's price in its visit and price columns — marked monthly by its
 * `package_plan_type` row (carry-over, renewal day). Edited or retired freely: a plan copies its
 * terms when it starts, and each month copies the plan's, so nothing already sold changes.
 * Retiring uses the course types' `retirePackageType`.
 */

export interface PlanTypeView {
	id: string;
	nameJa: string;
	nameEn: string;
	serviceIds: string[];
	visitsPerMonth: number;
	monthlyPriceJpy: number;
	carryOver: boolean;
	renewalDay: number;
	familyShareable: boolean;
	retired: boolean;
}

function typeColumns(data: TPlanType) {
	return {
		name_ja: data.nameJa,
		name_en: data.nameEn,
		service_ids: JSON.stringify(data.serviceIds),
		visit_count: data.visitsPerMonth,
		price_jpy: data.monthlyPriceJpy,
		// A month's visits are valid one period, or two with carry-over (monthly.ts `periodGrant`).
		validity_months: data.carryOver ? 2 : 1,
		family_shareable: data.familyShareable ? 1 : 0,
		sold_online: 0
	};
}

export async function createPlanType(db: Db, input: Record<string, unknown>, actor: AuditActor, options: { now?: Date } = {}): Promise<PackageTypeResult> {
	if (!(await isOwner(db, actor))) return { ok: false, code: 'forbidden' };
	const parsed = ZPlanTypeSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: planFieldCodes(parsed.error) };
	const data = parsed.data;
	const at = (options.now ?? db.clock.now()).toISOString();
	return withTransaction(db, async (tx): Promise<PackageTypeResult> => {
		if (await unknownServices(tx, data.serviceIds)) return { ok: false, code: 'invalid', fields: { serviceIds: 'packages.error.services' } };
		const clinic = await getClinic(tx);
		const id = randomUUID();
		await insertPackageType(tx, { id, clinic_id: clinic.id, kind: 'course', ...typeColumns(data), retired_at: null, created_at: at, updated_at: at });
		await insertPlanType(tx, { package_type_id: id, carry_over: data.carryOver ? 1 : 0, renewal_day: data.renewalDay });
		await recordAudit(tx, actor, {
			action: 'package_plan_type.create',
			entityType: 'package_type',
			entityId: id,
			detail: { visitsPerMonth: data.visitsPerMonth, monthlyPriceJpy: data.monthlyPriceJpy, carryOver: data.carryOver, renewalDay: data.renewalDay }
		});
		return { ok: true, id };
	});
}

export async function updatePlanType(
	db: Db,
	id: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<PackageTypeResult> {
	if (!(await isOwner(db, actor))) return { ok: false, code: 'forbidden' };
	const parsed = ZPlanTypeSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: planFieldCodes(parsed.error) };
	const data = parsed.data;
	const at = (options.now ?? db.clock.now()).toISOString();
	return withTransaction(db, async (tx): Promise<PackageTypeResult> => {
		if (!id || id.length > 64) return { ok: false, code: 'not_found' };
		const plan = await tx.kysely.selectFrom('package_plan_type').select('package_type_id').where('package_type_id', '=', id).executeTakeFirst();
		if (!plan) return { ok: false, code: 'not_found' };
		if (await unknownServices(tx, data.serviceIds)) return { ok: false, code: 'invalid', fields: { serviceIds: 'packages.error.services' } };
		if (!(await updateUnretiredPackageType(tx, id, { ...typeColumns(data), updated_at: at }))) return { ok: false, code: 'not_found' };
		await updatePlanTypeRules(tx, id, { carry_over: data.carryOver ? 1 : 0, renewal_day: data.renewalDay });
		await recordAudit(tx, actor, {
			action: 'package_plan_type.update',
			entityType: 'package_type',
			entityId: id,
			detail: { visitsPerMonth: data.visitsPerMonth, monthlyPriceJpy: data.monthlyPriceJpy, carryOver: data.carryOver, renewalDay: data.renewalDay }
		});
		return { ok: true, id };
	});
}

export async function listPlanTypes(db: Db, options: { includeRetired?: boolean } = {}): Promise<PlanTypeView[]> {
	let query = db.kysely
		.selectFrom('package_type')
		.innerJoin('package_plan_type', 'package_plan_type.package_type_id', 'package_type.id')
		.select(['package_type.id', 'name_ja', 'name_en', 'service_ids', 'visit_count', 'price_jpy', 'family_shareable', 'retired_at', 'carry_over', 'renewal_day'])
		.orderBy('price_jpy')
		.orderBy('name_ja')
		.orderBy('package_type.id');
	if (!options.includeRetired) query = query.where('retired_at', 'is', null);
	const rows = await query.execute();
	return rows
		.map((r) => ({
			id: r.id,
			nameJa: r.name_ja,
			nameEn: r.name_en,
			serviceIds: JSON.parse(r.service_ids) as string[],
			visitsPerMonth: r.visit_count,
			monthlyPriceJpy: Number(r.price_jpy),
			carryOver: r.carry_over === 1,
			renewalDay: r.renewal_day,
			familyShareable: r.family_shareable === 1,
			retired: r.retired_at !== null
		}))
		.sort((a, b) => Number(a.retired) - Number(b.retired));
}

/** The course types exclude these (a plan type is never sold as a course). */
export function planTypeIds(db: Db) {
	return db.kysely.selectFrom('package_plan_type').select('package_plan_type.package_type_id');
}
