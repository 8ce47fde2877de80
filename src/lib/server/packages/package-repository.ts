import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PackageEntry, PackageHolder } from '../../domain/packages/ledger';
import type { PackageTerms } from '../../domain/packages/terms';
import { salePaymentsOf } from '../billing/billing-repository';
import type { Db } from '../db/database';
import type {
	AppointmentPackageTable,
	PackageEntryTable,
	PackageFamilyMemberTable,
	PackageSaleTable,
	PackageSettingsTable,
	PackageTypeTable
} from '../db/schema-packages';

/*
 * The courses' tables (issue #18; docs/architecture.md, "One owner per table"): every write to
 * package_type, package_sale, package_entry, package_family_member, appointment_package,
 * package_settings and package_notice is here, and the reads of a sold package that more than one
 * use case needs. The monthly plans' own tables are plan-repository.ts's. A use case keeps its
 * transaction and passes it as `db`.
 */

export interface LoadedPackage {
	sale: Selectable<PackageSaleTable>;
	terms: PackageTerms;
	holder: PackageHolder;
	/** The ledger in the domain's shape: the sale, billing's payments for its charge, and the package entries. */
	entries: PackageEntry[];
	rows: Selectable<PackageEntryTable>[];
	/** The next free `entry_number`. */
	nextEntryNumber: number;
	voided: boolean;
}

export function termsOf(
	sale: Pick<Selectable<PackageSaleTable>, 'visit_count' | 'price_jpy' | 'validity_months' | 'service_ids' | 'family_shareable'>
): PackageTerms {
	return {
		kind: 'course',
		visitCount: sale.visit_count,
		priceJpy: Number(sale.price_jpy),
		validityMonths: sale.validity_months,
		serviceIds: JSON.parse(sale.service_ids) as string[],
		familyShareable: sale.family_shareable === 1
	};
}

/**
 * One sold package with its whole ledger. With `lock`, PostgreSQL holds the sale row until the
 * transaction ends, so two desks queue; the entry's unique number stops a second writer anyway.
 */
export async function loadPackage(db: Db, saleId: string, options: { lock?: boolean } = {}): Promise<LoadedPackage | undefined> {
	if (!saleId || saleId.length > 64) return undefined;
	let query = db.kysely.selectFrom('package_sale').selectAll().where('id', '=', saleId);
	if (options.lock && db.dialect === 'postgres') query = query.forUpdate();
	const sale = await query.executeTakeFirst();
	if (!sale) return undefined;
	const [rows, { payments, voided }, family, period] = await Promise.all([
		db.kysely.selectFrom('package_entry').selectAll().where('package_sale_id', '=', saleId).orderBy('entry_number').execute(),
		salePaymentsOf(db, sale.charge_id),
		db.kysely.selectFrom('package_family_member').select('patient_id').where('package_sale_id', '=', saleId).execute(),
		// A month of a monthly plan is usable only from its first day (monthly.ts).
		db.kysely.selectFrom('package_plan_period').select('period_start').where('package_sale_id', '=', saleId).executeTakeFirst()
	]);
	const terms = termsOf(sale);
	const fromRows: PackageEntry[] = rows.map((row) => entryOf(row));
	const fromPayments: PackageEntry[] = payments.map((p) => ({
		kind: 'payment',
		at: Date.parse(p.received_at),
		method: p.method,
		amountJpy: Number(p.amount_jpy)
	}));
	// In time order; at one instant a payment comes before the entry it may pay for.
	const entries: PackageEntry[] = [
		{ kind: 'sale', at: Date.parse(sale.sold_at) },
		...[...fromPayments, ...fromRows].sort((a, b) => a.at - b.at || (a.kind === 'payment' ? -1 : 0) - (b.kind === 'payment' ? -1 : 0))
	];
	return {
		sale,
		terms,
		holder: {
			holderPatientId: sale.patient_id,
			familyPatientIds: family.map((f) => f.patient_id),
			expiresOn: sale.expires_on,
			...(period ? { validFrom: period.period_start } : {}),
			terms
		},
		entries,
		rows,
		nextEntryNumber: rows.length === 0 ? 1 : rows[rows.length - 1]!.entry_number + 1,
		voided
	};
}

function entryOf(row: Selectable<PackageEntryTable>): PackageEntry {
	const at = Date.parse(row.entered_at);
	switch (row.kind) {
		case 'use':
			return { kind: 'use', at, sequence: row.sequence, patientId: row.patient_id!, appointmentId: row.appointment_id };
		case 'reinstate':
			return { kind: 'reinstate', at, sequence: row.sequence };
		case 'expiry':
			return { kind: 'expiry', at, visits: row.visits };
		case 'refund':
			return { kind: 'refund', at, visits: row.visits, feeJpy: Number(row.fee_jpy), amountJpy: Number(row.amount_jpy), method: row.method ?? 'cash' };
	}
}

