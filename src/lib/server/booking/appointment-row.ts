import { randomUUID } from 'node:crypto';
import type { Slot } from '../../domain/scheduling/availability';
import type { Appointment } from '../db/schema';

/** A new appointment in a free slot: its hold runs on through the service's buffer. */
export function appointmentRow(input: {
	slot: Slot;
	patientId: string | null;
	serviceId: string;
	bufferMinutes: number;
	source: Appointment['source'];
	locale: Appointment['locale'];
	now: number;
	firstVisit?: boolean;
	/** Self-check answers that came with the booking, with the level and reasons they reached. */
	triage?: { answers: unknown; level: string; reasons: readonly string[] };
	manageTokenHash?: string | null;
	/** The cancellation policy version the patient ticked (issue #17). */
	policyVersion?: number | null;
	/** The series the visit belongs to (issue #17). */
	seriesId?: string | null;
	/** 'pending' while a new patient's online booking waits for the desk (issue #17). */
	approval?: 'pending' | null;
}): Appointment {
	return {
		id: randomUUID(),
		patient_id: input.patientId,
		practitioner_id: input.slot.practitionerId,
		bed_id: input.slot.bedId,
		service_id: input.serviceId,
		starts_at: new Date(input.slot.start).toISOString(),
		ends_at: new Date(input.slot.end).toISOString(),
		held_until: new Date(input.slot.end + input.bufferMinutes * 60_000).toISOString(),
		status: 'booked',
		source: input.source,
		first_visit: input.firstVisit ? 1 : 0,
		triage: input.triage ? JSON.stringify(input.triage.answers) : null,
		triage_level: input.triage?.level ?? null,
		triage_reasons: input.triage ? JSON.stringify(input.triage.reasons) : null,
		triage_given_at: input.triage ? new Date(input.now).toISOString() : null,
		manage_token_hash: input.manageTokenHash ?? null,
		locale: input.locale,
		note: '',
		created_at: new Date(input.now).toISOString(),
		cancelled_at: null,
		red_flag_level: null,
		confirmed_at: null,
		change_requested_at: null,
		answered_via: null,
		policy_version: input.policyVersion ?? null,
		series_id: input.seriesId ?? null,
		approval: input.approval ?? null,
		released_from: null
	};
}
