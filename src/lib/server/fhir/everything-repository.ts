/* The reads behind Patient/$everything; nothing else in fhir/ talks SQL. Rows come back as the mappers take them. */
import { normaliseFindings } from '../../domain/clinical/examination';
import { POINT_SIDES } from '../../domain/clinical/point-suggestions';
import type { AdverseEventRow, SideEffectReportRow } from '../../domain/fhir/adverse-events';
import type { PlanRow } from '../../domain/fhir/care-plan';
import type { ExaminationRow } from '../../domain/fhir/examination';
import type { IntakeRow } from '../../domain/fhir/intake';
import type { PatientRow, PractitionerRow } from '../../domain/fhir/patient';
import type { SessionPointRow, SessionRow } from '../../domain/fhir/procedure';
import type { AppointmentRow } from '../../domain/fhir/visits';
import type { IntakeAnswers } from '../../domain/intake/answers';
import type { Db } from '../db/database';

export async function selectPatient(db: Db, patientId: string): Promise<PatientRow | null> {
	const row = await db.kysely.selectFrom('patient').selectAll().where('id', '=', patientId).executeTakeFirst();
	return row ?? null;
}

/** The patient's appointments, oldest first; blocks have no patient and never match. */
export async function selectAppointments(db: Db, patientId: string): Promise<AppointmentRow[]> {
	const rows = await db.kysely
		.selectFrom('appointment')
		.leftJoin('service', 'service.id', 'appointment.service_id')
		.select([
			'appointment.id',
			'appointment.patient_id',
			'appointment.practitioner_id',
			'appointment.starts_at',
			'appointment.ends_at',
			'appointment.status',
			'appointment.created_at',
			'appointment.note',
			'service.code as service_code',
			'service.name_ja as service_name_ja'
		])
		.where('appointment.patient_id', '=', patientId)
		.where('appointment.status', '!=', 'blocked')
		.orderBy('appointment.starts_at')
		.orderBy('appointment.id')
		.execute();
	return rows.map((r) => ({ ...r, patient_id: r.patient_id ?? patientId }));
}

export async function selectPractitioners(db: Db, ids: readonly string[]): Promise<PractitionerRow[]> {
	if (ids.length === 0) return [];
	return db.kysely
		.selectFrom('practitioner')
		.select(['id', 'family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en', 'hari_licence', 'kyu_licence', 'active'])
		.where('id', 'in', ids)
		.orderBy('id')
		.execute();
}

/** Stored JSON that no longer parses is exported as nothing recorded, not as an error. */
function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

function parseAnswers(text: string): IntakeAnswers {
	const value = parseJson(text);
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IntakeAnswers) : {};
}

/** One staff member has at most one practitioner row; should that ever change, the first one wins. */
function firstPerId<T extends { id: string }>(rows: readonly T[]): T[] {
	const seen = new Set<string>();
	return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

export async function selectIntakes(db: Db, patientId: string): Promise<IntakeRow[]> {
	const rows = await db.kysely
		.selectFrom('intake')
		.select(['id', 'patient_id', 'appointment_id', 'status', 'entered_by_staff_id', 'updated_at', 'submitted_at', 'answers'])
		.where('patient_id', '=', patientId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ ...r, answers: parseAnswers(r.answers) }));
}

