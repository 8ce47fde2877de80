import type { Db } from '../db/database';

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
