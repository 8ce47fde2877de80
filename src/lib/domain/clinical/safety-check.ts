/*
 * The safety check of care, planned or recorded (issue #7, issue #15, docs/clinical-rules.md §3):
 * the conflicts of safety/alerts.ts, each with a stable key the forms and the stored
 * acknowledgements use. Every conflict, caution or contraindication, needs an acknowledgement
 * with a reason before the care is saved; contraindications come first and are shown
 * prominently. The treatment plan and the session record both call `checkTreatment`. Pure.
 */
import { findSafetyConflicts, type SafetyAlert, type SafetyConflict, type TreatmentToCheck } from '../safety/alerts';

export interface CheckedConflict {
	/** Stable for the same source, kind and point: e.g. `anticoagulants.deepNeedling.BL40`. */
	key: string;
	conflict: SafetyConflict;
	/** Whether saving needs a written reason. Every conflict does (issue #7). */
	needsReason: boolean;
	/** Contraindications are shown above cautions and marked as such. */
	prominent: boolean;
}

export interface SafetyCheck {
	conflicts: CheckedConflict[];
	hasContraindication: boolean;
}

/** The key of a conflict: its source, kind and, where the conflict is about a point, the point. */
export function conflictKey(conflict: SafetyConflict): string {
	const parts: string[] = [conflict.alertCode, conflict.kind];
	if ('pointCode' in conflict) parts.push(conflict.pointCode);
	return parts.join('.');
}

function ordered(conflicts: readonly CheckedConflict[]): SafetyCheck {
	const sorted = [...conflicts.filter((c) => c.prominent), ...conflicts.filter((c) => !c.prominent)];
	return { conflicts: sorted, hasContraindication: sorted.some((c) => c.prominent) };
}

/** The care's conflicts with the alerts and the points' cautions: contraindications first, otherwise in the rule's order. */
export function checkTreatment(alerts: readonly SafetyAlert[], care: TreatmentToCheck): SafetyCheck {
	const seen = new Set<string>();
	const checked: CheckedConflict[] = [];
	for (const conflict of findSafetyConflicts(alerts, care)) {
		const key = conflictKey(conflict);
		if (seen.has(key)) continue;
		seen.add(key);
		checked.push({ key, conflict, needsReason: true, prominent: conflict.severity === 'contraindication' });
	}
	return ordered(checked);
}

/** The conflicts that need a reason and have none (a blank reason is none). */
export function unacknowledgedConflicts(check: SafetyCheck, reasons: Readonly<Record<string, string>>): CheckedConflict[] {
	return check.conflicts.filter((c) => c.needsReason && (reasons[c.key] ?? '').trim() === '');
}

/**
 * What a change to a record brings in: the conflicts of the care after the change that the care
 * before it did not have and that were not acknowledged already. A conflict that was there before
 * (an alert added since, say) is not the change's; the record shows it for acknowledgement on its own.
 */
export function introducedConflicts(before: SafetyCheck, after: SafetyCheck, acknowledged: ReadonlySet<string>): SafetyCheck {
	const earlier = new Set(before.conflicts.map((c) => c.key));
	return ordered(after.conflicts.filter((c) => !earlier.has(c.key) && !acknowledged.has(c.key)));
}

/** The conflicts of a check that have no acknowledgement yet. */
export function openConflicts(check: SafetyCheck, acknowledged: ReadonlySet<string>): SafetyCheck {
	return ordered(check.conflicts.filter((c) => !acknowledged.has(c.key)));
}
