import type { InstrumentScore } from '../../domain/outcomes/instrument-series';
import type { Db } from '../db/database';

/* The SQL for scores on the clinic's own instruments; nothing else in outcomes/ touches that table. */

export interface StoredInstrumentScore extends InstrumentScore {
	instrumentCode: string;
	appointmentId: string | null;
}

export async function insertInstrumentScore(
	db: Db,
	row: { id: string; patientId: string; appointmentId: string | null; instrumentCode: string; recordedAt: string; answers: readonly number[]; score: number }
): Promise<void> {
	await db.kysely
		.insertInto('clinic_instrument_score')
		.values({
			id: row.id,
			patient_id: row.patientId,
			appointment_id: row.appointmentId,
			instrument_code: row.instrumentCode,
			recorded_at: row.recordedAt,
			answers: JSON.stringify(row.answers),
			score: row.score
		})
		.execute();
}

/** Every score of the patient on any clinic instrument, oldest first. */
export async function selectInstrumentScores(db: Db, patientId: string): Promise<StoredInstrumentScore[]> {
	const rows = await db.kysely
		.selectFrom('clinic_instrument_score')
		.select(['id', 'instrument_code', 'recorded_at', 'score', 'appointment_id'])
		.where('patient_id', '=', patientId)
		.orderBy('recorded_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, instrumentCode: r.instrument_code, at: r.recorded_at, value: Number(r.score), appointmentId: r.appointment_id }));
}
