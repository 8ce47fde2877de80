import { toSafetyFacts } from '../../domain/intake/safety-facts';
import { deriveSafetyAlerts, type SafetyAlert } from '../../domain/safety/alerts';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findNewestIntake } from '../intake/intake-repository';
import { getActivePlan } from './get-active-plan';
import { findPlanPatient, type PlanPatient, type TreatmentPlan } from './plan-repository';
import { planSuggestions, type PlanSuggestions } from './plan-suggestions';

export interface PlanPage {
	patient: PlanPatient;
	/** Whether an intake was submitted: without one, the alerts are unknown, not absent. */
	intakeSubmitted: boolean;
	safetyAlerts: SafetyAlert[];
	activePlan: TreatmentPlan | null;
	suggestions: PlanSuggestions;
}

/** Everything the plan page shows; null for an unknown or merged-away patient. Each read is audited. */
export async function loadPlanPage(db: Db, patientId: string, actor: AuditActor): Promise<PlanPage | null> {
	const patient = await findPlanPatient(db, patientId);
	if (!patient) return null;
	const intake = await findNewestIntake(db, patientId, 'submitted');
	return {
		patient,
		intakeSubmitted: intake !== null,
		safetyAlerts: intake ? deriveSafetyAlerts(toSafetyFacts(intake.answers)) : [],
		activePlan: await getActivePlan(db, patientId, actor),
		suggestions: await planSuggestions(db, patientId, actor)
	};
}
