/*
 * The symptom self-check's rules (docs/clinical-rules.md §1). The self-check is not a diagnosis: its one job is
 * to send people with red flags to the right care before anything else, and let everyone else book.
 */

export type TriageLevel = 'emergency' | 'urgent' | 'see_doctor' | 'routine';

/** The red-flag questions: all required, in the order docs/clinical-rules.md §1 lists them. */
export const RED_FLAG_QUESTIONS = [
	'bladderBowelChange',
	'saddleNumbness',
	'sexualDysfunction',
	'bilateralLegSymptoms',
	'progressiveWeakness',
	'suddenWeaknessOrNumbness',
	'violentInjury',
	'feverOrUnwell',
	'cancerHistory',
	'unexplainedWeightLoss',
	'immunosuppressed',
	'severeNightPain',
	'worsening'
] as const;
export type RedFlagQuestion = (typeof RED_FLAG_QUESTIONS)[number];

export type TriageAnswers = Record<RedFlagQuestion, boolean> & {
	seenDoctor?: boolean;
	age: number;
	durationDays: number;
	painNrs: number;
};

/** Every reason the rules can give: the red flags, then the reasons computed from numbers. */
export const TRIAGE_REASONS = [...RED_FLAG_QUESTIONS, 'durationOverAWeek', 'severePain', 'underEighteen'] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

export interface TriageResult {
	level: TriageLevel;
	reasons: TriageReason[];
}

interface Rule {
	code: TriageReason;
	level: Exclude<TriageLevel, 'routine'>;
	applies: (answers: TriageAnswers) => boolean;
}

const flag = (code: RedFlagQuestion, level: Rule['level']): Rule => ({ code, level, applies: (a) => a[code] });
const notSeenByDoctor = (a: TriageAnswers) => a.seenDoctor !== true;

/** In the order of the table in docs/clinical-rules.md §1, which is also the order of `reasons`. */
const RULES: readonly Rule[] = [
	// Signs of cauda equina syndrome or a progressive deficit, and injury: emergency care now.
	flag('bladderBowelChange', 'emergency'),
	flag('saddleNumbness', 'emergency'),
	flag('sexualDysfunction', 'emergency'),
	flag('bilateralLegSymptoms', 'emergency'),
	flag('progressiveWeakness', 'emergency'),
	flag('suddenWeaknessOrNumbness', 'emergency'),
	flag('violentInjury', 'emergency'),
	// Possible infection, tumour or fracture: a doctor today.
	flag('feverOrUnwell', 'urgent'),
	flag('cancerHistory', 'urgent'),
	flag('unexplainedWeightLoss', 'urgent'),
	flag('immunosuppressed', 'urgent'),
	flag('severeNightPain', 'urgent'),
	// A doctor soon; acupuncture may still be booked alongside.
	flag('worsening', 'see_doctor'),
	{ code: 'durationOverAWeek', level: 'see_doctor', applies: (a) => a.durationDays > 7 && notSeenByDoctor(a) },
	{ code: 'severePain', level: 'see_doctor', applies: (a) => a.painNrs >= 7 && notSeenByDoctor(a) },
	{ code: 'underEighteen', level: 'see_doctor', applies: (a) => a.age < 18 }
];

const SEVERITY: Record<TriageLevel, number> = { routine: 0, see_doctor: 1, urgent: 2, emergency: 3 };

export function compareLevels(a: TriageLevel, b: TriageLevel): number {
	return SEVERITY[a] - SEVERITY[b];
}

/** Highest level reached by any rule wins; reasons keep the order of the rules. */
export function assess(answers: TriageAnswers): TriageResult {
	const fired = RULES.filter((rule) => rule.applies(answers));
	const level = fired.reduce<TriageLevel>((highest, rule) => (compareLevels(rule.level, highest) > 0 ? rule.level : highest), 'routine');
	return { level, reasons: fired.map((rule) => rule.code) };
}

/** The red-flag questions whose "yes" alone reaches `level`, in the order of the rules. */
export function questionsAtLevel(level: 'emergency' | 'urgent' | 'see_doctor'): RedFlagQuestion[] {
	return RULES.filter((rule) => rule.level === level && (RED_FLAG_QUESTIONS as readonly string[]).includes(rule.code)).map(
		(rule) => rule.code as RedFlagQuestion
	);
}

/**
 * The highest level that these red-flag answers reach by themselves, `routine` for none. The
 * examination grades the red flags it finds again with it (docs/clinical-rules.md §1), so a finding
 * weighs exactly what the same answer weighs in the self-check.
 */
export function levelOfFlags(flags: readonly RedFlagQuestion[]): TriageLevel {
	return RULES.filter((rule) => (flags as readonly string[]).includes(rule.code)).reduce<TriageLevel>(
		(highest, rule) => (compareLevels(rule.level, highest) > 0 ? rule.level : highest),
		'routine'
	);
}

/** Whether the result page may offer a booking: never for emergency or urgent. */
export function mayBook(level: TriageLevel): boolean {
	return level === 'routine' || level === 'see_doctor';
}
