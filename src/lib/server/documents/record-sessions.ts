import type { Locale } from '../../i18n/locales';
import type { SessionTechniques } from '../../domain/clinical/session-rules';
import type { SafetyConflict } from '../../domain/safety/alerts';
import type { Db } from '../db/database';
import type { AdverseEventKind, AdverseEventOutcome, AdverseEventSeverity, PointSide } from '../db/schema-session';
import { amendmentValues, parseTechniques } from '../treatment-session/session-repository';
import { CREDENTIAL_SELECTION, credentialsFrom, type PractitionerCredentials } from './practitioner-credentials';
import type { InstantRange } from './record-month';

/* The shapes are this module's own, not the session page's: the printed record changes only when the 施術録 does. */
export interface RecordPoint {
	code: string;
	side: PointSide;
	gauge: string | null;
	lengthMm: number | null;
	depthMm: number | null;
	technique: string | null;
	deqi: string | null;
	/** Needled deeply: the safety check asks about deep needling, so the record says it was. */
	deep: boolean;
}

export interface RecordAdverseEvent {
	occurredAt: string;
	kind: AdverseEventKind;
	severity: AdverseEventSeverity;
	outcome: AdverseEventOutcome;
	description: string;
	staffName: string;
}

/** A conflict with the patient's alerts or a point's caution, acknowledged in the session with a reason. */
export interface RecordAcknowledgement {
	conflict: SafetyConflict;
	reason: string;
	staffName: string;
	createdAt: string;
}

export interface RecordAmendment {
	staffName: string;
	createdAt: string;
	reason: string;
	/** The original values of the changed fields, as kept when the change was made. */
	before: Record<string, unknown>;
	after: Record<string, unknown>;
}

/** One session as the 施術録 prints it, with everything recorded against it. */
export interface RecordSession {
	id: string;
	startedAt: string;
	closedAt: string | null;
	practitioner: PractitionerCredentials;
	preLegPain: number | null;
	preBackPain: number | null;
	needlesIn: number;
	needlesOut: number;
	retentionMinutes: number;
	techniques: SessionTechniques;
	notes: string;
	points: RecordPoint[];
	adverseEvents: RecordAdverseEvent[];
	acknowledgements: RecordAcknowledgement[];
	amendments: RecordAmendment[];
}

function groupBy<T extends { session_id: string | null }>(rows: readonly T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) if (row.session_id) groups.set(row.session_id, [...(groups.get(row.session_id) ?? []), row]);
	return groups;
}

/**
 * A patient's sessions in date order, optionally within a range, with their points, adverse events,
 * safety acknowledgements and amendments. Five queries whatever the number of sessions, so a record
 * of years prints fast.
 */
export async function listRecordSessions(db: Db, patientId: string, range: InstantRange | null, locale: Locale): Promise<RecordSession[]> {
	let sessions = db.kysely
		.selectFrom('treatment_session as s')
		.innerJoin('staff', 'staff.id', 's.practitioner_staff_id')
		.leftJoin('practitioner', (join) => join.onRef('practitioner.staff_id', '=', 's.practitioner_staff_id').on('practitioner.active', '=', 1))
		.selectAll('s')
		.select(CREDENTIAL_SELECTION)
		.where('s.patient_id', '=', patientId);
	if (range) sessions = sessions.where('s.started_at', '>=', range.from).where('s.started_at', '<', range.to);
	const rows = await sessions.orderBy('s.started_at').orderBy('s.id').execute();
	if (rows.length === 0) return [];

	// Child rows are reached through the same filtered sessions: a subquery, not an id list that grows with the record.
	const ids = db.kysely.selectFrom('treatment_session').select('id').where('patient_id', '=', patientId);
	const sessionIds = range ? ids.where('started_at', '>=', range.from).where('started_at', '<', range.to) : ids;
	const [points, events, acknowledgements, amendments] = await Promise.all([
		db.kysely.selectFrom('session_point').selectAll().where('session_id', 'in', sessionIds).orderBy('created_at').orderBy('id').execute(),
		db.kysely
			.selectFrom('adverse_event as e')
			.innerJoin('staff', 'staff.id', 'e.staff_id')
			.select(['e.id', 'e.session_id', 'e.occurred_at', 'e.kind', 'e.severity', 'e.outcome', 'e.description', 'staff.display_name'])
			.where('e.session_id', 'in', sessionIds)
			.orderBy('e.occurred_at')
			.orderBy('e.id')
			.execute(),
		db.kysely
			.selectFrom('contraindication_override as o')
			.innerJoin('staff', 'staff.id', 'o.staff_id')
			.select(['o.id', 'o.session_id', 'o.created_at', 'o.conflict', 'o.reason', 'staff.display_name'])
			.where('o.session_id', 'in', sessionIds)
			.orderBy('o.created_at')
			.orderBy('o.id')
			.execute(),
		db.kysely
			.selectFrom('session_amendment as a')
			.innerJoin('staff', 'staff.id', 'a.staff_id')
			.select(['a.id', 'a.session_id', 'a.created_at', 'a.reason', 'a.before', 'a.after', 'staff.display_name'])
			.where('a.session_id', 'in', sessionIds)
			.orderBy('a.created_at')
			.orderBy('a.id')
			.execute()
	]);
	const pointsBySession = groupBy(points);
	const eventsBySession = groupBy(events);
	const acknowledgementsBySession = groupBy(acknowledgements);
	const amendmentsBySession = groupBy(amendments);
	return rows.map((row) => ({
		id: row.id,
		startedAt: row.started_at,
		closedAt: row.closed_at,
		practitioner: credentialsFrom(row, locale),
		preLegPain: row.pre_leg_pain,
		preBackPain: row.pre_back_pain,
		needlesIn: Number(row.needles_in),
		needlesOut: Number(row.needles_out),
		retentionMinutes: Number(row.retention_minutes),
		techniques: parseTechniques(row.techniques),
		notes: row.notes,
		points: (pointsBySession.get(row.id) ?? []).map((p) => ({
			code: p.code,
			side: p.side,
			gauge: p.gauge,
			lengthMm: p.length_mm === null ? null : Number(p.length_mm),
			depthMm: p.depth_mm === null ? null : Number(p.depth_mm),
			technique: p.technique,
			deqi: p.deqi,
			deep: Number(p.deep) === 1
		})),
		adverseEvents: (eventsBySession.get(row.id) ?? []).map((e) => ({
			occurredAt: e.occurred_at,
			kind: e.kind,
			severity: e.severity,
			outcome: e.outcome,
			description: e.description,
			staffName: e.display_name
		})),
		acknowledgements: (acknowledgementsBySession.get(row.id) ?? []).map((o) => ({
			conflict: JSON.parse(o.conflict) as SafetyConflict,
			reason: o.reason,
			staffName: o.display_name,
			createdAt: o.created_at
		})),
		amendments: (amendmentsBySession.get(row.id) ?? []).map((a) => ({
			staffName: a.display_name,
			createdAt: a.created_at,
			reason: a.reason,
			before: amendmentValues(a.before),
			after: amendmentValues(a.after)
		}))
	}));
}
