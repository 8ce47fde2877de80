/* Tables of the clinical record (issue #7): the plan part. Database (schema.ts) includes them. */

export type TreatmentPlanStatus = 'active' | 'closed';

export interface TreatmentPlanTable {
	id: string;
	patient_id: string;
	/** The staff member who wrote this version of the plan. */
	created_by: string;
	status: TreatmentPlanStatus;
	/** JSON: the goals, in the patient's words (their PSFS activities by default). */
	goals: string;
	frequency_per_week: number;
	planned_sessions: number;
	/** Clinic-local date, YYYY-MM-DD. */
	review_date: string;
	/** JSON: [{ code, side: left|right|both|midline, deep }]. */
	points: string;
	electroacupuncture: number;
	moxibustion: number;
	bloodletting: number;
	notes: string;
	created_at: string;
	updated_at: string;
}

/** A practitioner's acknowledgement, with a reason, of a conflict between the care and an alert. */
export interface ContraindicationOverrideTable {
	id: string;
	patient_id: string;
	plan_id: string | null;
	session_id: string | null;
	alert_code: string;
	/** JSON: the acknowledged conflict (safety/alerts.ts SafetyConflict). */
	conflict: string;
	reason: string;
	staff_id: string;
	created_at: string;
}

export interface PlanTables {
	treatment_plan: TreatmentPlanTable;
	contraindication_override: ContraindicationOverrideTable;
}
