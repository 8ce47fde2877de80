import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findMainServiceIds } from '../scheduling-settings/settings-repository';
import { withTransaction } from '../db/transaction';
import { insertPackageType, markPackageTypeRetired, updateCourseType } from './package-repository';
import { packageFieldCodes, ZPackageTypeSchema, type PackageFieldCodes, type TPackageType } from './schemas';
import { findStaffRole } from '../staff/staff-repository';
import { getClinic } from '../clinic/clinic-repository';

/*
 * The owner's package types (issue #18). A type is edited or retired freely: every sale copied its
 * terms, so nothing already sold changes. Only the owner sets them up.
 */

export type PackageTypeResult =
	{ ok: true; id: string } | { ok: false; code: 'invalid'; fields: PackageFieldCodes } | { ok: false; code: 'not_found' | 'forbidden' };

export interface PackageTypeView {
	id: string;
	nameJa: string;
	nameEn: string;
	serviceIds: string[];
	visitCount: number;
	priceJpy: number;
	validityMonths: number;
	familyShareable: boolean;
	soldOnline: boolean;
	retired: boolean;
}

/** Only the owner sets up what the clinic sells (courses and monthly plans). */
export async function isOwner(db: Db, actor: AuditActor): Promise<boolean> {
	if (actor.type !== 'staff' || !actor.id) return false;
	const staff = await findStaffRole(db, actor.id);
	return staff?.role === 'owner';
}

/** Refuses services that are not the clinic's own main services (an add-on is not a visit). */
export async function unknownServices(db: Db, serviceIds: readonly string[]): Promise<boolean> {
	const found = await findMainServiceIds(db, serviceIds);
	return found.length !== serviceIds.length;
}

function columnsOf(data: TPackageType) {
	return {
		name_ja: data.nameJa,
		name_en: data.nameEn,
		service_ids: JSON.stringify(data.serviceIds),
		visit_count: data.visitCount,
		price_jpy: data.priceJpy,
		validity_months: data.validityMonths,
		family_shareable: data.familyShareable ? 1 : 0,
		sold_online: data.soldOnline ? 1 : 0
	};
}

export async function createPackageType(db: Db, input: Record<string, unknown>, actor: AuditActor, options: { now?: Date } = {}): Promise<PackageTypeResult> {
	if (!(await isOwner(db, actor))) return { ok: false, code: 'forbidden' };
	const parsed = ZPackageTypeSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: packageFieldCodes(parsed.error) };
	const at = (options.now ?? db.clock.now()).toISOString();
	return withTransaction(db, async (tx): Promise<PackageTypeResult> => {
		if (await unknownServices(tx, parsed.data.serviceIds)) return { ok: false, code: 'invalid', fields: { serviceIds: 'packages.error.services' } };
		const clinic = await getClinic(tx);
		const id = randomUUID();
		await insertPackageType(tx, { id, clinic_id: clinic.id, kind: 'course', ...columnsOf(parsed.data), retired_at: null, created_at: at, updated_at: at });
		await recordAudit(tx, actor, {
			action: 'package_type.create',
			entityType: 'package_type',
			entityId: id,
			detail: { visitCount: parsed.data.visitCount, priceJpy: parsed.data.priceJpy }
		});
		return { ok: true, id };
	});
}

export async function updatePackageType(
	db: Db,
	id: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<PackageTypeResult> {
	if (!(await isOwner(db, actor))) return { ok: false, code: 'forbidden' };
	const parsed = ZPackageTypeSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: packageFieldCodes(parsed.error) };
	const at = (options.now ?? db.clock.now()).toISOString();
	return withTransaction(db, async (tx): Promise<PackageTypeResult> => {
		if (await unknownServices(tx, parsed.data.serviceIds)) return { ok: false, code: 'invalid', fields: { serviceIds: 'packages.error.services' } };
		// A monthly plan type (monthly-types.ts) is edited with its own form.
		if (!(await updateCourseType(tx, id, { ...columnsOf(parsed.data), updated_at: at }))) return { ok: false, code: 'not_found' };
		await recordAudit(tx, actor, {
			action: 'package_type.update',
			entityType: 'package_type',
			entityId: id,
			detail: { visitCount: parsed.data.visitCount, priceJpy: parsed.data.priceJpy }
		});
		return { ok: true, id };
	});
}

/** A retired type is no longer sold; what was sold stays valid. */
export async function retirePackageType(db: Db, id: string, actor: AuditActor, options: { now?: Date } = {}): Promise<PackageTypeResult> {
	if (!(await isOwner(db, actor))) return { ok: false, code: 'forbidden' };
	const at = (options.now ?? db.clock.now()).toISOString();
	return withTransaction(db, async (tx): Promise<PackageTypeResult> => {
		if (!(await markPackageTypeRetired(tx, id, at))) return { ok: false, code: 'not_found' };
		await recordAudit(tx, actor, { action: 'package_type.retire', entityType: 'package_type', entityId: id });
		return { ok: true, id };
	});
}

export async function listPackageTypes(db: Db, options: { includeRetired?: boolean } = {}): Promise<PackageTypeView[]> {
	// Courses only: monthly plan types are listed by monthly-types.ts.
	let query = db.kysely
		.selectFrom('package_type')
		.selectAll()
		.where('id', 'not in', db.kysely.selectFrom('package_plan_type').select('package_type_id'))
		.orderBy('price_jpy')
		.orderBy('name_ja')
		.orderBy('id');
	if (!options.includeRetired) query = query.where('retired_at', 'is', null);
	const rows = await query.execute();
	return rows
		.map((r) => ({
			id: r.id,
			nameJa: r.name_ja,
			nameEn: r.name_en,
			serviceIds: JSON.parse(r.service_ids) as string[],
			visitCount: r.visit_count,
			priceJpy: Number(r.price_jpy),
			validityMonths: r.validity_months,
			familyShareable: r.family_shareable === 1,
			soldOnline: r.sold_online === 1,
			retired: r.retired_at !== null
		}))
		.sort((a, b) => Number(a.retired) - Number(b.retired));
}
