/*
 * What the other parts of the clinical record need from the examinations: the treatment plan reads
 * the newest root and pattern, the session refuses needles while the newest examination found an
 * emergency-level red flag again, or an urgent or see-doctor one nobody acknowledged
 * (docs/clinical-rules.md §1).
 */
import { examRedFlagLevel, sessionGate, type SessionGate } from '../../domain/clinical/exam-red-flags';
import type { Pattern, Root } from '../../domain/clinical/examination';
import { normaliseFindings, PATTERNS, ROOTS } from '../../domain/clinical/examination';
import type { TriageLevel } from '../../domain/triage/assess';
import type { Db } from '../db/database';

export interface LatestExamination {
	examinationId: string;
	kind: 'initial' | 'reassessment';
	examinedAt: string;
	/** The root the practitioner confirmed; null before confirmation or when they could not tell. */
	confirmedRoot: Root | null;
	/** The root the rule suggested from the findings; null when the findings pointed to none. */
	suggestedRoot: Root | null;
	/** The confirmed pattern, or the suggested one until confirmed. */
	pattern: Pattern | null;
	/** Blocks treatment: an emergency-level red flag. */
	redFlagPositive: boolean;
	/** The level its red flags reach (docs/clinical-rules.md §1). */
	redFlagLevel: TriageLevel;
	/** Whether the practitioner acknowledged an urgent or see-doctor finding. */
	acknowledged: boolean;
}

const asRoot = (value: string | null): Root | null => ((ROOTS as readonly (string | null)[]).includes(value) ? (value as Root) : null);
const asPattern = (value: string | null): Pattern | null => ((PATTERNS as readonly (string | null)[]).includes(value) ? (value as Pattern) : null);

/** The newest examination of a patient (by the time it was made), or null before the first one. Not audited: no findings leave. */
export async function latestExamination(db: Db, patientId: string): Promise<LatestExamination | null> {
	const row = await db.kysely
		.selectFrom('examination')
		.select(['id', 'kind', 'examined_at', 'confirmed_root', 'suggested_root', 'pattern', 'red_flag_positive', 'findings', 'red_flag_acknowledged_at'])
		.where('patient_id', '=', patientId)
		.orderBy('examined_at', 'desc')
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	if (!row) return null;
	return {
		examinationId: row.id,
		kind: row.kind,
		examinedAt: row.examined_at,
		confirmedRoot: asRoot(row.confirmed_root),
		suggestedRoot: asRoot(row.suggested_root),
		pattern: asPattern(row.pattern),
		redFlagPositive: Number(row.red_flag_positive) === 1,
		redFlagLevel: examRedFlagLevel(normaliseFindings(parsed(row.findings)).redFlags),
		acknowledged: row.red_flag_acknowledged_at !== null
	};
}

function parsed(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}

/**
 * Whether a session may start, by the newest examination's red flags (docs/clinical-rules.md §1):
 * blocked by an emergency-level finding, waiting for the practitioner's acknowledgement of an
 * urgent or see-doctor one. A later examination without them (after the doctor has seen the
 * patient) lifts either.
 */
export async function redFlagSessionGate(db: Db, patientId: string): Promise<{ gate: SessionGate; examinationId: string | null }> {
	const latest = await latestExamination(db, patientId);
	if (!latest) return { gate: 'clear', examinationId: null };
	return { gate: sessionGate(latest.redFlagLevel, latest.acknowledged), examinationId: latest.examinationId };
}

/** Whether treatment is blocked outright: the newest examination found an emergency-level red flag. */
export async function hasBlockingRedFlag(db: Db, patientId: string): Promise<boolean> {
	return (await redFlagSessionGate(db, patientId)).gate === 'blocked';
}
