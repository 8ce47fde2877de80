/*
 * The contraindication check of a treatment plan (issue #7, docs/clinical-rules.md §3): the conflicts of
 * safety/alerts.ts, each with a stable key the form and the stored acknowledgement use. Every
 * conflict, caution or contraindication, needs an acknowledgement with a reason before the plan
 * is saved; contraindications come first and are shown prominently. Pure.
 */
import { checkPlanAgainstAlerts, type PlanConflict, type PlanToCheck, type SafetyAlert } from '../safety/alerts';

export interface CheckedConflict {
	/** Stable for the same alert, kind and point: e.g. `anticoagulants.deepNeedling.BL40`. */
	key: string;
	conflict: PlanConflict;
	/** Whether saving needs a written reason. Every conflict does (issue #7). */
	needsReason: boolean;
	/** Contraindications are shown above cautions and marked as such. */
	prominent: boolean;
}

export interface PlanCheck {
	conflicts: CheckedConflict[];
	hasContraindication: boolean;
}

/** The key of a conflict: alert, kind and, where the conflict is about a point, the point. */
export function conflictKey(conflict: PlanConflict): string {
	const parts: string[] = [conflict.alertCode, conflict.kind];
	if ('pointCode' in conflict) parts.push(conflict.pointCode);
	return parts.join('.');
}

/** The plan's conflicts with the alerts: contraindications first, otherwise in the alerts' order. */
export function checkPlan(alerts: readonly SafetyAlert[], plan: PlanToCheck): PlanCheck {
	const seen = new Set<string>();
	const checked: CheckedConflict[] = [];
	for (const conflict of checkPlanAgainstAlerts(alerts, plan)) {
		const key = conflictKey(conflict);
		if (seen.has(key)) continue;
		seen.add(key);
		checked.push({ key, conflict, needsReason: true, prominent: conflict.severity === 'contraindication' });
	}
	const conflicts = [...checked.filter((c) => c.prominent), ...checked.filter((c) => !c.prominent)];
	return { conflicts, hasContraindication: conflicts.some((c) => c.prominent) };
}

/** The conflicts that need a reason and have none (a blank reason is none). */
export function unacknowledgedConflicts(check: PlanCheck, reasons: Readonly<Record<string, string>>): CheckedConflict[] {
	return check.conflicts.filter((c) => c.needsReason && (reasons[c.key] ?? '').trim() === '');
}
