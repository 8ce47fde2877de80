import {
	AFFECTED_SIDES,
	NERVE_ROOTS,
	PLAN_PATTERNS,
	suggestPoints,
	type AffectedSide,
	type NerveRoot,
	type PlanPattern,
	type PointSuggestion
} from '../../domain/clinical/point-suggestions';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findNewestIntake } from '../intake/intake-repository';
import { latestExamination, type LatestExamination } from '../examination/latest-examination';
import { baselinePsfsActivities } from './plan-repository';

export interface PlanSuggestions {
	/** The newest examination's facts; null before the first examination. */
	exam: LatestExamination | null;
	/** The root the suggestions use: the confirmed one, else the suggested one. */
	root: NerveRoot | null;
	pattern: PlanPattern | null;
	/** The painful leg, from the intake's complaint. */
	side: AffectedSide | null;
	points: PointSuggestion[];
	/** The patient's PSFS activities at baseline: the plan's goals by default. */
	goals: string[];
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
	return values.includes(value as T) ? (value as T) : null;
}

/**
 * The starting plan for a patient: point suggestions from the newest examination's pattern and
 * root and the intake's painful side (docs/clinical-rules.md §2), and goals from the baseline PSFS. Audited.
 */
export async function planSuggestions(db: Db, patientId: string, actor: AuditActor): Promise<PlanSuggestions> {
	const exam = await latestExamination(db, patientId);
	const intake = await findNewestIntake(db, patientId, 'submitted');
	const root = oneOf(NERVE_ROOTS, exam?.confirmedRoot) ?? oneOf(NERVE_ROOTS, exam?.suggestedRoot);
	const pattern = oneOf(PLAN_PATTERNS, exam?.pattern);
	const side = oneOf(AFFECTED_SIDES, intake?.answers.complaint?.side);
	const goals = await baselinePsfsActivities(db, patientId);
	await recordAudit(db, actor, {
		action: 'plan.suggestions.read',
		entityType: 'patient',
		entityId: patientId,
		patientId,
		detail: { fromExamination: exam !== null, root, pattern, goals: goals.length }
	});
	return { exam, root, pattern, side, points: suggestPoints({ pattern, root, side }), goals };
}
