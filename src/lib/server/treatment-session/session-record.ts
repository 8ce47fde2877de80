/* The reads of the session record; each one is audited (who opened which patient's record). */
import { recordEditRight, sessionChangeRule } from '../../domain/clinical/record-ownership';
import { isLocked, lockTime, retentionEndsAt } from '../../domain/clinical/session-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import {
	findSession,
	listAmendments,
	listSessionAdverseEvents,
	listSessionSummaries,
	listStartableAppointments,
	type AdverseEventEntry,
	type AmendmentEntry,
	type SessionRecord,
	type SessionSummary,
	type StartableAppointment
} from './session-repository';
import { loadSessionSafety, type SessionSafety } from './session-safety';
import { localDayAround } from '../../domain/time';
import { clinicTimeZone } from '../clinic/clinic-settings';
import { findStaffRole } from '../staff/staff-repository';

export interface SessionView extends SessionRecord {
	locked: boolean;
	lockAt: string | null;
	retentionEndsAt: string | null;
	amendments: AmendmentEntry[];
	adverseEvents: AdverseEventEntry[];
	/** The patient's current alerts, the session's acknowledgements and what still needs one (issue #15). */
	safety: SessionSafety;
	/** Whether the viewer may change this record: its practitioner, or the owner by amendment (issue 16). */
	mayEdit: boolean;
	/** Whether a change by the viewer must say why (locked, or the owner amending another's record). */
	reasonRequired: boolean;
}

export async function getSessionRecord(db: Db, patientId: string, sessionId: string, actor: AuditActor, now = db.clock.now()): Promise<SessionView | null> {
	const session = await findSession(db, patientId, sessionId);
	if (!session) return null;
	await recordAudit(db, actor, { action: 'treatment_session.read', entityType: 'treatment_session', entityId: sessionId, patientId });
	const locked = isLocked(session.closedAt, now);
	const viewer = actor.id ? await findStaffRole(db, actor.id) : undefined;
	const right = viewer && actor.id ? recordEditRight({ staffId: actor.id, role: viewer.role }, session.practitionerStaffId) : 'none';
	return {
		...session,
		mayEdit: right !== 'none',
		reasonRequired: right !== 'none' && sessionChangeRule(right, { closed: session.closedAt !== null, locked }).reasonRequired,
		locked,
		lockAt: session.closedAt ? lockTime(session.closedAt).toISOString() : null,
		retentionEndsAt: retentionEndsAt(session.timerStartedAt, session.retentionMinutes)?.toISOString() ?? null,
		amendments: await listAmendments(db, sessionId),
		adverseEvents: await listSessionAdverseEvents(db, sessionId),
		safety: await loadSessionSafety(db, session)
	};
}

export interface SessionList {
	sessions: SessionSummary[];
	/** Today's visits of the patient that have no session yet, to start one from. */
	appointments: StartableAppointment[];
}

export async function listSessions(db: Db, patientId: string, actor: AuditActor, options: { now?: Date; timeZone?: string } = {}): Promise<SessionList> {
	const day = localDayAround(options.now ?? db.clock.now(), options.timeZone ?? (await clinicTimeZone(db)));
	const sessions = await listSessionSummaries(db, patientId);
	await recordAudit(db, actor, { action: 'treatment_session.list', entityType: 'patient', entityId: patientId, patientId, detail: { count: sessions.length } });
	return { sessions, appointments: await listStartableAppointments(db, patientId, day.start, day.end) };
}
