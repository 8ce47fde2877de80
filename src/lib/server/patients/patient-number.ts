/** 'P000042': the clinic's own number for a patient, shown on the record and searched at the desk. */
export function formatPatientNumber(sequence: number): string {
	return `P${String(sequence).padStart(6, '0')}`;
}
