/* Kysely queries for treatment sessions; with acknowledgement-repository.ts, the only SQL of this module. */
import { POINT_SIDES } from '../../domain/clinical/point-suggestions';
import { MOXA_TYPES, NO_TECHNIQUES, type Licences, type MoxaType, type SessionTechniques } from '../../domain/clinical/session-rules';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database';
import { visitsToStartBetween } from '../booking/patient-visit-reads';
import type {
	AdverseEventKind,
	AdverseEventOutcome,
	AdverseEventSeverity,
	AdverseEventTable,
	PointSide,
	SessionAmendmentTable,
	SessionPointTable,
	TreatmentSessionTable
} from '../db/schema-session';
import { findPatient } from '../patients/patient-repository';
import { CREDENTIAL_SELECTION } from '../documents/practitioner-credentials';
import { findActiveStaffPractitionerLicences } from '../scheduling-settings/settings-repository';

export interface SessionPatient {
	id: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
}

export interface SessionPoint {
	id: string;
	code: string;
	side: PointSide;
	gauge: string | null;
	lengthMm: number | null;
	depthMm: number | null;
	technique: string | null;
	deqi: string | null;
	/** Needled deeply: the safety check asks about deep needling (docs/clinical-rules.md §3). */
	deep: boolean;
}

/** A point of the active plan held back at the start because it met the patient's alerts. */
export interface HeldPlanPoint {
	code: string;
	side: PointSide;
	deep: boolean;
}

export interface SessionRecord {
	id: string;
	patientId: string;
	appointmentId: string | null;
	practitionerStaffId: string;
	/** The practitioner's name in each page language (the staff display name when there is no practitioner row). */
	practitionerName: { ja: string; en: string };
	bedId: string | null;
	bedName: { ja: string; en: string } | null;
	startedAt: string;
	closedAt: string | null;
	preLegPain: number | null;
	preBackPain: number | null;
	checkInId: string | null;
	/** Where the pre-session NRS came from: the patient's portal check-in, or entered at the session. */
	checkInSource: 'intake' | 'portal' | 'session' | null;
	needlesIn: number;
	needlesOut: number;
	retentionMinutes: number;
	timerStartedAt: string | null;
	techniques: SessionTechniques;
	notes: string;
	updatedAt: string;
	points: SessionPoint[];
	/** Plan points waiting for the practitioner's acknowledgement before they join the record. */
	heldPlanPoints: HeldPlanPoint[];
}

export interface SessionSummary {
	id: string;
	startedAt: string;
	closedAt: string | null;
	practitionerName: { ja: string; en: string };
	pointCount: number;
	needlesIn: number;
	needlesOut: number;
}

export interface AmendmentEntry {
	id: string;
	staffName: string;
	createdAt: string;
	reason: string;
	before: Record<string, unknown>;
	after: Record<string, unknown>;
}

export interface AdverseEventEntry {
	id: string;
	occurredAt: string;
	/** When it was written down; differs from occurredAt when recorded afterwards. */
	recordedAt: string;
	kind: AdverseEventKind;
	severity: AdverseEventSeverity;
	outcome: AdverseEventOutcome;
	description: string;
	staffName: string;
}

export async function findSessionPatient(db: Db, patientId: string): Promise<SessionPatient | null> {
	const row = await findPatient(db, patientId, ['id', 'patient_number', 'family_name', 'given_name'], { live: true });
	return row ? { id: row.id, patientNumber: row.patient_number, familyName: row.family_name, givenName: row.given_name } : null;
}

/** The licences on the practitioner row linked to a staff account; none when there is no such row. */
export async function licencesOf(db: Db, staffId: string): Promise<Licences> {
	const row = await findActiveStaffPractitionerLicences(db, staffId);
	return { hari: Boolean(row?.hari_licence), kyu: Boolean(row?.kyu_licence) };
}

