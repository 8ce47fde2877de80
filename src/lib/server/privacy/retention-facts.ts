import { retentionDuties, type RetentionDuty, type RetentionFacts, type TreatmentKind } from '../../domain/patients/retention';
import { localDate } from '../../domain/time';
import type { Db } from '../db/database';

/** Appointment states that mean the person was treated: arrived (in the clinic now) or completed. */
export const TREATED_VISIT_STATUSES = ['completed', 'arrived'] as const;

/**
 * What the retention rules need about one patient: the days of every treatment of any kind (a
 * session, a completed visit, an assessment) and of every money record, in the clinic's time zone.
 */
export async function loadRetentionFacts(db: Db, patientId: string, timeZone: string): Promise<RetentionFacts> {
	const [sessions, visits, examinations, charges, payments, receipts] = await Promise.all([
		db.kysely.selectFrom('treatment_session').select('started_at as at').where('patient_id', '=', patientId).execute(),
		db.kysely.selectFrom('appointment').select('starts_at as at').where('patient_id', '=', patientId).where('status', 'in', TREATED_VISIT_STATUSES).execute(),
		db.kysely.selectFrom('examination').select('examined_at as at').where('patient_id', '=', patientId).execute(),
		db.kysely.selectFrom('charge').select('service_date').where('patient_id', '=', patientId).execute(),
		db.kysely.selectFrom('payment').select('received_at as at').where('patient_id', '=', patientId).execute(),
		db.kysely.selectFrom('receipt').select('issued_at as at').where('patient_id', '=', patientId).execute()
	]);
	const day = (at: string) => localDate(Date.parse(at), timeZone);
	const treatments: Array<{ kind: TreatmentKind; day: string }> = [
		...sessions.map((r) => ({ kind: 'session' as const, day: day(r.at) })),
		...visits.map((r) => ({ kind: 'visit' as const, day: day(r.at) })),
		...examinations.map((r) => ({ kind: 'examination' as const, day: day(r.at) }))
	];
	const accountingDays = [...charges.map((r) => r.service_date), ...payments.map((r) => day(r.at)), ...receipts.map((r) => day(r.at))];
	return { treatments, accountingDays };
}

/** The patient's retention duties as of `now`, in the clinic's time zone. */
export async function loadRetentionDuties(db: Db, patientId: string, timeZone: string, now: Date): Promise<RetentionDuty[]> {
	return retentionDuties(await loadRetentionFacts(db, patientId, timeZone), localDate(now.getTime(), timeZone));
}
