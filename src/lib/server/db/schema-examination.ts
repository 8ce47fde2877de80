import type { Generated } from 'kysely';

/* Tables of the clinical record (issue #7): the examination. Database (schema.ts) includes them. */

export interface ExaminationTable {
	id: string;
	patient_id: string;
	/** The visit the examination was made at, when it was made at a booked one. */
	appointment_id: string | null;
	practitioner_staff_id: string;
	kind: 'initial' | 'reassessment';
	examined_at: string;
	/** JSON: ExamFindings (domain/clinical/examination.ts). */
	findings: string;
	suggested_root: string | null;
	/** What the practitioner settled on: 'L4' | 'L5' | 'S1' | 'unclear'; null until confirmed. */
	confirmed_root: string | null;
	pattern: string | null;
	/** 1 when the findings block treatment: an emergency-level red flag (docs/clinical-rules.md §1). */
	red_flag_positive: number;
	/** An urgent or see-doctor finding taken on by the practitioner: when, who (staff id) and why. */
	red_flag_acknowledged_at: Generated<string | null>;
	red_flag_acknowledged_by: Generated<string | null>;
	red_flag_acknowledgement: Generated<string | null>;
	created_at: string;
	updated_at: string;
}

export interface ExaminationTables {
	examination: ExaminationTable;
}
