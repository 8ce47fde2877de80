/*
 * The safety check at the bed (issue #15, docs/clinical-rules.md §3): every point added to a
 * session and every technique recorded is checked against the patient's current safety alerts and
 * the points' own cautions with the one rule the plan uses (domain/clinical/safety-check.ts). A
 * change that brings in a conflict not yet acknowledged in this session is refused, nothing
 * written, until each such conflict has a reason; the reasons are stored with the session
 * (contraindication_override.session_id) and audited by alert and point, never with their text.
 */
import { checkTreatment, introducedConflicts, openConflicts, unacknowledgedConflicts, type SafetyCheck } from '../../domain/clinical/safety-check';
import type { SessionTechniques } from '../../domain/clinical/session-rules';
import { toSafetyFacts } from '../../domain/intake/safety-facts';
import { deriveSafetyAlerts, type SafetyAlert, type TreatmentToCheck } from '../../domain/safety/alerts';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findNewestIntake } from '../intake/intake-repository';
import { insertSessionAcknowledgement, listSessionAcknowledgements, type SessionAcknowledgement } from './acknowledgement-repository';
import type { SessionRecord } from './session-repository';

/** The change brings in conflicts that have no reason yet: nothing was written. */
export interface NeedsAcknowledgement {
	ok: false;
	code: 'needs_acknowledgement';
	/** The conflicts the change brings in, each needing a reason. */
	check: SafetyCheck;
	/** The keys among them still without a reason. */
	missing: string[];
}

/** A session's points and techniques as the safety check reads them. */
export function sessionTreatment(points: ReadonlyArray<{ code: string; deep: boolean }>, techniques: SessionTechniques): TreatmentToCheck {
	return {
		points: points.map((p) => ({ code: p.code, deep: p.deep })),
		electroacupuncture: techniques.electroacupuncture !== null,
		// 灸頭鍼 (needle_top) is moxibustion on a needle: its needle is a point of the record, checked as one.
		moxibustion: techniques.moxibustion?.type ?? null
	};
}

/** The patient's current alerts: from the newest submitted intake; none, and unknown, without one. */
export async function currentSafetyAlerts(db: Db, patientId: string): Promise<{ intakeSubmitted: boolean; alerts: SafetyAlert[] }> {
	const intake = await findNewestIntake(db, patientId, 'submitted');
	return { intakeSubmitted: intake !== null, alerts: intake ? deriveSafetyAlerts(toSafetyFacts(intake.answers)) : [] };
}

async function acknowledgedKeys(db: Db, sessionId: string): Promise<Set<string>> {
	return new Set((await listSessionAcknowledgements(db, sessionId)).map((a) => a.key));
}

/**
 * Inside the change's transaction and before it writes: the conflicts that the care after the
 * change has and the care before it had not, less those acknowledged earlier in the session. Each
 * needs a reason in `reasons` (conflict key → text); when one is missing the change is refused
 * and only the finding is audited. Otherwise each reason is stored and audited, and the change may
 * go on.
 */
export async function guardSessionChange(
	tx: Db,
	actor: AuditActor,
	session: SessionRecord,
	care: { before: TreatmentToCheck; after: TreatmentToCheck },
	reasons: Readonly<Record<string, string>>,
	now: Date
): Promise<{ ok: true; acknowledged: number } | NeedsAcknowledgement> {
	const { alerts } = await currentSafetyAlerts(tx, session.patientId);
	const introduced = introducedConflicts(checkTreatment(alerts, care.before), checkTreatment(alerts, care.after), await acknowledgedKeys(tx, session.id));
	const missing = unacknowledgedConflicts(introduced, reasons);
	if (missing.length > 0) {
		await recordAudit(tx, actor, {
			action: 'treatment_session.conflicts_found',
			entityType: 'treatment_session',
			entityId: session.id,
			patientId: session.patientId,
			detail: { conflicts: introduced.conflicts.length, unacknowledged: missing.length, contraindication: introduced.hasContraindication }
		});
		return { ok: false, code: 'needs_acknowledgement', check: introduced, missing: missing.map((c) => c.key) };
	}
	for (const { key, conflict } of introduced.conflicts) {
		const id = await insertSessionAcknowledgement(
			tx,
			{ patientId: session.patientId, sessionId: session.id, conflict, reason: reasons[key]!.trim(), staffId: actor.id! },
			now.toISOString()
		);
		await recordAudit(tx, actor, {
			action: 'treatment_session.contraindication_acknowledged',
			entityType: 'contraindication_override',
			entityId: id,
			patientId: session.patientId,
			detail: {
				sessionId: session.id,
				alertCode: conflict.alertCode,
				severity: conflict.severity,
				kind: conflict.kind,
				pointCode: 'pointCode' in conflict ? conflict.pointCode : null
			}
		});
	}
	return { ok: true, acknowledged: introduced.conflicts.length };
}

export interface SessionSafety {
	/** Without a submitted intake the alerts are unknown, not absent. */
	intakeSubmitted: boolean;
	alerts: SafetyAlert[];
	/** What was acknowledged in this session: which conflict, the reason, who and when. */
	acknowledgements: SessionAcknowledgement[];
	/** Conflicts of the record as it stands that nobody acknowledged (an alert added since, an older record). */
	open: SafetyCheck;
	/** The conflicts that keeping the held plan points would bring in. */
	held: SafetyCheck;
}

/** What the session page shows of safety: the alerts, the acknowledgements, and what still needs one. */
export async function loadSessionSafety(db: Db, session: SessionRecord): Promise<SessionSafety> {
	const { intakeSubmitted, alerts } = await currentSafetyAlerts(db, session.patientId);
	const acknowledgements = await listSessionAcknowledgements(db, session.id);
	const acknowledged = new Set(acknowledgements.map((a) => a.key));
	const current = checkTreatment(alerts, sessionTreatment(session.points, session.techniques));
	const withHeld = checkTreatment(alerts, sessionTreatment([...session.points, ...session.heldPlanPoints], session.techniques));
	return { intakeSubmitted, alerts, acknowledgements, open: openConflicts(current, acknowledged), held: introducedConflicts(current, withHeld, acknowledged) };
}
