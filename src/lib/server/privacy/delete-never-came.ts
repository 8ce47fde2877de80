import { sql } from 'kysely';
import { isNeverCameDeletionDue, lastDay } from '../../domain/patients/retention';
import { localDate } from '../../domain/time';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { erasePatientData } from './erase-patient';
import { loadRetentionDuties, TREATED_VISIT_STATUSES } from './retention-facts';
import { clinicTimeZone } from '../clinic/clinic-settings';
import { enqueueJobOnce, hasPendingJob } from '../jobs/queue';
import { findPatient } from '../patients/patient-repository';

/*
 * The privacy page promises that the booking and contact details of a person who never came are
 * deleted within a year. Once a day a job (the durable queue, jobs/worker.ts) deletes every record
 * with no treatment of any kind, no money record, and no appointment or registration in the last
 * year (domain/patients/retention.ts `isNeverCameDeletionDue`). Each deletion is audited.
 */

export const NEVER_CAME_JOB = 'privacy.delete_never_came';
/** A bound on one run; anything left over is deleted the next day. */
const BATCH = 200;
const DAY_MS = 24 * 3_600_000;

interface Candidate {
	id: string;
	created_at: string;
	last_appointment: string | null;
}

/** Deletes the records of people who never came, as of `now`; returns the ids deleted. */
export async function deleteNeverCamePatients(db: Db, now = db.clock.now()): Promise<string[]> {
	const timeZone = await clinicTimeZone(db);
	const today = localDate(now.getTime(), timeZone);
	const deleted: string[] = [];
	for (const candidate of await findUntreated(db)) {
		if (deleted.length >= BATCH) break;
		if (!isNeverCameDeletionDue({ treated: false, hasMoneyRecords: false, lastContactDay: lastContactDay(candidate, timeZone) }, today)) continue;
		if (await deleteOne(db, candidate.id, timeZone, today, now)) deleted.push(candidate.id);
	}
	return deleted;
}

/** Records (not merged away) with no treatment of any kind and no money record, with their last contact. */
async function findUntreated(db: Db, patientId?: string): Promise<Candidate[]> {
	const none = (table: 'treatment_session' | 'examination' | 'charge' | 'payment' | 'receipt' | 'cancellation_fee') =>
		sql<boolean>`not exists (select 1 from ${sql.table(table)} where ${sql.ref(`${table}.patient_id`)} = patient.id)`;
	return (
		db.kysely
			.selectFrom('patient')
			.select(['patient.id', 'patient.created_at'])
			.select((eb) =>
				eb
					.selectFrom('appointment')
					.select((a) => a.fn.max('appointment.starts_at').as('m'))
					.whereRef('appointment.patient_id', '=', 'patient.id')
					.as('last_appointment')
			)
			.where('patient.merged_into_id', 'is', null)
			.$if(patientId !== undefined, (q) => q.where('patient.id', '=', patientId!))
			.where(none('treatment_session'))
			.where(none('examination'))
			.where(none('charge'))
			.where(none('payment'))
			.where(none('receipt'))
			// A fee owed for a no-show or a late cancellation is money on the books (issue #17).
			.where(none('cancellation_fee'))
			.where((eb) =>
				eb.not(
					eb.exists(
						eb
							.selectFrom('appointment')
							.select('appointment.id')
							.whereRef('appointment.patient_id', '=', 'patient.id')
							.where('appointment.status', 'in', TREATED_VISIT_STATUSES)
					)
				)
			)
			.orderBy('patient.created_at')
			.execute() as Promise<Candidate[]>
	);
}

function lastContactDay(candidate: Candidate, timeZone: string): string {
	const days = [candidate.created_at, candidate.last_appointment].filter((at): at is string => at !== null).map((at) => localDate(Date.parse(at), timeZone));
	return lastDay(days)!;
}

/** One record, in its own transaction: checked again under lock, since a booking may have come in meanwhile. */
async function deleteOne(db: Db, patientId: string, timeZone: string, today: string, now: Date): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		if (!(await findPatient(tx, patientId, ['id'], { live: true, forUpdate: true }))) return false;
		const duties = await loadRetentionDuties(tx, patientId, timeZone, now);
		const [candidate] = await findUntreated(tx, patientId);
		if (duties.length > 0 || !candidate) return false;
		const lastContact = lastContactDay(candidate, timeZone);
		if (!isNeverCameDeletionDue({ treated: false, hasMoneyRecords: false, lastContactDay: lastContact }, today)) return false;
		const report = await erasePatientData(tx, patientId, duties, 'never_came', now);
		await recordAudit(tx, SYSTEM_ACTOR, {
			action: 'privacy.never_came_deleted',
			entityType: 'patient',
			entityId: patientId,
			patientId,
			detail: { lastContact, deleted: report.deleted }
		});
		return true;
	});
}

/** The id of the run due on a clinic-local day: one job per day, however many instances start. */
function jobIdFor(day: string): string {
	return `${NEVER_CAME_JOB}:${day}`;
}

async function enqueueRun(db: Db, runAt: Date, timeZone: string, now: Date): Promise<void> {
	await enqueueJobOnce(db, jobIdFor(localDate(runAt.getTime(), timeZone)), { kind: NEVER_CAME_JOB, payload: {}, runAt }, now);
}

/** At start: makes sure a run is queued, now when none is pending. */
export async function scheduleNeverCameDeletion(db: Db, now = db.clock.now()): Promise<void> {
	if (await hasPendingJob(db, NEVER_CAME_JOB)) return;
	const timeZone = await clinicTimeZone(db);
	await enqueueRun(db, now, timeZone, now);
}

/** The job: today's deletions, then tomorrow's run queued (once, whichever instance gets there first). */
export async function runNeverCameDeletion(db: Db, now = db.clock.now()): Promise<string[]> {
	const deleted = await deleteNeverCamePatients(db, now);
	const timeZone = await clinicTimeZone(db);
	await enqueueRun(db, new Date(now.getTime() + DAY_MS), timeZone, now);
	return deleted;
}
