import type { Db } from '../db/database';

/*
 * The visits as the billing desk reads them (docs/architecture.md, "One owner per table"): who
 * came, who treated them and what was booked. Money only: never the visit's note or self-check.
 */

/** The visit the desk charges, with its patient, practitioner and booked service (null columns without one); undefined without a patient. */
export async function findVisitForCharge(db: Db, appointmentId: string) {
	return db.kysely
		.selectFrom('appointment as a')
		.innerJoin('patient as p', 'p.id', 'a.patient_id')
		.innerJoin('practitioner as pr', 'pr.id', 'a.practitioner_id')
		.leftJoin('service as s', 's.id', 'a.service_id')
		.select(['a.id', 'a.status', 'a.starts_at', 'p.id as patient_id', 'p.patient_number', 'p.family_name', 'p.given_name', 'p.insurer_number'])
		.select(['pr.family_name_ja', 'pr.given_name_ja', 'pr.family_name_en', 'pr.given_name_en', 'pr.staff_id'])
		.select(['s.id as service_id', 's.name_ja as service_ja', 's.name_en as service_en', 's.price_jpy'])
		.where('a.id', '=', appointmentId)
		.executeTakeFirst();
}

/** The names of the practitioner of the visit, or undefined for an unknown visit. */
export async function findVisitPractitionerNames(db: Db, appointmentId: string) {
	return db.kysely
		.selectFrom('appointment')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.select(['family_name_ja', 'given_name_ja', 'family_name_en', 'given_name_en'])
		.where('appointment.id', '=', appointmentId)
		.executeTakeFirst();
}
