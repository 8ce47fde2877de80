import { randomUUID } from 'node:crypto';
import type { PointSide } from '../../domain/clinical/point-suggestions';
import { CONFLICT_KINDS, CONFLICT_SOURCES, type ConflictSource, type SafetyConflict } from '../../domain/safety/alerts';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { TreatmentPlanStatus } from '../db/schema-plan';
import { findPatient } from '../patients/patient-repository';
import { firstStoredPsfs } from '../outcomes/outcome-repository';

/*
 * The SQL of treatment plans and their acknowledged conflicts, and the few reads of other
 * capabilities' tables the plan needs (examination, baseline PSFS); nothing else in
 * treatment-plan/ talks to the database.
 */

export interface PlanPoint {
	code: string;
	side: PointSide;
	deep: boolean;
}

export interface PlanAcknowledgement {
	id: string;
	alertCode: ConflictSource;
	conflict: SafetyConflict;
	reason: string;
	staffId: string;
	createdAt: string;
}

export interface TreatmentPlan {
	id: string;
	patientId: string;
	createdBy: string;
	status: TreatmentPlanStatus;
	goals: string[];
	frequencyPerWeek: number;
	plannedSessions: number;
	reviewDate: string;
	points: PlanPoint[];
	electroacupuncture: boolean;
	moxibustion: boolean;
	bloodletting: boolean;
	notes: string;
	createdAt: string;
	updatedAt: string;
	acknowledgements: PlanAcknowledgement[];
}

export interface PlanPatient {
	id: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
}

/**
 * Acknowledgements saved together share an instant: order them as the check lists conflicts
 * (contraindications first, alert by alert, then point by point in the plan's order).
 */
function byCheckOrder(points: readonly PlanPoint[]) {
	const pointIndex = (c: SafetyConflict) => ('pointCode' in c ? points.findIndex((p) => p.code === c.pointCode) : points.length);
	return (a: PlanAcknowledgement, b: PlanAcknowledgement) =>
		a.createdAt.localeCompare(b.createdAt) ||
		Number(a.conflict.severity !== 'contraindication') - Number(b.conflict.severity !== 'contraindication') ||
		CONFLICT_SOURCES.indexOf(a.alertCode) - CONFLICT_SOURCES.indexOf(b.alertCode) ||
		pointIndex(a.conflict) - pointIndex(b.conflict) ||
		CONFLICT_KINDS.indexOf(a.conflict.kind) - CONFLICT_KINDS.indexOf(b.conflict.kind);
}

function parseJson<T>(text: string, fallback: T): T {
	try {
		return JSON.parse(text) as T;
	} catch {
		return fallback;
	}
}

/** The patient the plan is for; merged-away duplicates are not (their records moved on). */
export async function findPlanPatient(db: Db, id: string): Promise<PlanPatient | null> {
	const row = await findPatient(db, id, ['id', 'patient_number', 'family_name', 'given_name'], { live: true });
	return row ? { id: row.id, patientNumber: row.patient_number, familyName: row.family_name, givenName: row.given_name } : null;
}

export async function findActivePlan(db: Db, patientId: string): Promise<TreatmentPlan | null> {
	const row = await db.kysely.selectFrom('treatment_plan').selectAll().where('patient_id', '=', patientId).where('status', '=', 'active').executeTakeFirst();
	if (!row) return null;
	const overrides = await db.kysely
		.selectFrom('contraindication_override')
		.selectAll()
		.where('plan_id', '=', row.id)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const points = parseJson<PlanPoint[]>(row.points, []);
	return {
		id: row.id,
		patientId: row.patient_id,
		createdBy: row.created_by,
		status: row.status,
		goals: parseJson<string[]>(row.goals, []),
		frequencyPerWeek: row.frequency_per_week,
		plannedSessions: row.planned_sessions,
		reviewDate: row.review_date,
		points,
		electroacupuncture: row.electroacupuncture === 1,
		moxibustion: row.moxibustion === 1,
		bloodletting: row.bloodletting === 1,
		notes: row.notes,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		acknowledgements: overrides
			.map((o) => ({
				id: o.id,
				alertCode: o.alert_code as ConflictSource,
				conflict: parseJson<SafetyConflict>(o.conflict, { alertCode: o.alert_code as ConflictSource, severity: 'caution', kind: 'electroacupuncture' }),
				reason: o.reason,
				staffId: o.staff_id,
				createdAt: o.created_at
			}))
			.sort(byCheckOrder(points))
	};
}

