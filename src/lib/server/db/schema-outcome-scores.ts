/* Scores on the clinic's own instruments (issue #7, docs/clinical-rules.md §4). Database (schema.ts) includes them. */

export interface ClinicInstrumentScoreTable {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	/** The `code` of the clinic's definition file; the definition itself lives in that file, not here. */
	instrument_code: string;
	recorded_at: string;
	/** JSON: one integer per item, in the definition's item order. */
	answers: string;
	/** The score as computed when recorded, so a later edit of the file does not rewrite history. */
	score: number;
}

export interface OutcomeScoreTables {
	clinic_instrument_score: ClinicInstrumentScoreTable;
}