/** Stored techniques JSON, read defensively: anything unexpected counts as not used. */
export function parseTechniques(json: string): SessionTechniques {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return { ...NO_TECHNIQUES };
	}
	if (raw === null || typeof raw !== 'object') return { ...NO_TECHNIQUES };
	const value = raw as Record<string, Record<string, unknown> | null | undefined>;
	const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
	const ea = value.electroacupuncture;
	const moxa = value.moxibustion;
	const cup = value.cupping;
	return {
		electroacupuncture:
			ea && n(ea.pairs) !== null && n(ea.frequencyHz) !== null && n(ea.minutes) !== null
				? { pairs: n(ea.pairs)!, frequencyHz: n(ea.frequencyHz)!, minutes: n(ea.minutes)! }
				: null,
		moxibustion:
			moxa && (MOXA_TYPES as readonly unknown[]).includes(moxa.type) && n(moxa.cones) !== null ? { type: moxa.type as MoxaType, cones: n(moxa.cones)! } : null,
		cupping: cup && n(cup.cups) !== null && n(cup.minutes) !== null ? { cups: n(cup.cups)!, minutes: n(cup.minutes)! } : null
	};
}

const staffName = (family: string | null, given: string | null, display: string | null) => (family ? `${family} ${given ?? ''}`.trim() : (display ?? ''));
/** English names are written given name first, as the schedule writes them. */
const englishName = (family: string | null, given: string | null, display: string | null) => (family ? `${given ?? ''} ${family}`.trim() : (display ?? ''));

export async function findSession(db: Db, patientId: string, sessionId: string): Promise<SessionRecord | null> {
	const row = await db.kysely
		.selectFrom('treatment_session as s')
		.innerJoin('staff', 'staff.id', 's.practitioner_staff_id')
		.leftJoin('practitioner', 'practitioner.staff_id', 's.practitioner_staff_id')
		.leftJoin('bed', 'bed.id', 's.bed_id')
		.leftJoin('outcome_check_in', 'outcome_check_in.id', 's.check_in_id')
		.selectAll('s')
		.select([
			'staff.display_name',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en',
			'bed.name_ja as bed_ja',
			'bed.name_en as bed_en',
			'outcome_check_in.source as check_in_source'
		])
		.where('s.id', '=', sessionId)
		.where('s.patient_id', '=', patientId)
		.executeTakeFirst();
	if (!row) return null;
	const points = await db.kysely.selectFrom('session_point').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
	return {
		id: row.id,
		patientId: row.patient_id,
		appointmentId: row.appointment_id,
		practitionerStaffId: row.practitioner_staff_id,
		practitionerName: {
			ja: staffName(row.family_name_ja, row.given_name_ja, row.display_name),
			en: englishName(row.family_name_en, row.given_name_en, row.display_name)
		},
		bedId: row.bed_id,
		bedName: row.bed_ja !== null && row.bed_en !== null ? { ja: row.bed_ja, en: row.bed_en } : null,
		startedAt: row.started_at,
		closedAt: row.closed_at,
		preLegPain: row.pre_leg_pain,
		preBackPain: row.pre_back_pain,
		checkInId: row.check_in_id,
		checkInSource: row.check_in_source ?? null,
		needlesIn: Number(row.needles_in),
		needlesOut: Number(row.needles_out),
		retentionMinutes: Number(row.retention_minutes),
		timerStartedAt: row.timer_started_at,
		techniques: parseTechniques(row.techniques),
		notes: row.notes,
		updatedAt: row.updated_at,
		points: points.map((p) => ({
			id: p.id,
			code: p.code,
			side: p.side,
			gauge: p.gauge,
			lengthMm: p.length_mm === null ? null : Number(p.length_mm),
			depthMm: p.depth_mm === null ? null : Number(p.depth_mm),
			technique: p.technique,
			deqi: p.deqi,
			deep: Number(p.deep) === 1
		})),
		heldPlanPoints: parseHeldPlanPoints(row.held_plan_points)
	};
}

