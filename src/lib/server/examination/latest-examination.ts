/*
 * What the other parts of the clinical record need from the examinations: the treatment plan reads
 * the newest root and pattern, the session refuses needles while the newest examination found a
 * red flag again (docs/clinical-rules.md §1: a red flag means referral, not treatment).
 */
import type { Pattern, Root } from '../../domain/clinical/examination';
import { PATTERNS, ROOTS } from '../../domain/clinical/examination';
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
	redFlagPositive: boolean;
}

const asRoot = (value: string | null): Root | null => ((ROOTS as readonly (string | null)[]).includes(value) ? (value as Root) : null);
const asPattern = (value: string | null): Pattern | null => ((PATTERNS as readonly (string | null)[]).includes(value) ? (value as Pattern) : null);

/** The newest examination of a patient (by the time it was made), or null before the first one. Not audited: no findings leave. */
export async function latestExamination(db: Db, patientId: string): Promise<LatestExamination | null> {
	const row = await db.kysely
		.selectFrom('examination')
		.select(['id', 'kind', 'examined_at', 'confirmed_root', 'suggested_root', 'pattern', 'red_flag_positive'])
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
		redFlagPositive: Number(row.red_flag_positive) === 1
	};
}

/**
 * Whether treatment is blocked: the newest examination found a red flag again. A later
 * examination without one (after the doctor has seen the patient) lifts the block.
 */
export async function hasBlockingRedFlag(db: Db, patientId: string): Promise<boolean> {
	return (await latestExamination(db, patientId))?.redFlagPositive ?? false;
}
