/*
 * One outcome check-in: the answers a patient gives at intake, from the portal or at a session.
 * Stored as columns plus two JSON texts (`psfs`: [{ activity, score }], `sbi`: [4 answers]);
 * this module validates answers, reads the stored JSON defensively, and scores each measure.
 */
import { BACK_PAIN_NRS, LEG_PAIN_NRS, PGIC, PSFS, SBI } from './builtin-instruments';
import { answerProblem, scoreOf, type Instrument } from './instrument';

export type CheckInSource = 'intake' | 'portal' | 'session';

export interface PsfsActivity {
	activity: string;
	score: number;
}

export interface CheckInAnswers {
	legPain: number | null;
	backPain: number | null;
	psfs: PsfsActivity[] | null;
	/** [leg pain, numbness or tingling, weakness, pain when sitting], each 0–6. */
	sbi: number[] | null;
	pgic: number | null;
}

export interface CheckIn extends CheckInAnswers {
	id: string;
	recordedAt: string;
	source: CheckInSource;
	appointmentId: string | null;
}

export type MeasureKey = 'legPain' | 'backPain' | 'psfs' | 'sbi' | 'pgic';
export const MEASURE_KEYS: readonly MeasureKey[] = ['legPain', 'backPain', 'psfs', 'sbi', 'pgic'];

export const MEASURE_INSTRUMENTS: Readonly<Record<MeasureKey, Instrument>> = {
	legPain: LEG_PAIN_NRS,
	backPain: BACK_PAIN_NRS,
	psfs: PSFS,
	sbi: SBI,
	pgic: PGIC
};

export const PSFS_ACTIVITY_MAX_LENGTH = 60;

export type CheckInProblem = 'empty' | 'item_count' | 'not_integer' | 'out_of_range' | 'activity_required' | 'activity_too_long' | 'activity_repeated';

/** Field → problem. Fields: the measure keys, `psfs.N.activity` and `_` (the whole check-in). */
export type CheckInProblems = Record<string, CheckInProblem>;

/** Everything wrong with a check-in's answers; an empty object when it may be stored. */
export function checkInProblems(answers: CheckInAnswers): CheckInProblems {
	const problems: CheckInProblems = {};
	const single = (key: 'legPain' | 'backPain' | 'pgic') => {
		const value = answers[key];
		if (value === null) return;
		const problem = answerProblem(MEASURE_INSTRUMENTS[key], [value]);
		if (problem) problems[key] = problem;
	};
	single('legPain');
	single('backPain');
	single('pgic');
	if (answers.psfs !== null) {
		const problem = answerProblem(
			PSFS,
			answers.psfs.map((a) => a.score)
		);
		if (problem) problems.psfs = problem;
		const seen = new Set<string>();
		answers.psfs.forEach((a, i) => {
			const name = a.activity.trim();
			if (name === '') problems[`psfs.${i}.activity`] = 'activity_required';
			else if (name.length > PSFS_ACTIVITY_MAX_LENGTH) problems[`psfs.${i}.activity`] = 'activity_too_long';
			else if (seen.has(name)) problems[`psfs.${i}.activity`] = 'activity_repeated';
			seen.add(name);
		});
	}
	if (answers.sbi !== null) {
		const problem = answerProblem(SBI, answers.sbi);
		if (problem) problems.sbi = problem;
	}
	if (MEASURE_KEYS.every((key) => answers[key] === null)) problems._ = 'empty';
	return problems;
}

/** Each measure's score (PSFS: the mean; SBI: the total), null when not answered. */
export function measureScores(answers: CheckInAnswers): Record<MeasureKey, number | null> {
	const one = (key: 'legPain' | 'backPain' | 'pgic') => (answers[key] === null ? null : scoreOf(MEASURE_INSTRUMENTS[key], [answers[key]]));
	return {
		legPain: one('legPain'),
		backPain: one('backPain'),
		psfs:
			answers.psfs === null
				? null
				: scoreOf(
						PSFS,
						answers.psfs.map((a) => a.score)
					),
		sbi: answers.sbi === null ? null : scoreOf(SBI, answers.sbi),
		pgic: one('pgic')
	};
}

function parseJson(text: string | null): unknown {
	if (text === null || text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** Stored PSFS JSON as activities, or null when absent or not in the agreed shape. */
export function parseStoredPsfs(text: string | null): PsfsActivity[] | null {
	const value = parseJson(text);
	if (!Array.isArray(value)) return null;
	const activities = value.map((item: unknown) => {
		if (item === null || typeof item !== 'object') return null;
		const { activity, score } = item as Record<string, unknown>;
		return typeof activity === 'string' && typeof score === 'number' ? { activity, score } : null;
	});
	if (activities.some((a) => a === null)) return null;
	const list = activities as PsfsActivity[];
	return answerProblem(
		PSFS,
		list.map((a) => a.score)
	) === null
		? list
		: null;
}

/** Stored SBI JSON as four answers, or null when absent or not in the agreed shape. */
export function parseStoredSbi(text: string | null): number[] | null {
	const value = parseJson(text);
	if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) return null;
	return answerProblem(SBI, value) === null ? (value as number[]) : null;
}

export function serializePsfs(psfs: readonly PsfsActivity[] | null): string | null {
	return psfs === null ? null : JSON.stringify(psfs.map((a) => ({ activity: a.activity.trim(), score: a.score })));
}

export function serializeSbi(sbi: readonly number[] | null): string | null {
	return sbi === null ? null : JSON.stringify(sbi);
}
