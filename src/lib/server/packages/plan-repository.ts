import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { AppointmentPlanTable, PackagePlanPeriodTable, PackagePlanTable, PackagePlanTypeTable } from '../db/schema-packages';

/*
 * The monthly plans' tables (月額, issue #18; docs/architecture.md, "One owner per table"): every
 * write to package_plan_type, package_plan, package_plan_period and appointment_plan. A plan
 * type's `package_type` row, each month's sale and its ledger are the courses' (package-repository.ts).
 * A use case keeps its transaction and passes it as `db`.
 */

/** Marks a `package_type` row as a monthly plan's type, with its carry-over and renewal day. */
export async function insertPlanType(db: Db, planType: Insertable<PackagePlanTypeTable>): Promise<void> {
	await db.kysely.insertInto('package_plan_type').values(planType).execute();
}

export async function updatePlanTypeRules(db: Db, packageTypeId: string, rules: { carry_over: number; renewal_day: number }): Promise<void> {
	await db.kysely.updateTable('package_plan_type').set(rules).where('package_type_id', '=', packageTypeId).execute();
}

export async function insertPlan(db: Db, plan: Insertable<PackagePlanTable>): Promise<void> {
	await db.kysely.insertInto('package_plan').values(plan).execute();
}

/** Stops a running plan (no further month is sold); nothing when it was already stopped. */
export async function markPlanStopped(db: Db, planId: string, stop: { stopped_on: string; stopped_at: string; stopped_by: string }): Promise<void> {
	await db.kysely.updateTable('package_plan').set(stop).where('id', '=', planId).where('stopped_on', 'is', null).execute();
}

/**
 * Links a month's sale to its plan. (plan, period start) is unique, so of two renewals of the same
 * month at once one fails and its transaction rolls back whole: the month is sold once.
 */
export async function insertPlanPeriod(db: Db, period: Insertable<PackagePlanPeriodTable>): Promise<void> {
	await db.kysely.insertInto('package_plan_period').values(period).execute();
}

/* A visit's plan mark (monthly-use.ts; a course mark is package-repository.ts's). */

export async function insertVisitPlanMark(db: Db, mark: Insertable<AppointmentPlanTable>): Promise<void> {
	await db.kysely.insertInto('appointment_plan').values(mark).execute();
}

export async function clearVisitPlanMark(db: Db, appointmentId: string): Promise<void> {
	await db.kysely.deleteFrom('appointment_plan').where('appointment_id', '=', appointmentId).execute();
}
