import type { Db } from '../db/database';

/*
 * The visits the recall list weighs (issue #17; docs/architecture.md, "One owner per table"): when
 * each patient last came, and who already has a next visit booked. Set-based, one query each.
 */

/**
 * Each patient's last visit they came to (arrived or completed) before `beforeIso`, with the
 * patient's name and contacts; merged and erased records are left out.
 */
export async function lastAttendedVisitOfEachPatient(db: Db, beforeIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.innerJoin('patient', 'patient.id', 'appointment.patient_id')
		.select((eb) => [
			'patient.id',
			'patient.family_name',
			'patient.given_name',
			'patient.patient_number',
			'patient.phone',
			'patient.email',
			eb.fn.max('appointment.starts_at').as('last_at')
		])
		.where('appointment.status', 'in', ['arrived', 'completed'])
		.where('appointment.starts_at', '<', beforeIso)
		.where('patient.merged_into_id', 'is', null)
		.where('patient.erased_at', 'is', null)
		.groupBy(['patient.id', 'patient.family_name', 'patient.given_name', 'patient.patient_number', 'patient.phone', 'patient.email'])
		.execute();
}

/** The patients with a visit booked from `fromIso` on, each once. */
export async function patientsBookedFrom(db: Db, fromIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.select('patient_id')
		.distinct()
		.where('status', '=', 'booked')
		.where('starts_at', '>=', fromIso)
		.where('patient_id', 'is not', null)
		.execute();
}
