import { CHECK_IN_PROBLEM_LABELS } from '../../domain/outcomes/outcome-labels';
import { randomUUID } from 'node:crypto';
import type { Instrument } from '../../domain/outcomes/instrument';
import { scoreOf } from '../../domain/outcomes/instrument';
import { itemAnswerProblems } from '../../domain/outcomes/instrument-series';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertInstrumentScore } from './instrument-score-repository';
import { itemField, ZInstrumentScoreSchema, type TInstrumentScore } from './instrument-score-schemas';
import { appointmentBelongsTo } from '../booking/appointment-repository';
import { patientIsActive } from './outcome-repository';

/** Field → message key: `instrument`, `item0` … or `_` for the whole set. */
export type InstrumentScoreFieldCodes = Record<string, string>;

export type RecordInstrumentScoreResult =
	{ ok: true; id: string; score: number } | { ok: false; code: 'invalid'; fields: InstrumentScoreFieldCodes } | { ok: false; code: 'not_found' };

/**
 * Stores one score on a clinic instrument, scored by the definition (domain/outcomes). The
 * instrument must be one of `instruments` (the clinic's loaded definitions). The audit row names
 * the instrument, never the answers.
 */
export async function recordInstrumentScore(
	db: Db,
	patientId: string,
	input: TInstrumentScore,
	instruments: readonly Instrument[],
	actor: AuditActor,
	options: { appointmentId?: string | null; now?: Date } = {}
): Promise<RecordInstrumentScoreResult> {
	const parsed = ZInstrumentScoreSchema.safeParse(input);
	if (!parsed.success) {
		const fields: InstrumentScoreFieldCodes = {};
		for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= 'outcomes.error.invalid';
		return { ok: false, code: 'invalid', fields };
	}
	const instrument = instruments.find((i) => i.code === parsed.data.instrument);
	if (!instrument) return { ok: false, code: 'invalid', fields: { instrument: 'outcomes.instruments.error.unknown' } };
	const { answers } = parsed.data;
	const problems = itemAnswerProblems(instrument, answers);
	if (problems.length > 0) {
		return {
			ok: false,
			code: 'invalid',
			fields: Object.fromEntries(problems.map((p) => [p.item === null ? '_' : itemField(p.item), CHECK_IN_PROBLEM_LABELS[p.problem]]))
		};
	}
	const score = scoreOf(instrument, answers)!;
	const appointmentId = options.appointmentId ?? null;
	return withTransaction(db, async (tx) => {
		if (!(await patientIsActive(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		if (appointmentId && !(await appointmentBelongsTo(tx, appointmentId, patientId))) return { ok: false, code: 'not_found' } as const;
		const id = randomUUID();
		await insertInstrumentScore(tx, {
			id,
			patientId,
			appointmentId,
			instrumentCode: instrument.code,
			recordedAt: (options.now ?? db.clock.now()).toISOString(),
			answers,
			score
		});
		await recordAudit(tx, actor, {
			action: 'outcome.instrument_score.record',
			entityType: 'clinic_instrument_score',
			entityId: id,
			patientId,
			detail: { instrument: instrument.code }
		});
		return { ok: true, id, score } as const;
	});
}
