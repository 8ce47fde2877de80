import type { Kysely } from 'kysely';
import { normaliseFindings } from '../../../domain/clinical/examination';
import { assess, levelOfFlags, RED_FLAG_QUESTIONS, type TriageAnswers } from '../../../domain/triage/assess';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The self-check reaches the practitioner (issue 15, docs/clinical-rules.md §1):
 * - a visit booked with self-check answers keeps the level and reasons they gave, and when they
 *   were given, so the schedule can mark it and the chart can date it;
 * - an examination's red flags are graded like the self-check's: only an emergency-level finding
 *   blocks a session, and an urgent or see-doctor finding needs the practitioner's acknowledgement,
 *   kept here with who gave it and why.
 * Rows written before are brought under the same rule: answers already stored are assessed, and
 * an examination blocks only when one of its flags is an emergency sign.
 */
export const selfCheckFlags = {
	async up(db: Kysely<any>) {
		for (const column of ['triage_level', 'triage_reasons', 'triage_given_at']) {
			await db.schema.alterTable('appointment').addColumn(column, 'text').execute();
		}
		for (const column of ['red_flag_acknowledged_at', 'red_flag_acknowledged_by', 'red_flag_acknowledgement']) {
			await db.schema.alterTable('examination').addColumn(column, 'text').execute();
		}

		const booked: Array<{ id: string; triage: string; created_at: string }> = await db
			.selectFrom('appointment')
			.select(['id', 'triage', 'created_at'])
			.where('triage', 'is not', null)
			.execute();
		for (const row of booked) {
			const answers = storedAnswers(row.triage);
			if (!answers) continue;
			const { level, reasons } = assess(answers);
			await db
				.updateTable('appointment')
				.set({ triage_level: level, triage_reasons: JSON.stringify(reasons), triage_given_at: row.created_at })
				.where('id', '=', row.id)
				.execute();
		}

		const flagged: Array<{ id: string; findings: string }> = await db
			.selectFrom('examination')
			.select(['id', 'findings'])
			.where('red_flag_positive', '=', 1)
			.execute();
		for (const row of flagged) {
			const findings = normaliseFindings(parsed(row.findings));
			if (levelOfFlags(findings.redFlags) !== 'emergency') await db.updateTable('examination').set({ red_flag_positive: 0 }).where('id', '=', row.id).execute();
		}
	}
};

function parsed(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** Answers as the booking stored them (the triage contract); anything else is left unassessed. */
function storedAnswers(text: string): TriageAnswers | null {
	const value = parsed(text) as Record<string, unknown> | null;
	if (!value || typeof value !== 'object') return null;
	if (!RED_FLAG_QUESTIONS.every((q) => typeof value[q] === 'boolean')) return null;
	if (![value.age, value.durationDays, value.painNrs].every((n) => Number.isInteger(n))) return null;
	return value as unknown as TriageAnswers;
}