export async function selectSideEffectReports(db: Db, patientId: string): Promise<SideEffectReportRow[]> {
	return db.kysely
		.selectFrom('side_effect_report')
		.select(['id', 'patient_id', 'appointment_id', 'created_at', 'kind', 'severity', 'description'])
		.where('patient_id', '=', patientId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

export async function selectSessions(db: Db, patientId: string): Promise<SessionRow[]> {
	const rows = await db.kysely
		.selectFrom('treatment_session')
		.leftJoin('practitioner', 'practitioner.staff_id', 'treatment_session.practitioner_staff_id')
		.select([
			'treatment_session.id',
			'treatment_session.patient_id',
			'treatment_session.appointment_id',
			'treatment_session.started_at',
			'treatment_session.closed_at',
			'treatment_session.needles_in',
			'treatment_session.notes',
			'practitioner.id as practitioner_id'
		])
		.where('treatment_session.patient_id', '=', patientId)
		.orderBy('treatment_session.started_at')
		.orderBy('treatment_session.id')
		.execute();
	return firstPerId(rows).map((r) => ({ ...r, needles_in: Number(r.needles_in) }));
}

export async function selectSessionPoints(db: Db, sessionIds: readonly string[]): Promise<Map<string, SessionPointRow[]>> {
	const points = new Map<string, SessionPointRow[]>();
	if (sessionIds.length === 0) return points;
	const rows = await db.kysely
		.selectFrom('session_point')
		.select(['session_id', 'code', 'side'])
		.where('session_id', 'in', sessionIds)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	for (const row of rows) {
		const list = points.get(row.session_id) ?? [];
		list.push({ code: row.code, side: row.side });
		points.set(row.session_id, list);
	}
	return points;
}

export async function selectAdverseEvents(db: Db, patientId: string): Promise<AdverseEventRow[]> {
	const rows = await db.kysely
		.selectFrom('adverse_event')
		.leftJoin('treatment_session', 'treatment_session.id', 'adverse_event.session_id')
		.leftJoin('practitioner', 'practitioner.staff_id', 'adverse_event.staff_id')
		.select([
			'adverse_event.id',
			'adverse_event.patient_id',
			'adverse_event.session_id',
			'treatment_session.appointment_id',
			'adverse_event.occurred_at',
			'adverse_event.kind',
			'adverse_event.severity',
			'adverse_event.outcome',
			'adverse_event.description',
			'adverse_event.created_at',
			'practitioner.id as recorder_practitioner_id'
		])
		.where('adverse_event.patient_id', '=', patientId)
		.orderBy('adverse_event.occurred_at')
		.orderBy('adverse_event.id')
		.execute();
	return firstPerId(rows);
}

/** The patient's examinations, oldest first, with their findings read back as the chart reads them. */
export async function selectExaminations(db: Db, patientId: string): Promise<ExaminationRow[]> {
	const rows = await db.kysely
		.selectFrom('examination')
		.leftJoin('practitioner', 'practitioner.staff_id', 'examination.practitioner_staff_id')
		.select([
			'examination.id',
			'examination.patient_id',
			'examination.appointment_id',
			'practitioner.id as practitioner_id',
			'examination.kind',
			'examination.examined_at',
			'examination.updated_at',
			'examination.findings',
			'examination.suggested_root',
			'examination.confirmed_root',
			'examination.pattern',
			'examination.red_flag_positive'
		])
		.where('examination.patient_id', '=', patientId)
		.orderBy('examination.examined_at')
		.orderBy('examination.id')
		.execute();
	return firstPerId(rows).map((r) => ({ ...r, findings: normaliseFindings(parseJson(r.findings)), red_flag_positive: Number(r.red_flag_positive) }));
}

/** The patient's treatment plans, oldest first: each one after the first replaced the one before. */
export async function selectPlans(db: Db, patientId: string): Promise<PlanRow[]> {
	const rows = await db.kysely
		.selectFrom('treatment_plan')
		.leftJoin('practitioner', 'practitioner.staff_id', 'treatment_plan.created_by')
		.selectAll('treatment_plan')
		.select('practitioner.id as author_practitioner_id')
		.where('treatment_plan.patient_id', '=', patientId)
		.orderBy('treatment_plan.created_at')
		.orderBy('treatment_plan.id')
		.execute();
	const list = (text: string) => {
		const value = parseJson(text);
		return Array.isArray(value) ? (value as unknown[]) : [];
	};
	return firstPerId(rows).map((r) => ({
		id: r.id,
		patient_id: r.patient_id,
		author_practitioner_id: r.author_practitioner_id,
		status: r.status,
		goals: list(r.goals).filter((g): g is string => typeof g === 'string'),
		frequency_per_week: Number(r.frequency_per_week),
		planned_sessions: Number(r.planned_sessions),
		review_date: r.review_date,
		points: list(r.points).filter(isPlannedPoint),
		electroacupuncture: Number(r.electroacupuncture) === 1,
		moxibustion: Number(r.moxibustion) === 1,
		bloodletting: Number(r.bloodletting) === 1,
		notes: r.notes,
		created_at: r.created_at,
		updated_at: r.updated_at
	}));
}

function isPlannedPoint(value: unknown): value is PlanRow['points'][number] {
	const p = value as Record<string, unknown> | null;
	return (
		typeof p === 'object' && p !== null && typeof p.code === 'string' && (POINT_SIDES as readonly unknown[]).includes(p.side) && typeof p.deep === 'boolean'
	);
}
