import type { Db } from '../db/database';

/*
 * The visits as the schedule shows them (docs/architecture.md, "One owner per table"): the desk's
 * day and week views, and a practitioner's calendar feed. One query each over a span of time.
 */

/** Every appointment starting in [startIso, endIso), cancelled ones only when asked, in time order, with the names the schedule shows. */
export async function scheduledVisitsBetween(db: Db, startIso: string, endIso: string, options: { includeCancelled?: boolean } = {}) {
	let query = db.kysely
		.selectFrom('appointment as a')
		.innerJoin('practitioner as pr', 'pr.id', 'a.practitioner_id')
		.leftJoin('patient as p', 'p.id', 'a.patient_id')
		.leftJoin('service as s', 's.id', 'a.service_id')
		.leftJoin('bed as b', 'b.id', 'a.bed_id')
		.select([
			'a.id',
			'a.starts_at',
			'a.ends_at',
			'a.held_until',
			'a.status',
			'a.source',
			'a.note',
			'a.red_flag_level',
			'a.confirmed_at',
			'a.change_requested_at',
			'a.answered_via',
			'a.approval',
			'a.triage_level',
			'a.triage_reasons',
			'a.triage_given_at',
			'a.patient_id',
			'p.family_name',
			'p.given_name',
			'a.service_id',
			's.name_ja as service_ja',
			's.name_en as service_en',
			'a.practitioner_id',
			'pr.family_name_ja',
			'pr.given_name_ja',
			'pr.family_name_en',
			'pr.given_name_en',
			'a.bed_id',
			'b.name_ja as bed_ja',
			'b.name_en as bed_en'
		])
		.where('a.starts_at', '>=', startIso)
		.where('a.starts_at', '<', endIso);
	if (!options.includeCancelled) query = query.where('a.status', '!=', 'cancelled');
	return query.orderBy('a.starts_at').orderBy('a.id').execute();
}

/** The practitioner's appointments not cancelled that start in [fromIso, toIso), in time order, with the patient's names and the service. */
export async function practitionerVisitsBetween(db: Db, practitionerId: string, fromIso: string, toIso: string) {
	return db.kysely
		.selectFrom('appointment as a')
		.leftJoin('patient as p', 'p.id', 'a.patient_id')
		.leftJoin('service as s', 's.id', 'a.service_id')
		.select([
			'a.id',
			'a.starts_at',
			'a.ends_at',
			'a.status',
			'p.family_name',
			'p.given_name',
			'p.family_name_kana',
			'p.given_name_kana',
			's.name_ja',
			's.name_en'
		])
		.where('a.practitioner_id', '=', practitionerId)
		.where('a.status', '!=', 'cancelled')
		.where('a.starts_at', '>=', fromIso)
		.where('a.starts_at', '<', toIso)
		.orderBy('a.starts_at')
		.execute();
}
