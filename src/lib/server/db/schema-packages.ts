import type { PaymentMethod } from '../../domain/billing/payments';

/* Prepaid courses, 回数券 (issue #18, migration 0036). Booleans are 0/1; JSON is text. */

export interface PackageTypeTable {
	id: string;
	clinic_id: string;
	kind: 'course';
	name_ja: string;
	name_en: string;
	/** JSON: string[] of service ids. */
	service_ids: string;
	visit_count: number;
	price_jpy: number;
	validity_months: number;
	family_shareable: number;
	sold_online: number;
	retired_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface PackageSaleTable {
	id: string;
	clinic_id: string;
	patient_id: string;
	package_type_id: string;
	charge_id: string;
	kind: 'course';
	name_ja: string;
	name_en: string;
	service_ids: string;
	visit_count: number;
	price_jpy: number;
	validity_months: number;
	family_shareable: number;
	sold_on: string;
	expires_on: string;
	sold_at: string;
	sold_by: string;
}

export type PackageEntryKind = 'use' | 'reinstate' | 'expiry' | 'refund';

export interface PackageEntryTable {
	id: string;
	package_sale_id: string;
	entry_number: number;
	kind: PackageEntryKind;
	sequence: number;
	patient_id: string | null;
	appointment_id: string | null;
	charge_id: string | null;
	visits: number;
	fee_jpy: number;
	amount_jpy: number;
	method: PaymentMethod | null;
	/** JSON. */
	detail: string;
	entered_at: string;
	recorded_by: string | null;
}

export interface PackageFamilyMemberTable {
	id: string;
	package_sale_id: string;
	patient_id: string;
	added_at: string;
	added_by: string;
}

export interface AppointmentPackageTable {
	appointment_id: string;
	package_sale_id: string;
	marked_at: string;
	marked_by: string | null;
}

export interface PackageSettingsTable {
	clinic_id: string;
	cancellation_fee_jpy: number;
	documented_average_damage_jpy: number | null;
	no_show_uses_visit: number;
	updated_at: string;
	updated_by: string | null;
}

/** An expiry notice sent for a course (30 or 7 days before its last valid day). */
export interface PackageNoticeTable {
	package_sale_id: string;
	days_before: number;
	sent_at: string;
}

/* Monthly plans, 月額 (issue #18, migration 0040). */

export interface PackagePlanTypeTable {
	package_type_id: string;
	carry_over: number;
	renewal_day: number;
}

export interface PackagePlanTable {
	id: string;
	clinic_id: string;
	patient_id: string;
	package_type_id: string;
	name_ja: string;
	name_en: string;
	/** JSON: string[] of service ids. */
	service_ids: string;
	visits_per_month: number;
	monthly_price_jpy: number;
	carry_over: number;
	renewal_day: number;
	family_shareable: number;
	started_on: string;
	started_at: string;
	started_by: string;
	stopped_on: string | null;
	stopped_at: string | null;
	stopped_by: string | null;
}

export interface PackagePlanPeriodTable {
	package_sale_id: string;
	plan_id: string;
	period_start: string;
	period_end: string;
}

export interface AppointmentPlanTable {
	appointment_id: string;
	plan_id: string;
	marked_at: string;
	marked_by: string | null;
}

export interface PackageTables {
	package_plan_type: PackagePlanTypeTable;
	package_plan: PackagePlanTable;
	package_plan_period: PackagePlanPeriodTable;
	appointment_plan: AppointmentPlanTable;
	package_type: PackageTypeTable;
	package_sale: PackageSaleTable;
	package_entry: PackageEntryTable;
	package_family_member: PackageFamilyMemberTable;
	appointment_package: AppointmentPackageTable;
	package_settings: PackageSettingsTable;
	package_notice: PackageNoticeTable;
}