/** The stored held plan points, read defensively: anything unreadable is left out. */
export function parseHeldPlanPoints(json: string): HeldPlanPoint[] {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return [];
	}
	if (!Array.isArray(raw)) return [];
	return raw.flatMap((item: unknown) => {
		if (item === null || typeof item !== 'object') return [];
		const { code, side, deep } = item as Record<string, unknown>;
		return typeof code === 'string' && typeof side === 'string' && (POINT_SIDES as readonly string[]).includes(side)
			? [{ code, side: side as PointSide, deep: deep === true }]
			: [];
	});
}

/** A patient's sessions: open ones first, then the newest first. */
export async function listSessionSummaries(db: Db, patientId: string): Promise<SessionSummary[]> {
	const rows = await db.kysely
		.selectFrom('treatment_session as s')
		.innerJoin('staff', 'staff.id', 's.practitioner_staff_id')
		.leftJoin('practitioner', 'practitioner.staff_id', 's.practitioner_staff_id')
		.select((eb) => [
			's.id',
			's.started_at',
			's.closed_at',
			's.needles_in',
			's.needles_out',
			'staff.display_name',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en',
			eb
				.selectFrom('session_point')
				.select((p) => p.fn.countAll<number>().as('n'))
				.whereRef('session_point.session_id', '=', 's.id')
				.as('point_count')
		])
		.where('s.patient_id', '=', patientId)
		.orderBy('s.started_at', 'desc')
		.orderBy('s.id')
		.execute();
	const summaries = rows.map((r) => ({
		id: r.id,
		startedAt: r.started_at,
		closedAt: r.closed_at,
		practitionerName: { ja: staffName(r.family_name_ja, r.given_name_ja, r.display_name), en: englishName(r.family_name_en, r.given_name_en, r.display_name) },
		pointCount: Number(r.point_count ?? 0),
		needlesIn: Number(r.needles_in),
		needlesOut: Number(r.needles_out)
	}));
	return [...summaries.filter((s) => s.closedAt === null), ...summaries.filter((s) => s.closedAt !== null)];
}

/** An amendment's stored before/after values: a JSON object, or nothing readable. */
export function amendmentValues(json: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(json);
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

export async function listAmendments(db: Db, sessionId: string): Promise<AmendmentEntry[]> {
	const rows = await db.kysely
		.selectFrom('session_amendment as a')
		.innerJoin('staff', 'staff.id', 'a.staff_id')
		.select(['a.id', 'a.created_at', 'a.reason', 'a.before', 'a.after', 'staff.display_name'])
		.where('a.session_id', '=', sessionId)
		.orderBy('a.created_at')
		.orderBy('a.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		staffName: r.display_name,
		createdAt: r.created_at,
		reason: r.reason,
		before: amendmentValues(r.before),
		after: amendmentValues(r.after)
	}));
}

export async function listSessionAdverseEvents(db: Db, sessionId: string): Promise<AdverseEventEntry[]> {
	const rows = await db.kysely
		.selectFrom('adverse_event as e')
		.innerJoin('staff', 'staff.id', 'e.staff_id')
		.select(['e.id', 'e.occurred_at', 'e.created_at', 'e.kind', 'e.severity', 'e.outcome', 'e.description', 'staff.display_name'])
		.where('e.session_id', '=', sessionId)
		.orderBy('e.occurred_at')
		.orderBy('e.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		occurredAt: r.occurred_at,
		recordedAt: r.created_at,
		kind: r.kind,
		severity: r.severity,
		outcome: r.outcome,
		description: r.description,
		staffName: r.display_name
	}));
}

/* What the printed treatment record (documents/record-sessions.ts) reads: five queries whatever the number of sessions. */

/** Clinic-local instants `from` (included) to `to` (not included). */
export interface SessionRange {
	from: string;
	to: string;
}

