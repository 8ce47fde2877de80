/*
 * Adverse events (docs/clinical-rules.md §3) from the two places they are recorded: a patient's side-effect
 * report from the portal, and the practitioner's entry in a session record. Severity and
 * seriousness use the R4 HL7 code systems; the kind is coded in our own adverse-event-kind system.
 * R4 AdverseEvent has no note element, so the patient's description travels as the narrative.
 */
import { compact, concept, HL7, localCoding, present, referenceTo, textNarrative, type FhirContext } from './codes';
import type { AdverseEvent, CodeableConcept } from './types';

export interface SideEffectReportRow {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	created_at: string;
	kind: string;
	severity: string;
	description: string;
}

export interface AdverseEventRow {
	id: string;
	patient_id: string;
	session_id: string | null;
	/** The session's appointment, when the session was booked. */
	appointment_id: string | null;
	occurred_at: string;
	kind: string;
	severity: string;
	outcome: string;
	description: string;
	created_at: string;
	/** The recording staff member's practitioner id, when they are a practitioner. */
	recorder_practitioner_id: string | null;
}

export interface AdverseEventContext extends FhirContext {
	encounterIds: ReadonlySet<string>;
	/** Sessions exported as Procedures: only those may be named as the suspect. */
	procedureIds: ReadonlySet<string>;
}

const KIND_DISPLAY: Record<string, string> = {
	bruising: 'Bruising',
	bleeding: 'Bleeding',
	pain: 'Pain or soreness',
	fatigue: 'Fatigue or drowsiness',
	fainting: 'Fainting or feeling faint',
	other: 'Other'
};

const SEVERITY: Record<string, { code: string; display: string }> = {
	mild: { code: 'mild', display: 'Mild' },
	moderate: { code: 'moderate', display: 'Moderate' },
	serious: { code: 'severe', display: 'Severe' }
};

const OUTCOME: Record<string, { code: string; display: string; text?: string }> = {
	resolved: { code: 'resolved', display: 'Resolved' },
	resolving: { code: 'recovering', display: 'Recovering' },
	ongoing: { code: 'ongoing', display: 'Ongoing' },
	// Sent on to a doctor: from the clinic's side the event has not resolved yet.
	referred: { code: 'ongoing', display: 'Ongoing', text: 'Referred to a doctor' }
};

function eventConcept(kind: string, ctx: FhirContext): CodeableConcept {
	const display = KIND_DISPLAY[kind] ?? kind;
	return concept(localCoding(ctx, 'adverse-event-kind', kind, display), display);
}

function graded(severity: string): Pick<AdverseEvent, 'severity' | 'seriousness'> {
	const grade = SEVERITY[severity] ?? SEVERITY.mild!;
	const serious = severity === 'serious';
	return {
		severity: concept({ system: HL7.adverseEventSeverity, ...grade }),
		seriousness: concept({ system: HL7.adverseEventSeriousness, code: serious ? 'Serious' : 'Non-serious', display: serious ? 'Serious' : 'Non-serious' })
	};
}

/** What a patient's side-effect report and a practitioner's record share. */
function reported(
	row: { id: string; description: string; kind: string; patient_id: string; appointment_id: string | null; severity: string; created_at: string },
	ctx: AdverseEventContext,
	date: string
) {
	const description = present(row.description);
	return {
		resourceType: 'AdverseEvent' as const,
		id: row.id,
		text: description ? textNarrative(description) : undefined,
		actuality: 'actual' as const,
		event: eventConcept(row.kind, ctx),
		subject: referenceTo('Patient', row.patient_id),
		encounter: row.appointment_id && ctx.encounterIds.has(row.appointment_id) ? referenceTo('Encounter', row.appointment_id) : undefined,
		date,
		recordedDate: row.created_at,
		...graded(row.severity)
	};
}

export function sideEffectAdverseEvent(row: SideEffectReportRow, ctx: AdverseEventContext): AdverseEvent {
	return compact({ ...reported(row, ctx, row.created_at), recorder: referenceTo('Patient', row.patient_id) });
}

export function sessionAdverseEvent(row: AdverseEventRow, ctx: AdverseEventContext): AdverseEvent {
	const outcome = OUTCOME[row.outcome];
	return compact({
		...reported(row, ctx, row.occurred_at),
		outcome: outcome ? concept({ system: HL7.adverseEventOutcome, code: outcome.code, display: outcome.display }, outcome.text) : undefined,
		recorder: row.recorder_practitioner_id ? referenceTo('Practitioner', row.recorder_practitioner_id) : undefined,
		suspectEntity: row.session_id && ctx.procedureIds.has(row.session_id) ? [{ instance: referenceTo('Procedure', row.session_id) }] : undefined
	});
}
