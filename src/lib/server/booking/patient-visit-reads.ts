import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../db/database';
import type { AppointmentStatus, Database } from '../db/schema';

/*
 * One patient's visits as other capabilities list them (docs/architecture.md, "One owner per
 * table"): the chart's history, the portal's lists, the visits a course may be marked for, the
 * visits a session may start from, and the self-check answers given with bookings. Each is one
 * query on the patient's visits (indexed by patient), with the names it shows joined in.
 */

/** The patient's visits with the names a list shows: the service's and the practitioner's. */
function visitsWithNames(db: Db, patientId: string) {
	return db.kysely
		.selectFrom('appointment')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.leftJoin('service', 'service.id', 'appointment.service_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.status',
			'service.name_ja as service_ja',
			'service.name_en as service_en',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en'
		])
		.where('appointment.patient_id', '=', patientId);
}

/** The patient's visits, newest first, at most `limit`: with the service and practitioner names (the chart's history). */
export function patientVisitHistory(db: Db, patientId: string, limit: number) {
	return visitsWithNames(db, patientId)
		.select(['appointment.ends_at', 'appointment.triage_level'])
		.orderBy('appointment.starts_at', 'desc')
		.limit(limit)
		.execute();
}

/**
 * The patient's visits as the portal lists them (blocked time left out): those from `nowIso` on
 * that are not cancelled, soonest first, and at most `pastLimit` before it, newest first.
 */
export async function portalVisits(db: Db, patientId: string, nowIso: string, pastLimit: number) {
	const base = visitsWithNames(db, patientId).where('appointment.status', '!=', 'blocked');
	const [upcoming, past] = await Promise.all([
		base.where('appointment.starts_at', '>=', nowIso).where('appointment.status', '!=', 'cancelled').orderBy('appointment.starts_at').execute(),
		base.where('appointment.starts_at', '<', nowIso).orderBy('appointment.starts_at', 'desc').limit(pastLimit).execute()
	]);
	return { upcoming, past };
}

/** The patient's booked or arrived visits not over by `nowIso`, soonest first (at most 20), with the service and the course marked for each. */
export async function visitsForCourseMarks(db: Db, patientId: string, nowIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.leftJoin('service', 'service.id', 'appointment.service_id')
		.leftJoin('appointment_package', 'appointment_package.appointment_id', 'appointment.id')
		.select(['appointment.id', 'appointment.starts_at', 'appointment.service_id', 'service.name_ja', 'service.name_en', 'appointment_package.package_sale_id'])
		.where('appointment.patient_id', '=', patientId)
		.where('appointment.status', 'in', ['booked', 'arrived'])
		.where('appointment.ends_at', '>=', nowIso)
		.orderBy('appointment.starts_at')
		.limit(20)
		.execute();
}

/**
 * The patient's booked or arrived visits starting in [from, to), in time order, with the
 * practitioner's names and the self-check's level, leaving out those `started` says have begun (the
 * treatment record's own condition on `appointment.id`, so the query stays one).
 */
export async function visitsToStartBetween(
	db: Db,
	patientId: string,
	from: string,
	to: string,
	started: (eb: ExpressionBuilder<Database, 'appointment'>) => Expression<SqlBool>
) {
	return db.kysely
		.selectFrom('appointment')
		.leftJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.triage_level',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en'
		])
		.where('appointment.patient_id', '=', patientId)
		.where('appointment.status', 'in', ['booked', 'arrived'])
		.where('appointment.starts_at', '>=', from)
		.where('appointment.starts_at', '<', to)
		.where((eb) => eb.not(started(eb)))
		.orderBy('appointment.starts_at')
		.execute();
}

/** The patient's latest visit in one of `statuses` that started by `untilIso`, with the practitioner's staff account; undefined without one. */
export async function latestVisitUntil(db: Db, patientId: string, statuses: readonly AppointmentStatus[], untilIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.leftJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.select(['appointment.id', 'practitioner.staff_id'])
		.where('appointment.patient_id', '=', patientId)
		.where('appointment.status', 'in', statuses)
		.where('appointment.starts_at', '<=', untilIso)
		.orderBy('appointment.starts_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** The self-check answers the patient gave with their bookings (JSON), oldest booking first. */
export async function selfCheckAnswersOf(db: Db, patientId: string) {
	return db.kysely
		.selectFrom('appointment')
		.select(['triage', 'triage_given_at', 'created_at'])
		.where('patient_id', '=', patientId)
		.where('triage', 'is not', null)
		.orderBy('created_at')
		.execute();
}
