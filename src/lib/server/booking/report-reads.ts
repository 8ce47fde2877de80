import type { Db } from '../db/database';

/*
 * The visits the owner's reports read (reports/report-repository.ts, reports/retention-report.ts;
 * docs/architecture.md, "One owner per table"), as set-based queries over a period: instants
 * `start`…`end` (the end not included) and, when given, one practitioner. The money is billing's:
 * billing/report-reads.ts.
 */

const ATTENDED = ['arrived', 'completed'] as const;

export interface VisitReportScope {
	/** ISO instants of the period's start and end (not included). */
	start: string;
	end: string;
	practitionerId: string | null;
}

/** Every appointment starting in the period (of the practitioner, when given), whatever its status. */
export async function visitsForReport(db: Db, scope: VisitReportScope) {
	const mine = scope.practitionerId;
	return db.kysely
		.selectFrom('appointment')
		.select(['id', 'patient_id', 'practitioner_id', 'bed_id', 'service_id', 'starts_at', 'ends_at', 'status'])
		.where('starts_at', '>=', scope.start)
		.where('starts_at', '<', scope.end)
		.$if(mine !== null, (q) => q.where('practitioner_id', '=', mine!))
		.execute();
}

/** First visits: attended in the period with no attended visit of the same patient before it. */
export async function firstVisitsForReport(db: Db, scope: VisitReportScope) {
	const mine = scope.practitionerId;
	return db.kysely
		.selectFrom('appointment as a')
		.select(['a.patient_id', 'a.starts_at', 'a.practitioner_id'])
		.where('a.status', 'in', ATTENDED)
		.where('a.starts_at', '>=', scope.start)
		.where('a.starts_at', '<', scope.end)
		.where('a.patient_id', 'is not', null)
		.$if(mine !== null, (q) => q.where('a.practitioner_id', '=', mine!))
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('appointment as b')
						.select('b.id')
						.whereRef('b.patient_id', '=', 'a.patient_id')
						.where('b.status', 'in', ATTENDED)
						.where((eb) =>
							eb.or([eb('b.starts_at', '<', eb.ref('a.starts_at')), eb.and([eb('b.starts_at', '=', eb.ref('a.starts_at')), eb('b.id', '<', eb.ref('a.id'))])])
						)
				)
			)
		)
		.execute();
}

/**
 * The patients treated in the period (by the practitioner, when given): the outcome cohort, as a
 * subquery (not run) for the reads that follow the cohort, such as their check-ins.
 */
export function reportCohort(db: Db, scope: VisitReportScope) {
	const mine = scope.practitionerId;
	return db.kysely
		.selectFrom('appointment')
		.select('patient_id')
		.where('status', 'in', ATTENDED)
		.where('starts_at', '>=', scope.start)
		.where('starts_at', '<', scope.end)
		.where('patient_id', 'is not', null)
		.$if(mine !== null, (q) => q.where('practitioner_id', '=', mine!));
}

/** Every attended visit of the cohort's patients before the period's end (any practitioner): their course of treatment. */
export async function cohortVisitsForReport(db: Db, scope: VisitReportScope) {
	return db.kysely
		.selectFrom('appointment')
		.select(['id', 'patient_id', 'practitioner_id', 'starts_at'])
		.where('status', 'in', ATTENDED)
		.where('starts_at', '<', scope.end)
		.where('patient_id', 'in', reportCohort(db, scope))
		.execute();
}

/** Every patient's booking (blocked time left out) starting before `beforeIso`: the retention figures (次回予約率, 再来率, 平均来店間隔). */
export async function visitsForRetention(db: Db, beforeIso: string) {
	return db.kysely
		.selectFrom('appointment')
		.select(['id', 'patient_id', 'practitioner_id', 'starts_at', 'created_at', 'status'])
		.where('patient_id', 'is not', null)
		.where('status', '!=', 'blocked')
		.where('starts_at', '<', beforeIso)
		.execute();
}
