import { TRIAGE_REASONS, type TriageLevel, type TriageReason } from '../../domain/triage/assess';
import type { Db } from '../db/database';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { ZTriageAnswersSchema, type TTriageAnswers } from '../triage/schemas';

/*
 * The self-check a patient brought to a booking, as the visit keeps it (docs/clinical-rules.md §1,
 * docs/contracts.md): the level and reasons the answers reached when they were given, and when.
 */

export interface SelfCheckFlag {
	level: TriageLevel;
	reasons: TriageReason[];
	/** When the answers were given to the clinic (ISO 8601, UTC). */
	givenAt: string;
}

const LEVELS: readonly string[] = ['emergency', 'urgent', 'see_doctor', 'routine'];

function parsedJson(text: string | null): unknown {
	if (text === null) return null;
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** The stored columns read back; null for a visit booked without answers. */
export function selfCheckFrom(row: { triage_level: string | null; triage_reasons: string | null; triage_given_at: string | null }): SelfCheckFlag | null {
	if (row.triage_level === null || !LEVELS.includes(row.triage_level) || row.triage_given_at === null) return null;
	const reasons = parsedJson(row.triage_reasons);
	return {
		level: row.triage_level as TriageLevel,
		reasons: Array.isArray(reasons) ? TRIAGE_REASONS.filter((r) => reasons.includes(r)) : [],
		givenAt: row.triage_given_at
	};
}

export interface SelfCheckRecord extends SelfCheckFlag {
	appointmentId: string;
	appointmentStartsAt: string;
	/** The answers as given; null when what was stored no longer reads as the contract. */
	answers: TTriageAnswers | null;
}

/** Every self-check a patient brought with a booking, newest first, for the chart. Audited as one read. */
export async function listSelfChecks(db: Db, patientId: string, actor: AuditActor): Promise<SelfCheckRecord[]> {
	const rows = await db.kysely
		.selectFrom('appointment')
		.select(['id', 'starts_at', 'triage', 'triage_level', 'triage_reasons', 'triage_given_at'])
		.where('patient_id', '=', patientId)
		.where('triage_level', 'is not', null)
		.orderBy('triage_given_at', 'desc')
		.orderBy('id')
		.execute();
	const records: SelfCheckRecord[] = [];
	for (const row of rows) {
		const flag = selfCheckFrom(row);
		if (!flag) continue;
		const answers = ZTriageAnswersSchema.safeParse(parsedJson(row.triage));
		records.push({ ...flag, appointmentId: row.id, appointmentStartsAt: row.starts_at, answers: answers.success ? answers.data : null });
	}
	await recordAudit(db, actor, {
		action: 'appointment.self_check_read',
		entityType: 'patient',
		entityId: patientId,
		patientId,
		detail: { count: records.length }
	});
	return records;
}