/** The ids of a patient's sessions started within `range` (all when null), as a subquery: not an id list that grows with the record. */
export function patientSessionIds(db: Db, patientId: string, range: SessionRange | null) {
	const ids = db.kysely.selectFrom('treatment_session').select('id').where('patient_id', '=', patientId);
	return range ? ids.where('started_at', '>=', range.from).where('started_at', '<', range.to) : ids;
}

export type SessionIds = ReturnType<typeof patientSessionIds>;

/** A patient's sessions within `range` in date order, with the practitioner's name and licences (documents/practitioner-credentials.ts). */
export async function listRecordSessionRows(db: Db, patientId: string, range: SessionRange | null) {
	let sessions = db.kysely
		.selectFrom('treatment_session as s')
		.innerJoin('staff', 'staff.id', 's.practitioner_staff_id')
		.leftJoin('practitioner', (join) => join.onRef('practitioner.staff_id', '=', 's.practitioner_staff_id').on('practitioner.active', '=', 1))
		.selectAll('s')
		.select(CREDENTIAL_SELECTION)
		.where('s.patient_id', '=', patientId);
	if (range) sessions = sessions.where('s.started_at', '>=', range.from).where('s.started_at', '<', range.to);
	return sessions.orderBy('s.started_at').orderBy('s.id').execute();
}

/** The points of the sessions, in the order they were recorded. */
export async function listPointRowsOfSessions(db: Db, sessionIds: SessionIds) {
	return db.kysely.selectFrom('session_point').selectAll().where('session_id', 'in', sessionIds).orderBy('created_at').orderBy('id').execute();
}

/** The adverse events of the sessions, with who recorded them, in the order they happened. */
export async function listAdverseEventRowsOfSessions(db: Db, sessionIds: SessionIds) {
	return db.kysely
		.selectFrom('adverse_event as e')
		.innerJoin('staff', 'staff.id', 'e.staff_id')
		.select(['e.id', 'e.session_id', 'e.occurred_at', 'e.kind', 'e.severity', 'e.outcome', 'e.description', 'staff.display_name'])
		.where('e.session_id', 'in', sessionIds)
		.orderBy('e.occurred_at')
		.orderBy('e.id')
		.execute();
}

/** The amendments of the sessions, with who made them, oldest first. */
export async function listAmendmentRowsOfSessions(db: Db, sessionIds: SessionIds) {
	return db.kysely
		.selectFrom('session_amendment as a')
		.innerJoin('staff', 'staff.id', 'a.staff_id')
		.select(['a.id', 'a.session_id', 'a.created_at', 'a.reason', 'a.before', 'a.after', 'staff.display_name'])
		.where('a.session_id', 'in', sessionIds)
		.orderBy('a.created_at')
		.orderBy('a.id')
		.execute();
}

/* What other capabilities read of the sessions (docs/architecture.md, "One owner per table"). */

/** When each of the patient's sessions started, oldest first (a referral letter counts them). */
export async function listSessionStarts(db: Db, patientId: string) {
	return db.kysely.selectFrom('treatment_session').select('started_at').where('patient_id', '=', patientId).orderBy('started_at').execute();
}

/** The visit each of the patient's sessions belongs to. */
export async function listSessionVisits(db: Db, patientId: string) {
	return db.kysely.selectFrom('treatment_session').select(['id', 'appointment_id']).where('patient_id', '=', patientId).execute();
}

/** The patient's sessions started from `from` up to and including `until`, with their techniques. */
export async function listSessionTechniquesBetween(db: Db, patientId: string, from: string, until: string) {
	return db.kysely
		.selectFrom('treatment_session')
		.select(['id', 'techniques'])
		.where('patient_id', '=', patientId)
		.where('started_at', '>=', from)
		.where('started_at', '<=', until)
		.execute();
}

/** The point codes needled in the sessions, one row per point. */
export async function listPointCodesOfSessions(db: Db, sessionIds: readonly string[]) {
	if (sessionIds.length === 0) return [];
	return db.kysely.selectFrom('session_point').select('code').where('session_id', 'in', sessionIds).execute();
}

