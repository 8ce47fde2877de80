/*
 * The intake (issue #6) as a QuestionnaireResponse, and the sciatica Condition the submitted
 * complaint describes. linkIds are `step.question` (e.g. `complaint.side`); choices are codings in
 * our intake-answer system, free text stays text. Pure: the intake row comes in already read.
 */
import { SBI_ITEMS, type IntakeAnswers } from '../intake/answers';
import { ANSWER_STEPS } from '../intake/steps';
import { compact, concept, HL7, localCoding, present, referenceTo, SCIATICA, type FhirContext } from './codes';
import type { Condition, QuestionnaireResponse, QuestionnaireResponseAnswer, QuestionnaireResponseItem } from './types';

export interface IntakeRow {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	status: 'in_progress' | 'submitted';
	entered_by_staff_id: string | null;
	updated_at: string;
	submitted_at: string | null;
	/** Parsed `answers` JSON. */
	answers: IntakeAnswers;
}

export interface IntakeContext extends FhirContext {
	encounterIds: ReadonlySet<string>;
}

/** Questions whose answers are codes from a fixed list (domain/intake/answers.ts), not free text. */
const CODED_QUESTIONS: ReadonlySet<string> = new Set([
	'history.pregnant',
	'safety.bloodThinner',
	'safety.bloodThinnerKinds',
	'safety.allergies',
	'safety.skinProblemSites',
	'safety.lymphoedemaSites',
	'complaint.onset',
	'complaint.durationUnit',
	'complaint.side',
	'complaint.painFront',
	'complaint.painBack',
	'complaint.worseWith',
	'complaint.betterWith'
]);

export const INTAKE_QUESTIONNAIRE_PATH = '/fhir/Questionnaire/intake';

function answerOf(linkId: string, value: unknown, ctx: FhirContext): QuestionnaireResponseAnswer | undefined {
	if (typeof value === 'boolean') return { valueBoolean: value };
	if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
	if (typeof value === 'string') {
		const text = present(value);
		if (!text) return undefined;
		return CODED_QUESTIONS.has(linkId) ? { valueCoding: localCoding(ctx, 'intake-answer', text) } : { valueString: text };
	}
	return undefined;
}

/** One question; repeating groups (PSFS activities) become one item per repetition, as R4 asks. */
function itemsOf(linkId: string, value: unknown, ctx: FhirContext): QuestionnaireResponseItem[] {
	if (linkId === 'measures.sbi' && Array.isArray(value)) {
		const item = SBI_ITEMS.map((name, i) => ({ linkId: `measures.sbi.${name}`, answer: [answerOf('', value[i], ctx)] })).filter(
			(i): i is { linkId: string; answer: [QuestionnaireResponseAnswer] } => i.answer[0] !== undefined
		);
		return item.length > 0 ? [{ linkId, item }] : [];
	}
	if (Array.isArray(value)) {
		if (value.every((v) => typeof v === 'object' && v !== null)) {
			return value.map((group: Record<string, unknown>) => ({ linkId, item: groupItems(linkId, group, ctx) })).filter((g) => g.item.length > 0);
		}
		const answer = value.map((v) => answerOf(linkId, v, ctx)).filter((a) => a !== undefined);
		return answer.length > 0 ? [{ linkId, answer }] : [];
	}
	if (typeof value === 'object' && value !== null) {
		const item = groupItems(linkId, value as Record<string, unknown>, ctx);
		return item.length > 0 ? [{ linkId, item }] : [];
	}
	const answer = answerOf(linkId, value, ctx);
	return answer ? [{ linkId, answer: [answer] }] : [];
}

function groupItems(prefix: string, group: Record<string, unknown>, ctx: FhirContext): QuestionnaireResponseItem[] {
	return Object.entries(group).flatMap(([key, value]) => itemsOf(`${prefix}.${key}`, value, ctx));
}

export function intakeQuestionnaireResponse(row: IntakeRow, ctx: IntakeContext): QuestionnaireResponse {
	const item = ANSWER_STEPS.flatMap((step) => {
		const answers = row.answers[step];
		if (!answers) return [];
		const items = groupItems(step, answers as unknown as Record<string, unknown>, ctx);
		return items.length > 0 ? [{ linkId: step, item: items }] : [];
	});
	return compact({
		resourceType: 'QuestionnaireResponse' as const,
		id: row.id,
		questionnaire: `${ctx.origin}${INTAKE_QUESTIONNAIRE_PATH}`,
		status: row.status === 'submitted' ? ('completed' as const) : ('in-progress' as const),
		subject: referenceTo('Patient', row.patient_id),
		encounter: row.appointment_id && ctx.encounterIds.has(row.appointment_id) ? referenceTo('Encounter', row.appointment_id) : undefined,
		authored: row.submitted_at ?? row.updated_at,
		// The patient answered in the portal; answers taken down at the desk have a staff author, not exported here.
		author: row.entered_by_staff_id === null ? referenceTo('Patient', row.patient_id) : undefined,
		item: item.length > 0 ? item : undefined
	});
}

const SIDE_TEXT = { left: 'Left', right: 'Right', both: 'Both sides' } as const;

/**
 * The complaint of a submitted intake as the sciatica problem being treated. Provisional: the
 * patient reported it; the practitioner's examination confirms or changes it. Null without a
 * complaint (an intake still in progress, or one that skipped it).
 */
export function sciaticaCondition(row: IntakeRow): Condition | null {
	const complaint = row.answers.complaint;
	if (row.status !== 'submitted' || !complaint) return null;
	const description = present(complaint.description);
	return compact({
		resourceType: 'Condition' as const,
		id: row.id,
		clinicalStatus: concept({ system: HL7.conditionClinical, code: 'active' }),
		verificationStatus: concept({ system: HL7.conditionVerification, code: 'provisional' }),
		category: [concept({ system: HL7.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' })],
		code: concept(SCIATICA, 'Sciatica'),
		bodySite: [{ text: `${SIDE_TEXT[complaint.side]} leg` }],
		subject: referenceTo('Patient', row.patient_id),
		onsetString: `${complaint.onset} onset, ${complaint.durationValue} ${complaint.durationUnit} before the intake`,
		recordedDate: row.submitted_at ?? undefined,
		note: description ? [{ text: description }] : undefined
	});
}
