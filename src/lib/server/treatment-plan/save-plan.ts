import type { z } from 'zod';
import { checkTreatment, unacknowledgedConflicts, type SafetyCheck } from '../../domain/clinical/safety-check';
import { issueMessageKey } from '../http/field-errors';
import { localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { latestSafetyAlerts } from '../intake/intake-service';
import { closeActivePlan, findActivePlan, findPlanPatient, insertActivePlan, insertOverride, type TreatmentPlan } from './plan-repository';
import { ZSavePlanSchema, type TSavePlanInput } from './schemas';
import { clinicTimeZone } from '../clinic/clinic-settings';

/** Field path (`frequencyPerWeek`, `goals.1`, `points`, `acknowledgements.<key>`) → catalogue key. */
export type PlanFieldCodes = Record<string, string>;

export type SavePlanResult =
	| { ok: true; plan: TreatmentPlan; replacedActivePlan: boolean }
	| { ok: false; code: 'invalid'; fields: PlanFieldCodes }
	/** The plan conflicts with the patient's alerts and some conflicts have no reason yet: nothing saved. */
	| { ok: false; code: 'needs_acknowledgement'; check: SafetyCheck; missing: string[] }
	| { ok: false; code: 'not_found' };

export interface SavePlanOptions {
	now?: Date;
	/** Clinic-local date for the review-date rule; by default today in the clinic's time zone. */
	today?: string;
}

function fieldCodes(issues: readonly z.core.$ZodIssue[]): PlanFieldCodes {
	const fields: PlanFieldCodes = {};
	for (const issue of issues) {
		const path = issue.path.map(String);
		// A point's own problem is shown once, for the points as a whole.
		const field = path[0] === 'points' ? 'points' : path.join('.') || '_';
		fields[field] ??= /^(treatmentPlan|validation)\./.test(issue.message) ? issue.message : issueMessageKey(issue);
	}
	return fields;
}

/**
 * Saves a new active plan for the patient, closing the one before. The plan is checked against
 * the patient's safety alerts (docs/clinical-rules.md §3); each conflict needs a reason, or nothing is saved and
 * the conflicts come back for the form to ask. Reasons are stored as contraindication overrides
 * and audited by alert and point, never with their text.
 */
export async function savePlan(
	db: Db,
	patientId: string,
	input: TSavePlanInput,
	staffId: string,
	actor: AuditActor,
	options: SavePlanOptions = {}
): Promise<SavePlanResult> {
	const now = options.now ?? db.clock.now();
	const today = options.today ?? localDate(now.getTime(), await clinicTimeZone(db));
	const parsed = ZSavePlanSchema(today).safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodes(parsed.error.issues) };
	const data = parsed.data;
	const at = now.toISOString();

	return withTransaction(db, async (tx): Promise<SavePlanResult> => {
		if (!(await findPlanPatient(tx, patientId))) return { ok: false, code: 'not_found' };
		const alerts = await latestSafetyAlerts(tx, patientId);
		const check = checkTreatment(alerts, {
			points: data.points,
			electroacupuncture: data.electroacupuncture,
			bloodletting: data.bloodletting,
			// A plan says whether moxibustion is used, not which kind: direct moxibustion is checked where the session records it.
			moxibustion: data.moxibustion ? 'unspecified' : null
		});
		const missing = unacknowledgedConflicts(check, data.acknowledgements);
		if (missing.length > 0) {
			await recordAudit(tx, actor, {
				action: 'plan.conflicts_found',
				entityType: 'patient',
				entityId: patientId,
				patientId,
				detail: { conflicts: check.conflicts.length, unacknowledged: missing.length, contraindication: check.hasContraindication }
			});
			return { ok: false, code: 'needs_acknowledgement', check, missing: missing.map((c) => c.key) };
		}

		const replacedActivePlan = await closeActivePlan(tx, patientId, at);
		const planId = await insertActivePlan(
			tx,
			{
				patientId,
				createdBy: staffId,
				goals: data.goals,
				frequencyPerWeek: data.frequencyPerWeek,
				plannedSessions: data.plannedSessions,
				reviewDate: data.reviewDate,
				points: data.points,
				electroacupuncture: data.electroacupuncture,
				moxibustion: data.moxibustion,
				bloodletting: data.bloodletting,
				notes: data.notes
			},
			at
		);
		await recordAudit(tx, actor, {
			action: 'plan.create',
			entityType: 'treatment_plan',
			entityId: planId,
			patientId,
			detail: {
				points: data.points.map((p) => p.code),
				deepPoints: data.points.filter((p) => p.deep).length,
				electroacupuncture: data.electroacupuncture,
				moxibustion: data.moxibustion,
				bloodletting: data.bloodletting,
				conflicts: check.conflicts.length,
				replacedActivePlan
			}
		});
		for (const { key, conflict } of check.conflicts) {
			const overrideId = await insertOverride(tx, { patientId, planId, conflict, reason: data.acknowledgements[key]!, staffId }, at);
			await recordAudit(tx, actor, {
				action: 'plan.contraindication_acknowledged',
				entityType: 'contraindication_override',
				entityId: overrideId,
				patientId,
				detail: {
					planId,
					alertCode: conflict.alertCode,
					severity: conflict.severity,
					kind: conflict.kind,
					pointCode: 'pointCode' in conflict ? conflict.pointCode : null
				}
			});
		}
		return { ok: true, plan: (await findActivePlan(tx, patientId))!, replacedActivePlan };
	});
}
