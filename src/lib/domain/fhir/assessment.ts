/*
 * What the practitioner concluded from an examination (docs/clinical-rules.md §2): the nerve root and the
 * traditional pattern. Each examination is a ClinicalImpression over its Observations; the sciatica
 * Condition from the intake is confirmed by the newest examination whose root the practitioner
 * settled, and then names that root as a body site and the pattern in a note. Pure.
 */
import { PATTERNS, ROOTS, type Pattern, type Root } from '../clinical/examination';
import { compact, concept, HL7, localCoding, present, referenceTo, type FhirContext } from './codes';
import type { ExaminationContext, ExaminationRow } from './examination';
import type { ClinicalImpression, CodeableConcept, Condition, Observation } from './types';

export interface ImpressionContext extends ExaminationContext {
	/** The sciatica Condition the examination is about, when the patient has one. */
	problemId: string | null;
}

const PATTERN_DISPLAY: Record<Pattern, string> = {
	taiyang: 'Taiyang (bladder channel) pattern',
	shaoyang: 'Shaoyang (gallbladder channel) pattern',
	mixed: 'Mixed Taiyang and Shaoyang pattern',
	other: 'Other pattern'
};

const isRoot = (value: string | null): value is Root => (ROOTS as readonly (string | null)[]).includes(value);
const isPattern = (value: string | null): value is Pattern => (PATTERNS as readonly (string | null)[]).includes(value);

function rootConcept(root: string, ctx: FhirContext): CodeableConcept {
	const display = isRoot(root) ? `${root} nerve root` : 'Nerve root unclear';
	return concept(localCoding(ctx, 'nerve-root', root, display), display);
}

function patternConcept(pattern: Pattern, ctx: FhirContext): CodeableConcept {
	return concept(localCoding(ctx, 'tcm-pattern', pattern, PATTERN_DISPLAY[pattern]), PATTERN_DISPLAY[pattern]);
}

/** The newest examination whose root the practitioner confirmed (also "unclear"), or null. */
export function settlingExamination(exams: readonly ExaminationRow[]): ExaminationRow | null {
	const settled = exams.filter((e) => e.confirmed_root !== null);
	return settled.reduce<ExaminationRow | null>((newest, e) => (newest === null || e.examined_at > newest.examined_at ? e : newest), null);
}

function summaryOf(exam: ExaminationRow): string {
	const root = exam.confirmed_root ?? exam.suggested_root;
	const parts = [
		root === null
			? 'No nerve root suggested.'
			: `${isRoot(root) ? `Nerve root ${root}` : 'Nerve root unclear'} (${exam.confirmed_root !== null ? 'confirmed by the practitioner' : 'suggested, not yet confirmed'}).`,
		isPattern(exam.pattern) ? `${PATTERN_DISPLAY[exam.pattern]}.` : undefined,
		// A red flag found again means referral, not treatment (docs/clinical-rules.md §1).
		exam.red_flag_positive === 1 ? 'A red flag was found again: referred to a doctor, no treatment until then.' : undefined
	];
	return parts.filter(Boolean).join(' ');
}

export function examinationImpression(exam: ExaminationRow, observations: readonly Observation[], ctx: ImpressionContext): ClinicalImpression {
	const f = exam.findings;
	const root = exam.confirmed_root ?? exam.suggested_root;
	const finding: NonNullable<ClinicalImpression['finding']> = [];
	if (root !== null)
		finding.push({
			itemCodeableConcept: rootConcept(root, ctx),
			basis: exam.confirmed_root !== null ? 'Confirmed by the practitioner' : 'Suggested from the findings'
		});
	if (isPattern(exam.pattern)) finding.push({ itemCodeableConcept: patternConcept(exam.pattern, ctx), basis: 'Path of the pain and numbness' });
	for (const flag of f.redFlags)
		finding.push({ itemCodeableConcept: concept(localCoding(ctx, 'red-flag', flag)), basis: 'Red flag found again at the examination' });
	const notes = [
		['Pattern notes', f.patternNotes],
		['Tongue', f.tongue],
		['Pulse', f.pulse],
		['Notes', f.notes]
	]
		.map(([label, text]) => [label, present(text)] as const)
		.filter((n): n is readonly [string, string] => n[1] !== undefined)
		.map(([label, text]) => ({ text: `${label}: ${text}` }));
	const kind =
		exam.kind === 'initial'
			? { code: 'initial_examination', display: 'Initial sciatica examination' }
			: { code: 'reassessment', display: 'Sciatica reassessment' };
	return compact({
		resourceType: 'ClinicalImpression' as const,
		id: exam.id,
		// Until the practitioner confirms the root, the suggestion is not yet their conclusion.
		status: exam.confirmed_root !== null ? ('completed' as const) : ('in-progress' as const),
		code: concept(localCoding(ctx, 'exam-finding', kind.code, kind.display), kind.display),
		subject: referenceTo('Patient', exam.patient_id),
		encounter: exam.appointment_id && ctx.encounterIds.has(exam.appointment_id) ? referenceTo('Encounter', exam.appointment_id) : undefined,
		effectiveDateTime: exam.examined_at,
		date: exam.updated_at,
		assessor: exam.practitioner_id ? referenceTo('Practitioner', exam.practitioner_id) : undefined,
		problem: ctx.problemId ? [referenceTo('Condition', ctx.problemId)] : undefined,
		investigation:
			observations.length > 0
				? [
						{
							code: concept(localCoding(ctx, 'exam-finding', 'physical_examination', 'Physical examination')),
							item: observations.map((o) => referenceTo('Observation', o.id))
						}
					]
				: undefined,
		summary: summaryOf(exam),
		finding: finding.length > 0 ? finding : undefined,
		note: notes.length > 0 ? notes : undefined
	});
}

/**
 * The intake's provisional sciatica Condition as the settling examination left it: confirmed with
 * the root as a body site when the root is L4, L5 or S1 (an "unclear" root leaves it provisional),
 * the pattern in a note, and the examination and its findings as the evidence.
 */
export function withExamination(condition: Condition, exam: ExaminationRow | null, observations: readonly Observation[], ctx: FhirContext): Condition {
	if (!exam || exam.confirmed_root === null) return condition;
	const root = exam.confirmed_root;
	const note = [...(condition.note ?? [])];
	if (isPattern(exam.pattern)) note.push({ text: `Traditional pattern: ${PATTERN_DISPLAY[exam.pattern]}`, time: exam.updated_at });
	if (!isRoot(root)) note.push({ text: 'The examination could not settle the nerve root.', time: exam.updated_at });
	return compact({
		...condition,
		verificationStatus: isRoot(root) ? concept({ system: HL7.conditionVerification, code: 'confirmed' }) : condition.verificationStatus,
		bodySite: isRoot(root) ? [...(condition.bodySite ?? []), rootConcept(root, ctx)] : condition.bodySite,
		evidence: [{ detail: [referenceTo('ClinicalImpression', exam.id), ...observations.map((o) => referenceTo('Observation', o.id))] }],
		note: note.length > 0 ? note : undefined
	});
}
