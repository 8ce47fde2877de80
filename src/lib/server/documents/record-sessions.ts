import type { Locale } from '../../i18n/locales';
import type { SessionTechniques } from '../../domain/clinical/session-rules';
import type { SafetyConflict } from '../../domain/safety/alerts';
import type { Db } from '../db/database';
import type { AdverseEventKind, AdverseEventOutcome, AdverseEventSeverity, PointSide } from '../db/schema-session';
import { listOverrideRowsOfSessions } from '../treatment-plan/plan-repository';
import {
	amendmentValues,
	listAdverseEventRowsOfSessions,
	listAmendmentRowsOfSessions,
	listPointRowsOfSessions,
	listRecordSessionRows,
	parseTechniques,
	patientSessionIds
} from '../treatment-session/session-repository';
import { credentialsFrom, type PractitionerCredentials } from './practitioner-credentials';
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
	const rows = await listRecordSessionRows(db, patientId, range);
	if (rows.length === 0) return [];

	// Child rows are reached through the same filtered sessions: a subquery, not an id list that grows with the record.
	const sessionIds = patientSessionIds(db, patientId, range);
	const [points, events, acknowledgements, amendments] = await Promise.all([
		listPointRowsOfSessions(db, sessionIds),
		listAdverseEventRowsOfSessions(db, sessionIds),
		listOverrideRowsOfSessions(db, sessionIds),
		listAmendmentRowsOfSessions(db, sessionIds)
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
