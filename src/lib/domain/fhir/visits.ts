/* Appointment for every booking of the patient; Encounter for each visit that took place (pure). */
import { compact, HL7, localCoding, present, referenceTo, type FhirContext } from './codes';
import type { Appointment, AppointmentStatusCode, CodeableConcept, Encounter } from './types';

export interface AppointmentRow {
	id: string;
	patient_id: string;
	practitioner_id: string;
	starts_at: string;
	ends_at: string;
	status: 'booked' | 'arrived' | 'completed' | 'no_show' | 'cancelled' | 'blocked';
	created_at: string;
	note: string;
	service_code: string | null;
	service_name_ja: string | null;
}

const APPOINTMENT_STATUS: Record<AppointmentRow['status'], AppointmentStatusCode> = {
	booked: 'booked',
	arrived: 'arrived',
	completed: 'fulfilled',
	no_show: 'noshow',
	cancelled: 'cancelled',
	// A block holds a practitioner's time and has no patient; it never reaches a patient's export.
	blocked: 'entered-in-error'
};

/** A visit happened when the patient arrived; only then is there an Encounter. */
export function isAttended(row: Pick<AppointmentRow, 'status'>): boolean {
	return row.status === 'arrived' || row.status === 'completed';
}

function serviceType(row: AppointmentRow, ctx: FhirContext): CodeableConcept[] | undefined {
	if (!row.service_code) return undefined;
	const name = present(row.service_name_ja);
	return [compact({ coding: [localCoding(ctx, 'service', row.service_code, name)], text: name })];
}

export function toFhirAppointment(row: AppointmentRow, ctx: FhirContext): Appointment {
	return compact({
		resourceType: 'Appointment' as const,
		id: row.id,
		status: APPOINTMENT_STATUS[row.status],
		serviceType: serviceType(row, ctx),
		start: row.starts_at,
		end: row.ends_at,
		created: row.created_at,
		comment: present(row.note),
		participant: [
			{ actor: referenceTo('Patient', row.patient_id), status: 'accepted' as const, required: 'required' as const },
			{ actor: referenceTo('Practitioner', row.practitioner_id), status: 'accepted' as const, required: 'required' as const }
		]
	});
}

/** The Encounter of an attended appointment shares the appointment's id. */
export function toFhirEncounter(row: AppointmentRow, ctx: FhirContext): Encounter {
	return compact({
		resourceType: 'Encounter' as const,
		id: row.id,
		// "arrived": the patient is here and the visit is not yet closed.
		status: row.status === 'completed' ? ('finished' as const) : ('arrived' as const),
		class: { system: HL7.actCode, code: 'AMB', display: 'ambulatory' },
		type: serviceType(row, ctx),
		subject: referenceTo('Patient', row.patient_id),
		participant: [{ individual: referenceTo('Practitioner', row.practitioner_id) }],
		appointment: [referenceTo('Appointment', row.id)],
		period: { start: row.starts_at, end: row.ends_at }
	});
}
