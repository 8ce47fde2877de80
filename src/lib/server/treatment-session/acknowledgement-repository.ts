/* The session's acknowledgements of safety conflicts: contraindication_override rows with a session_id, read and written through the plan repository. */
import { conflictKey } from '../../domain/clinical/safety-check';
import { CONFLICT_SOURCES, type SafetyConflict } from '../../domain/safety/alerts';
import type { Db } from '../db/database';
import { insertOverride, listSessionOverrideRows } from '../treatment-plan/plan-repository';

/** A practitioner's acknowledgement, in a session, of a conflict with the patient's safety alerts or a point's caution. */
export interface SessionAcknowledgement {
	id: string;
	key: string;
	conflict: SafetyConflict;
	reason: string;
	staffName: string;
	createdAt: string;
}

/** The session's acknowledgements, oldest first; those saved together contraindications first, then by source. */
export async function listSessionAcknowledgements(db: Db, sessionId: string): Promise<SessionAcknowledgement[]> {
	const rows = await listSessionOverrideRows(db, sessionId);
	const acknowledgements = rows.flatMap((r): SessionAcknowledgement[] => {
		let conflict: SafetyConflict;
		try {
			conflict = JSON.parse(r.conflict) as SafetyConflict;
		} catch {
			return [];
		}
		return [{ id: r.id, key: conflictKey(conflict), conflict, reason: r.reason, staffName: r.display_name, createdAt: r.created_at }];
	});
	const rank = (a: SessionAcknowledgement) => Number(a.conflict.severity !== 'contraindication');
	const source = (a: SessionAcknowledgement) => CONFLICT_SOURCES.indexOf(a.conflict.alertCode);
	return acknowledgements.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || rank(a) - rank(b) || source(a) - source(b));
}

export async function insertSessionAcknowledgement(
	db: Db,
	row: { patientId: string; sessionId: string; conflict: SafetyConflict; reason: string; staffId: string },
	at: string
): Promise<string> {
	return insertOverride(db, row, at);
}
