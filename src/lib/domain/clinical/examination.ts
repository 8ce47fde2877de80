/*
 * The sciatica examination (issue #7, REFERENCE §2): findings as data, and two pure suggestions
 * from them: the likely nerve root (L4, L5, S1) and the traditional pattern (Taiyang, Shaoyang,
 * mixed). Suggestions help the practitioner, who confirms or changes them; they never decide.
 */
import type { RedFlagQuestion } from '../triage/assess';

export const ROOTS = ['L4', 'L5', 'S1'] as const;
export type Root = (typeof ROOTS)[number];

export const PATTERNS = ['taiyang', 'shaoyang', 'mixed', 'other'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const EXAM_SIDES = ['left', 'right', 'both'] as const;
export type ExamSide = (typeof EXAM_SIDES)[number];
export type BodySide = 'left' | 'right';

/** Where pain or numbness runs, as the reference describes each root's territory and each channel's path. */
export const PAIN_AREAS = ['buttock', 'backOfThigh', 'sideOfThigh', 'frontOfThigh', 'innerShin', 'outerShin', 'backOfCalf', 'topOfFoot', 'bigToe', 'heelAndSole', 'littleToe'] as const;
export type PainArea = (typeof PAIN_AREAS)[number];

const AREA_ROOT: Partial<Record<PainArea, Root>> = {
	frontOfThigh: 'L4',
	innerShin: 'L4',
	outerShin: 'L5',
	topOfFoot: 'L5',
	bigToe: 'L5',
	backOfCalf: 'S1',
	heelAndSole: 'S1',
	littleToe: 'S1'
};
const TAIYANG_AREAS: readonly PainArea[] = ['backOfThigh', 'backOfCalf', 'heelAndSole', 'littleToe'];
const SHAOYANG_AREAS: readonly PainArea[] = ['sideOfThigh', 'outerShin'];

export const MUSCLES = ['ankleDorsiflexion', 'bigToeExtension', 'plantarFlexion', 'kneeExtension'] as const;
export type Muscle = (typeof MUSCLES)[number];
/** Which roots a weak muscle points to (REFERENCE §2: foot drop is L5, and L4 also lifts the ankle). */
const MUSCLE_ROOTS: Record<Muscle, readonly Root[]> = {
	ankleDorsiflexion: ['L4', 'L5'],
	bigToeExtension: ['L5'],
	plantarFlexion: ['S1'],
	kneeExtension: ['L4']
};

export const REFLEX_GRADES = ['normal', 'reduced', 'absent'] as const;
export type ReflexGrade = (typeof REFLEX_GRADES)[number];
export const REFLEXES = ['knee', 'ankle'] as const;
export type Reflex = (typeof REFLEXES)[number];
const REFLEX_ROOT: Record<Reflex, Root> = { knee: 'L4', ankle: 'S1' };

export interface SideFindings {
	painAreas: PainArea[];
	/** Areas where touch feels reduced, by root territory. */
	reducedSensation: Root[];
	/** Degrees, 0–90; null when not tested. */
	slrAngle: number | null;
	/** Whether the raise reproduced the leg pain. */
	slrReproducesPain: boolean;
	reflexes: Record<Reflex, ReflexGrade>;
	/** Medical Research Council grade, 0–5. */
	strength: Record<Muscle, number>;
}

export interface ExamFindings {
	side: ExamSide;
	left: SideFindings;
	right: SideFindings;
	crossedSlr: boolean;
	redFlags: RedFlagQuestion[];
	pattern: Pattern | null;
	patternNotes: string;
	tongue: string;
	pulse: string;
	notes: string;
}

export function emptySide(): SideFindings {
	return {
		painAreas: [],
		reducedSensation: [],
		slrAngle: null,
		slrReproducesPain: false,
		reflexes: { knee: 'normal', ankle: 'normal' },
		strength: { ankleDorsiflexion: 5, bigToeExtension: 5, plantarFlexion: 5, kneeExtension: 5 }
	};
}

/** A straight-leg raise is positive when it reproduces leg pain between about 30° and 70°. */
export function slrPositive(angle: number | null, reproducesPain: boolean): boolean {
	return reproducesPain && angle !== null && angle >= 30 && angle <= 70;
}

export function affectedSides(side: ExamSide): BodySide[] {
	return side === 'both' ? ['left', 'right'] : [side];
}

export type RootEvidence = { kind: 'area'; area: PainArea } | { kind: 'sensation' } | { kind: 'weakness'; muscle: Muscle } | { kind: 'reflex'; reflex: Reflex };

export interface RootSuggestion {
	root: Root | null;
	scores: Record<Root, number>;
	evidence: Record<Root, RootEvidence[]>;
}

/**
 * The root whose territory the affected side's findings point to most: pain or numbness in its
 * area, reduced sensation there, weakness of its muscles, a reduced reflex. No evidence, or a
 * tie at the top, suggests nothing: the practitioner decides.
 */
export function suggestRoot(findings: ExamFindings): RootSuggestion {
	const evidence: Record<Root, RootEvidence[]> = { L4: [], L5: [], S1: [] };
	for (const sideName of affectedSides(findings.side)) {
		const side = findings[sideName];
		for (const area of new Set(side.painAreas)) {
			const root = AREA_ROOT[area];
			if (root) evidence[root].push({ kind: 'area', area });
		}
		for (const root of new Set(side.reducedSensation)) evidence[root].push({ kind: 'sensation' });
		for (const muscle of MUSCLES) {
			if (side.strength[muscle] < 5) for (const root of MUSCLE_ROOTS[muscle]) evidence[root].push({ kind: 'weakness', muscle });
		}
		for (const reflex of REFLEXES) {
			if (side.reflexes[reflex] !== 'normal') evidence[REFLEX_ROOT[reflex]].push({ kind: 'reflex', reflex });
		}
	}
	const scores = { L4: evidence.L4.length, L5: evidence.L5.length, S1: evidence.S1.length };
	const best = Math.max(...Object.values(scores));
	const leaders = ROOTS.filter((r) => scores[r] === best);
	return { root: best > 0 && leaders.length === 1 ? leaders[0]! : null, scores, evidence };
}

/** Taiyang for pain down the back of the leg, Shaoyang down the side, mixed for both (REFERENCE §2). */
export function suggestPattern(findings: ExamFindings): Pattern | null {
	const areas = new Set(affectedSides(findings.side).flatMap((s) => findings[s].painAreas));
	const taiyang = TAIYANG_AREAS.some((a) => areas.has(a));
	const shaoyang = SHAOYANG_AREAS.some((a) => areas.has(a));
	if (taiyang && shaoyang) return 'mixed';
	if (taiyang) return 'taiyang';
	if (shaoyang) return 'shaoyang';
	return null;
}

/** A red flag found again at the examination blocks treatment and calls for a referral. */
export function blocksTreatment(findings: Pick<ExamFindings, 'redFlags'>): boolean {
	return findings.redFlags.length > 0;
}