/** The sales a patient holds or may use as a family member, newest first. */
export async function packageIdsForPatient(db: Db, patientId: string): Promise<string[]> {
	const held = await db.kysely.selectFrom('package_sale').select(['id', 'sold_at']).where('patient_id', '=', patientId).execute();
	const shared = await db.kysely
		.selectFrom('package_family_member')
		.innerJoin('package_sale', 'package_sale.id', 'package_family_member.package_sale_id')
		.select(['package_sale.id', 'package_sale.sold_at'])
		.where('package_family_member.patient_id', '=', patientId)
		.where('package_sale.family_shareable', '=', 1)
		.execute();
	const all = new Map([...held, ...shared].map((r) => [r.id, r.sold_at]));
	return [...all.entries()].sort((a, b) => b[1].localeCompare(a[1])).map(([id]) => id);
}

/** The expiry notices already sent for a course (30 or 7 days before its last valid day). */
export async function sentExpiryNotices(db: Db, saleId: string): Promise<number[]> {
	const rows = await db.kysely.selectFrom('package_notice').select('days_before').where('package_sale_id', '=', saleId).execute();
	return rows.map((r) => r.days_before);
}

export async function insertExpiryNotice(db: Db, notice: { package_sale_id: string; days_before: number; sent_at: string }): Promise<void> {
	await db.kysely.insertInto('package_notice').values(notice).execute();
}

/* Types: what the owner sells (package-types.ts; a monthly plan's type too, monthly-types.ts). */

export async function insertPackageType(db: Db, type: Insertable<PackageTypeTable>): Promise<void> {
	await db.kysely.insertInto('package_type').values(type).execute();
}

/** Changes a course type (never a monthly plan's type); false when there is no such course type. */
export async function updateCourseType(db: Db, id: string, columns: Updateable<PackageTypeTable>): Promise<boolean> {
	const result = await db.kysely
		.updateTable('package_type')
		.set(columns)
		.where('id', '=', id)
		.where('id', 'not in', db.kysely.selectFrom('package_plan_type').select('package_type_id'))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Changes a type not retired (a monthly plan's type, monthly-types.ts); false when there is none. */
export async function updateUnretiredPackageType(db: Db, id: string, columns: Updateable<PackageTypeTable>): Promise<boolean> {
	const result = await db.kysely.updateTable('package_type').set(columns).where('id', '=', id).where('retired_at', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Retires a type (no longer sold); false when it was already retired or is not there. */
export async function markPackageTypeRetired(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db.kysely
		.updateTable('package_type')
		.set({ retired_at: at, updated_at: at })
		.where('id', '=', id)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/* Sales and who shares them. */

export async function insertPackageSale(db: Db, sale: Insertable<PackageSaleTable>): Promise<void> {
	await db.kysely.insertInto('package_sale').values(sale).execute();
}

export async function insertPackageFamilyMember(db: Db, member: Insertable<PackageFamilyMemberTable>): Promise<void> {
	await db.kysely.insertInto('package_family_member').values(member).execute();
}

/**
 * Appends one entry to a package's ledger: a use, a reinstatement, an expiry or a refund. The
 * ledger is insert-only (triggers on both engines refuse an update or delete); `entry_number` and
 * a use's `sequence` are unique per package, so of two writers from the same reading of the ledger
 * one fails and its transaction rolls back whole (use-race.test.ts).
 */
export async function insertPackageEntry(db: Db, entry: Insertable<PackageEntryTable>): Promise<void> {
	await db.kysely.insertInto('package_entry').values(entry).execute();
}

/* A visit's course mark (use-package.ts; a plan's mark is plan-repository.ts's). */

export async function insertVisitCourseMark(db: Db, mark: Insertable<AppointmentPackageTable>): Promise<void> {
	await db.kysely.insertInto('appointment_package').values(mark).execute();
}

export async function clearVisitCourseMark(db: Db, appointmentId: string): Promise<void> {
	await db.kysely.deleteFrom('appointment_package').where('appointment_id', '=', appointmentId).execute();
}

/** The owner's refund settings replace the clinic's row. */
export async function replacePackageSettings(db: Db, settings: Insertable<PackageSettingsTable>): Promise<void> {
	await db.kysely.deleteFrom('package_settings').where('clinic_id', '=', settings.clinic_id).execute();
	await db.kysely.insertInto('package_settings').values(settings).execute();
}

/** Which of these charges are course or plan-month sales. */
export async function saleChargeIdsAmong(db: Db, chargeIds: readonly string[]): Promise<string[]> {
	if (chargeIds.length === 0) return [];
	const rows = await db.kysely.selectFrom('package_sale').select('charge_id').where('charge_id', 'in', chargeIds).execute();
	return rows.map((r) => r.charge_id);
}