/** Closes the patient's active plan, if any; returns whether there was one. */
export async function closeActivePlan(db: Db, patientId: string, at: string): Promise<boolean> {
	const result = await db.kysely
		.updateTable('treatment_plan')
		.set({ status: 'closed', updated_at: at })
		.where('patient_id', '=', patientId)
		.where('status', '=', 'active')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export interface NewPlan {
	patientId: string;
	createdBy: string;
	goals: string[];
	frequencyPerWeek: number;
	plannedSessions: number;
	reviewDate: string;
	points: PlanPoint[];
	electroacupuncture: boolean;
	moxibustion: boolean;
	bloodletting: boolean;
	notes: string;
}

export async function insertActivePlan(db: Db, plan: NewPlan, at: string): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('treatment_plan')
		.values({
			id,
			patient_id: plan.patientId,
			created_by: plan.createdBy,
			status: 'active',
			goals: JSON.stringify(plan.goals),
			frequency_per_week: plan.frequencyPerWeek,
			planned_sessions: plan.plannedSessions,
			review_date: plan.reviewDate,
			points: JSON.stringify(plan.points.map(({ code, side, deep }) => ({ code, side, deep }))),
			electroacupuncture: plan.electroacupuncture ? 1 : 0,
			moxibustion: plan.moxibustion ? 1 : 0,
			bloodletting: plan.bloodletting ? 1 : 0,
			notes: plan.notes,
			created_at: at,
			updated_at: at
		})
		.execute();
	return id;
}

/** An acknowledged conflict, kept with the plan or the session it was given for (never changed). */
export async function insertOverride(
	db: Db,
	row: { patientId: string; conflict: SafetyConflict; reason: string; staffId: string } & (
		{ planId: string; sessionId?: never } | { sessionId: string; planId?: never }
	),
	at: string
): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('contraindication_override')
		.values({
			id,
			patient_id: row.patientId,
			plan_id: row.planId ?? null,
			session_id: row.sessionId ?? null,
			alert_code: row.conflict.alertCode,
			conflict: JSON.stringify(row.conflict),
			reason: row.reason,
			staff_id: row.staffId,
			created_at: at
		})
		.execute();
	return id;
}

/** A session's acknowledgements of safety conflicts, with who made them, oldest first (treatment-session/acknowledgement-repository.ts). */
export async function listSessionOverrideRows(db: Db, sessionId: string) {
	return db.kysely
		.selectFrom('contraindication_override as o')
		.innerJoin('staff', 'staff.id', 'o.staff_id')
		.select(['o.id', 'o.conflict', 'o.reason', 'o.created_at', 'staff.display_name'])
		.where('o.session_id', '=', sessionId)
		.orderBy('o.created_at')
		.orderBy('o.id')
		.execute();
}

/** The acknowledgements made in the sessions `sessionIds` (a subquery), with who made them, oldest first (the printed treatment record). */
export async function listOverrideRowsOfSessions(db: Db, sessionIds: SelectQueryBuilder<Database, 'treatment_session', { id: string }>) {
	return db.kysely
		.selectFrom('contraindication_override as o')
		.innerJoin('staff', 'staff.id', 'o.staff_id')
		.select(['o.id', 'o.session_id', 'o.created_at', 'o.conflict', 'o.reason', 'staff.display_name'])
		.where('o.session_id', 'in', sessionIds)
		.orderBy('o.created_at')
		.orderBy('o.id')
		.execute();
}

/** The activities the patient named in their first PSFS (the baseline), in their order. */
export async function baselinePsfsActivities(db: Db, patientId: string): Promise<string[]> {
	const list = parseJson<unknown>((await firstStoredPsfs(db, patientId)) ?? '[]', []);
	if (!Array.isArray(list)) return [];
	return list
		.map((item: unknown) => (item !== null && typeof item === 'object' ? (item as { activity?: unknown }).activity : null))
		.filter((a): a is string => typeof a === 'string' && a.trim() !== '');
}

/* What other capabilities read of the plans (docs/architecture.md, "One owner per table"). */

/** The newest active plan's schedule figures, as stored (a series compares its visits with them). */
export async function selectActivePlanSchedule(db: Db, patientId: string) {
	return db.kysely
		.selectFrom('treatment_plan')
		.select(['id', 'planned_sessions', 'frequency_per_week', 'created_at'])
		.where('patient_id', '=', patientId)
		.where('status', '=', 'active')
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
}

/** The stored points (JSON) of the patient's active plan, if any. */
export async function selectActivePlanPointsJson(db: Db, patientId: string): Promise<string | undefined> {
	const plan = await db.kysely
		.selectFrom('treatment_plan')
		.select('points')
		.where('patient_id', '=', patientId)
		.where('status', '=', 'active')
		.executeTakeFirst();
	return plan?.points;
}

/** Every active plan's weekly frequency, oldest change first (the recall list). */
export async function selectActivePlanFrequencies(db: Db) {
	return db.kysely
		.selectFrom('treatment_plan')
		.select(['patient_id', 'frequency_per_week', 'updated_at'])
		.where('status', '=', 'active')
		.orderBy('updated_at')
		.execute();
}
