/* Tables of the clinical record (issue #7): the session part. Database (schema.ts) includes them. */
import type { Generated } from 'kysely';

export type PointSide = 'left' | 'right' | 'both' | 'midline';
export type AdverseEventKind = 'bruising' | 'bleeding' | 'pain' | 'fatigue' | 'fainting' | 'other';
export type AdverseEventSeverity = 'mild' | 'moderate' | 'serious';
export type AdverseEventOutcome = 'resolved' | 'resolving' | 'ongoing' | 'referred';

export interface TreatmentSessionTable {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	practitioner_staff_id: string;
	bed_id: string | null;
	started_at: string;
	/** Set when the needle counts matched; the record locks 24 hours later (施術録). */
	closed_at: string | null;
	pre_leg_pain: number | null;
	pre_back_pain: number | null;
	/** The outcome check-in the pre-session NRS came from (portal) or was recorded as (session). */
	check_in_id: string | null;
	needles_in: Generated<number>;
	needles_out: Generated<number>;
	retention_minutes: Generated<number>;
	/** Stored server-side so the retention timer survives a page reload. */
	timer_started_at: string | null;
	/** JSON SessionTechniques: { electroacupuncture, moxibustion, cupping }, each null when not used. */
	techniques: Generated<string>;
	notes: Generated<string>;
	/** JSON [{ code, side, deep }]: plan points held back at the start for acknowledgement (0017). */
	held_plan_points: Generated<string>;
	created_at: string;
	updated_at: string;
}

export interface SessionPointTable {
	id: string;
	session_id: string;
	/** An acupoint code from domain/acupoints (e.g. 'GB30'). */
	code: string;
	side: PointSide;
	/** Japanese gauge number (e.g. '1', '3', '5'). */
	gauge: string | null;
	length_mm: number | null;
	depth_mm: number | null;
	technique: string | null;
	deqi: string | null;
	/** 1 when needled deeply (the safety check asks about deep needling); 0 otherwise. */
	deep: Generated<number>;
	created_at: string;
}

export interface SessionAmendmentTable {
	id: string;
	session_id: string;
	staff_id: string;
	created_at: string;
	reason: string;
	/** JSON: the original values of the changed fields, kept as they were. */
	before: string;
	/** JSON: the values after the change. */
	after: string;
}

export interface AdverseEventTable {
	id: string;
	patient_id: string;
	session_id: string | null;
	occurred_at: string;
	kind: AdverseEventKind;
	severity: AdverseEventSeverity;
	outcome: AdverseEventOutcome;
	description: Generated<string>;
	staff_id: string;
	created_at: string;
}

export interface SessionTables {
	treatment_session: TreatmentSessionTable;
	session_point: SessionPointTable;
	session_amendment: SessionAmendmentTable;
	adverse_event: AdverseEventTable;
}