/** The newest session of a visit: its techniques, needle count and practitioner (the fee reads them). */
export async function findNewestVisitSession(db: Db, appointmentId: string) {
	return db.kysely
		.selectFrom('treatment_session')
		.select(['techniques', 'needles_in', 'practitioner_staff_id'])
		.where('appointment_id', '=', appointmentId)
		.orderBy('started_at', 'desc')
		.executeTakeFirst();
}

/** Which of the visits have a session still open. */
export async function listVisitsWithOpenSession(db: Db, appointmentIds: readonly string[]) {
	if (appointmentIds.length === 0) return [];
	return db.kysely
		.selectFrom('treatment_session')
		.select('appointment_id')
		.where('appointment_id', 'in', appointmentIds)
		.where('closed_at', 'is', null)
		.execute();
}

export interface StartableAppointment {
	id: string;
	startsAt: string;
	practitionerName: { ja: string; en: string };
	/** The self-check brought with the booking, when above routine: the practitioner discusses it first. */
	selfCheckLevel: 'emergency' | 'urgent' | 'see_doctor' | null;
}

/** The patient's visits in [from, to) that are booked or arrived and have no session yet. */
export async function listStartableAppointments(db: Db, patientId: string, from: string, to: string): Promise<StartableAppointment[]> {
	const rows = await visitsToStartBetween(db, patientId, from, to, (eb) =>
		eb.exists(eb.selectFrom('treatment_session').select('treatment_session.id').whereRef('treatment_session.appointment_id', '=', 'appointment.id'))
	);
	return rows.map((r) => ({
		id: r.id,
		startsAt: r.starts_at,
		practitionerName: { ja: staffName(r.family_name_ja, r.given_name_ja, null), en: englishName(r.family_name_en, r.given_name_en, null) },
		selfCheckLevel: r.triage_level === 'emergency' || r.triage_level === 'urgent' || r.triage_level === 'see_doctor' ? r.triage_level : null
	}));
}

/* The session tables' writes (docs/architecture.md, "One owner per table"). */

export async function insertSession(db: Db, session: Insertable<TreatmentSessionTable>): Promise<void> {
	await db.kysely.insertInto('treatment_session').values(session).execute();
}

/** Changes fields of the session row (notes, techniques, needle counts, timer …). */
export async function updateSession(db: Db, sessionId: string, changes: Updateable<TreatmentSessionTable>): Promise<void> {
	await db.kysely.updateTable('treatment_session').set(changes).where('id', '=', sessionId).execute();
}

/** Closes a session that is still open. */
export async function closeOpenSession(db: Db, sessionId: string, at: string): Promise<void> {
	await db.kysely.updateTable('treatment_session').set({ closed_at: at, updated_at: at }).where('id', '=', sessionId).where('closed_at', 'is', null).execute();
}

export async function insertSessionPoints(db: Db, points: Insertable<SessionPointTable> | Insertable<SessionPointTable>[]): Promise<void> {
	await db.kysely.insertInto('session_point').values(points).execute();
}

export async function updateSessionPoint(db: Db, sessionId: string, pointId: string, changes: Updateable<SessionPointTable>): Promise<void> {
	await db.kysely.updateTable('session_point').set(changes).where('id', '=', pointId).where('session_id', '=', sessionId).execute();
}

export async function deleteSessionPoint(db: Db, sessionId: string, pointId: string): Promise<void> {
	await db.kysely.deleteFrom('session_point').where('id', '=', pointId).where('session_id', '=', sessionId).execute();
}

export async function insertSessionAmendment(db: Db, amendment: Insertable<SessionAmendmentTable>): Promise<void> {
	await db.kysely.insertInto('session_amendment').values(amendment).execute();
}

export async function insertAdverseEvent(db: Db, event: Insertable<AdverseEventTable>): Promise<void> {
	await db.kysely.insertInto('adverse_event').values(event).execute();
}
