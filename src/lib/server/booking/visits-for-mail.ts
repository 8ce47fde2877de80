import type { Db } from '../db/database';

/*
 * The visits as a patient's mail describes them (booking, approval and series mails): when, what,
 * with whom, to which address and in which language. One query shape for every such mail
 * (docs/architecture.md, "One owner per table"); a visit without a patient or service has no mail.
 */

function visitsForMail(db: Db) {
	return db.kysely
		.selectFrom('appointment')
		.innerJoin('patient', 'patient.id', 'appointment.patient_id')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.innerJoin('service', 'service.id', 'appointment.service_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.ends_at',
			'appointment.status',
			'appointment.approval',
			'appointment.locale',
			'appointment.policy_version',
			'appointment.practitioner_id',
			'patient.id as patient_id',
			'patient.email',
			'patient.family_name',
			'patient.given_name',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en',
			'service.name_ja',
			'service.name_en'
		]);
}

export type VisitForMail = Awaited<ReturnType<ReturnType<typeof visitsForMail>['execute']>>[number];

/** One visit for its mail, or undefined. */
export async function findVisitForMail(db: Db, appointmentId: string): Promise<VisitForMail | undefined> {
	return visitsForMail(db).where('appointment.id', '=', appointmentId).executeTakeFirst();
}

/** The series' visits still booked, in time order (the series' confirmation). */
export async function bookedSeriesVisitsForMail(db: Db, seriesId: string): Promise<VisitForMail[]> {
	return visitsForMail(db).where('appointment.series_id', '=', seriesId).where('appointment.status', '=', 'booked').orderBy('appointment.starts_at').execute();
}

/** Those of the visits that are cancelled, in time order (one mail for several cancelled together). */
export async function cancelledVisitsForMail(db: Db, appointmentIds: readonly string[]): Promise<VisitForMail[]> {
	return visitsForMail(db)
		.where('appointment.id', 'in', [...appointmentIds])
		.where('appointment.status', '=', 'cancelled')
		.orderBy('appointment.starts_at')
		.execute();
}
