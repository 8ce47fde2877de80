import type { Db } from '../db/database';

/*
 * The visits of series as the series pages show them (docs/architecture.md, "One owner per
 * table"); the lookups by series without names are in appointment-repository.ts.
 */

/** Every visit of the series, in time order, with the practitioner's names. */
export async function seriesVisitsWithPractitioner(db: Db, seriesId: string) {
	return db.kysely
		.selectFrom('appointment')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.ends_at',
			'appointment.status',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en'
		])
		.where('appointment.series_id', '=', seriesId)
		.orderBy('appointment.starts_at')
		.execute();
}

/** The visits of any series that start in [startIso, endIso) and are booked, arrived or completed, in time order, with the patient's name. */
export async function seriesVisitsBetween(db: Db, startIso: string, endIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.innerJoin('patient', 'patient.id', 'appointment.patient_id')
		.select(['appointment.id', 'appointment.series_id', 'appointment.starts_at', 'patient.family_name', 'patient.given_name'])
		.where('appointment.series_id', 'is not', null)
		.where('appointment.status', 'in', ['booked', 'arrived', 'completed'])
		.where('appointment.starts_at', '>=', startIso)
		.where('appointment.starts_at', '<', endIso)
		.orderBy('appointment.starts_at')
		.execute();
}
