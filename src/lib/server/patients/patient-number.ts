import { sql } from 'kysely';
import type { Db } from '../db/database';
import { deferUntilCommit } from '../db/transaction';

/** 'P000042': the clinic's own number for a patient, shown on the record and searched at the desk. */
export function formatPatientNumber(sequence: number): string {
	return `P${String(sequence).padStart(6, '0')}`;
}

/**
 * The number the next new patient gets. Call it inside the transaction that inserts the patient:
 * the counter row is locked until that transaction ends, so two bookings never take one number.
 */
export async function nextPatientNumber(db: Db): Promise<string> {
	const row = await db.kysely
		.updateTable('counter')
		.set((eb) => ({ value: eb('value', '+', 1) }))
		.where('name', '=', 'patient_number')
		.returning('value')
		.executeTakeFirstOrThrow();
	return formatPatientNumber(Number(row.value));
}

/**
 * Gives the new patient `patientId` (inserted without a number) the next number. On PostgreSQL this
 * is kept back until just before the commit (db/transaction.ts): the counter row stays locked from
 * the number's taking to the commit, so taken last it makes concurrent bookings wait one statement
 * and the commit, not their whole transaction. Elsewhere it is taken at once.
 */
export async function numberNewPatient(db: Db, patientId: string): Promise<void> {
	if (!deferUntilCommit(db, 'patient-number', patientId, numberPatients)) await numberPatients(db, [patientId]);
}

async function numberPatients(db: Db, patientIds: string[]): Promise<void> {
	for (const id of patientIds) {
		if (db.dialect !== 'postgres') {
			await db.kysely
				.updateTable('patient')
				.set({ patient_number: await nextPatientNumber(db) })
				.where('id', '=', id)
				.execute();
			continue;
		}
		// One statement: the counter's next value, formatted as formatPatientNumber does ('P' and at least six digits).
		await sql`with taken as (update counter set value = value + 1 where name = 'patient_number' returning value)
			update patient set patient_number = 'P' || lpad(taken.value::text, greatest(6, length(taken.value::text)), '0')
			from taken where patient.id = ${id}`.execute(db.kysely);
	}
}
