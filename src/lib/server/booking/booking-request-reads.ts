import type { Db } from '../db/database';

/*
 * The bookings awaiting the desk's approval (issue #17), as the desk's list shows them
 * (docs/architecture.md, "One owner per table").
 */

/** New patients' online bookings awaiting approval, soonest visit first, with the patient, service and practitioner names. */
export async function pendingBookingRequests(db: Db) {
	return db.kysely
		.selectFrom('appointment')
		.innerJoin('patient', 'patient.id', 'appointment.patient_id')
		.innerJoin('service', 'service.id', 'appointment.service_id')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.created_at',
			'patient.id as patient_id',
			'patient.family_name',
			'patient.given_name',
			'service.name_ja',
			'service.name_en',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en'
		])
		.where('appointment.approval', '=', 'pending')
		.where('appointment.status', '=', 'booked')
		.orderBy('appointment.starts_at')
		.execute();
}
