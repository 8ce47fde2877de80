/*
 * The intake's red-flag answers run through the self-check's own rules (triage/assess.ts,
 * docs/clinical-rules.md §1): one set of rules for the public check and the intake, never a copy.
 */
import { assess, RED_FLAG_QUESTIONS, type RedFlagQuestion, type TriageAnswers, type TriageLevel, type TriageResult } from '../triage/assess';
import { durationInDays, type IntakeAnswers } from './answers';

/** The levels at which the clinic is alerted and the patient is told to get care now. */
export function needsClinicAlert(level: TriageLevel): level is 'emergency' | 'urgent' {
	return level === 'emergency' || level === 'urgent';
}

/** Whole years between a 'YYYY-MM-DD' birth date and `today` ('YYYY-MM-DD'); null when either is not a date. */
export function ageOn(dateOfBirth: string | null, today: string): number | null {
	const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth ?? '');
	const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
	if (!birth || !now) return null;
	const [by, bm, bd] = birth.slice(1).map(Number) as [number, number, number];
	const [ny, nm, nd] = now.slice(1).map(Number) as [number, number, number];
	const hadBirthday = nm > bm || (nm === bm && nd >= bd);
	const age = ny - by - (hadBirthday ? 0 : 1);
	return age >= 0 && age <= 120 ? age : null;
}

/**
 * The triage contract's answers from an intake, asked as the self-check asks them
 * (docs/clinical-rules.md §1): the red flags and the worst leg pain in the last 24 hours from the
 * red-flag step, the duration from the complaint. The age is the one from the date of birth
 * (`ageFromBirth`), else the one the patient gave in the red-flag step; never assumed. Null until
 * all of that is known.
 */
export function triageAnswersFrom(answers: IntakeAnswers, ageFromBirth: number | null): TriageAnswers | null {
	const redFlags = answers['red-flags'];
	const complaint = answers.complaint;
	if (!redFlags || !complaint || !isScore(redFlags.painNrs, 10)) return null;
	const age = ageFromBirth ?? (isScore(redFlags.age, 120) ? redFlags.age : null);
	if (age === null) return null;
	const flags = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, redFlags[q] === true])) as Record<RedFlagQuestion, boolean>;
	return {
		...flags,
		seenDoctor: redFlags.seenDoctor === true,
		age,
		durationDays: durationInDays(complaint),
		painNrs: redFlags.painNrs
	};
}

function isScore(value: unknown, max: number): value is number {
	return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

/** The self-check's level and reasons for an intake, or null until everything the rule needs is answered. */
export function intakeTriage(answers: IntakeAnswers, age: number | null): TriageResult | null {
	const triage = triageAnswersFrom(answers, age);
	return triage ? assess(triage) : null;
}
