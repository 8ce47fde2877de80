import { CHECK_IN_PROBLEM_LABELS } from '../../domain/outcomes/outcome-labels';
import { randomUUID } from 'node:crypto';
import { checkInProblems, MEASURE_KEYS, serializePsfs, serializeSbi, type CheckInProblem, type CheckInSource } from '../../domain/outcomes/check-in';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { appointmentBelongsTo } from '../booking/appointment-repository';
import { insertCheckIn, patientIsActive } from './outcome-repository';
import { ZCheckInSchema, type TCheckIn } from './schemas';

/** Field → message key, e.g. `legPain: 'outcomes.error.out_of_range'`. */
export type CheckInFieldCodes = Record<string, string>;

export type RecordCheckInResult = { ok: true; id: string } | { ok: false; code: 'invalid'; fields: CheckInFieldCodes } | { ok: false; code: 'not_found' };

const problemKey = (problem: CheckInProblem | 'invalid') => CHECK_IN_PROBLEM_LABELS[problem];

/**
 * Stores one check-in for a patient. `appointmentId`, when given, must be one of the patient's
 * appointments. The audit row names the measures answered, never the answers.
 */
export async function recordCheckIn(
	db: Db,
	patientId: string,
	input: TCheckIn,
	source: CheckInSource,
	actor: AuditActor,
	appointmentId?: string | null,
	now = db.clock.now()
): Promise<RecordCheckInResult> {
	const parsed = ZCheckInSchema.safeParse(input);
	if (!parsed.success) {
		const fields: CheckInFieldCodes = {};
		for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= problemKey('invalid');
		return { ok: false, code: 'invalid', fields };
	}
	const answers = parsed.data;
	const problems = checkInProblems(answers);
	if (Object.keys(problems).length > 0) {
		return { ok: false, code: 'invalid', fields: Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, problemKey(p)])) };
	}
	return withTransaction(db, async (tx) => {
		if (!(await patientIsActive(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		if (appointmentId && !(await appointmentBelongsTo(tx, appointmentId, patientId))) return { ok: false, code: 'not_found' } as const;
		const id = randomUUID();
		await insertCheckIn(tx, {
			id,
			patient_id: patientId,
			appointment_id: appointmentId ?? null,
			recorded_at: now.toISOString(),
			source,
			leg_pain: answers.legPain,
			back_pain: answers.backPain,
			psfs: serializePsfs(answers.psfs),
			sbi: serializeSbi(answers.sbi),
			pgic: answers.pgic
		});
		await recordAudit(tx, actor, {
			action: 'outcome.check_in.record',
			entityType: 'outcome_check_in',
			entityId: id,
			patientId,
			detail: { source, measures: MEASURE_KEYS.filter((key) => answers[key] !== null) }
		});
		return { ok: true, id } as const;
	});
}
