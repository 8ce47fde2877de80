import type { Instrument } from '../../domain/outcomes/instrument';
import { summarizeInstrumentScores, type InstrumentProgress } from '../../domain/outcomes/instrument-series';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { selectInstrumentScores } from './instrument-score-repository';

/**
 * Per clinic instrument, in the clinic's order: the patient's scores and their summary (first,
 * latest, change, responder status). Scores of an instrument whose file has since been removed
 * stay stored but are not shown: without the definition they cannot be read. One audited read;
 * none at all when the clinic has no instruments, since nothing clinical is read then.
 */
export async function instrumentProgress(db: Db, patientId: string, instruments: readonly Instrument[], actor: AuditActor): Promise<InstrumentProgress[]> {
	if (instruments.length === 0) return [];
	const stored = await selectInstrumentScores(db, patientId);
	await recordAudit(db, actor, { action: 'outcome.instrument_scores.read', entityType: 'patient', entityId: patientId, patientId });
	return instruments.map((instrument) => {
		const scores = stored.filter((s) => s.instrumentCode === instrument.code).map(({ id, at, value }) => ({ id, at, value }));
		return { instrument, scores, summary: summarizeInstrumentScores(instrument, scores) };
	});
}
