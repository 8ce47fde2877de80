/*
 * The sciatica examination (issue #7, docs/clinical-rules.md §2): findings as data, and two pure suggestions
 * from them: the likely nerve root (L4, L5, S1) and the traditional pattern (Taiyang, Shaoyang,
 * mixed). Suggestions help the practitioner, who confirms or changes them; they never decide.
 */
import type { BodyRegion } from '../acupoints/body-regions';
import type { PainMapView } from '../intake/pain-map';
import { levelOfFlags, RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../triage/assess';

export const ROOTS = ['L4', 'L5', 'S1'] as const;
export type Root = (typeof ROOTS)[number];

export const PATTERNS = ['taiyang', 'shaoyang', 'mixed', 'other'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const EXAM_SIDES = ['left', 'right', 'both'] as const;
export type ExamSide = (typeof EXAM_SIDES)[number];
export type BodySide = 'left' | 'right';

/** Where pain or numbness runs, as docs/clinical-rules.md §2 describes each root's territory and each channel's path. */
export const PAIN_AREAS = [
	'lowerBack',
	'buttock',
	'backOfThigh',
	'sideOfThigh',
	'frontOfThigh',
	'knee',
	'shin',
	'innerShin',
	'outerShin',
	'backOfCalf',
	'topOfFoot',
	'bigToe',
	'heelAndSole',
	'littleToe'
] as const;
export type PainArea = (typeof PAIN_AREAS)[number];

/**
 * What a tick on the body diagram (the intake's pain map, front and back views) means here. The
 * diagram cannot separate the inner from the outer shin, the side of the thigh or single toes:
 * those are ticked in DETAIL_AREAS beside it. Shoulder and hand are not part of this examination.
 */
export const DIAGRAM_AREAS: Readonly<Record<PainMapView, Partial<Record<BodyRegion, PainArea>>>> = {
	front: { thigh: 'frontOfThigh', knee: 'knee', lowerLeg: 'shin', ankleFoot: 'topOfFoot' },
	back: { lowerBack: 'lowerBack', buttock: 'buttock', thigh: 'backOfThigh', knee: 'knee', lowerLeg: 'backOfCalf', ankleFoot: 'heelAndSole' }
};
/** The areas ticked on one side of the diagram, e.g. `thigh-right` on the back view is the back of the right thigh. */
export function diagramAreas(ticks: ReadonlyArray<{ view: PainMapView; region: BodyRegion; side: BodySide }>, side: BodySide): PainArea[] {
	const areas = new Set(ticks.filter((tick) => tick.side === side).map((tick) => DIAGRAM_AREAS[tick.view][tick.region]));
	return PAIN_AREAS.filter((area) => areas.has(area));
}

export const DETAIL_AREAS = ['sideOfThigh', 'innerShin', 'outerShin', 'bigToe', 'littleToe'] as const satisfies readonly PainArea[];

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
/** Which roots a weak muscle points to (docs/clinical-rules.md §2: foot drop is L5, and L4 also lifts the ankle). */
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
	numbAreas: PainArea[];
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
		numbAreas: [],
		reducedSensation: [],
		slrAngle: null,
		slrReproducesPain: false,
		reflexes: { knee: 'normal', ankle: 'normal' },
		strength: { ankleDorsiflexion: 5, bigToeExtension: 5, plantarFlexion: 5, kneeExtension: 5 }
	};
}

const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
	(allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
const pickAll = <T extends string>(allowed: readonly T[], value: unknown): T[] => (Array.isArray(value) ? allowed.filter((a) => value.includes(a)) : []);
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

function normaliseSide(raw: unknown): SideFindings {
	const side = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const empty = emptySide();
	const reflexes = (side.reflexes ?? {}) as Record<string, unknown>;
	const strength = (side.strength ?? {}) as Record<string, unknown>;
	const angle = side.slrAngle;
	const grade = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 5 ? (v as number) : 5);
	return {
		painAreas: pickAll(PAIN_AREAS, side.painAreas),
		numbAreas: pickAll(PAIN_AREAS, side.numbAreas),
		reducedSensation: pickAll(ROOTS, side.reducedSensation),
		slrAngle: Number.isInteger(angle) && (angle as number) >= 0 && (angle as number) <= 90 ? (angle as number) : null,
		slrReproducesPain: side.slrReproducesPain === true,
		reflexes: { knee: pick(REFLEX_GRADES, reflexes.knee, empty.reflexes.knee), ankle: pick(REFLEX_GRADES, reflexes.ankle, empty.reflexes.ankle) },
		strength: Object.fromEntries(MUSCLES.map((m) => [m, grade(strength[m])])) as Record<Muscle, number>
	};
}

/**
 * Stored findings read back, tolerant of records written before a field existed (numbness came
 * after the first form): anything missing or unknown falls back to "nothing found".
 */
export function normaliseFindings(raw: unknown): ExamFindings {
	const f = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const pattern = f.pattern === null || f.pattern === undefined ? null : pick(PATTERNS, f.pattern, 'other');
	return {
		side: pick(EXAM_SIDES, f.side, 'both'),
		left: normaliseSide(f.left),
		right: normaliseSide(f.right),
		crossedSlr: f.crossedSlr === true,
		redFlags: pickAll(RED_FLAG_QUESTIONS, f.redFlags),
		pattern,
		patternNotes: textOf(f.patternNotes),
		tongue: textOf(f.tongue),
		pulse: textOf(f.pulse),
		notes: textOf(f.notes)
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
/** One finding that counts for a root, on the side where it was found. */
export type RootReason = RootEvidence & { root: Root; side: BodySide };

export interface RootSuggestion {
	root: Root | null;
	scores: Record<Root, number>;
	/** Per root, what counted for it (both sides together, each finding once per side). */
	evidence: Record<Root, RootEvidence[]>;
	/** Every finding that counted, in the order L4, L5, S1 and then of the form. */
	reasons: RootReason[];
}

/**
 * The root whose territory the affected side's findings point to most: pain or numbness in its
 * area, reduced sensation there, weakness of its muscles, a reduced reflex. No evidence, or a
 * tie at the top, suggests nothing: the practitioner decides.
 */
export function suggestRoot(findings: ExamFindings): RootSuggestion {
	const reasons: RootReason[] = [];
	for (const side of affectedSides(findings.side)) {
		const f = findings[side];
		// Pain and numbness in one area are one piece of evidence: the territory, not the symptom, counts.
		const areas = new Set([...f.painAreas, ...f.numbAreas]);
		for (const area of PAIN_AREAS) {
			const root = AREA_ROOT[area];
			if (root && areas.has(area)) reasons.push({ root, side, kind: 'area', area });
		}
		for (const root of ROOTS) if (f.reducedSensation.includes(root)) reasons.push({ root, side, kind: 'sensation' });
		for (const muscle of MUSCLES) {
			if (f.strength[muscle] < 5) for (const root of MUSCLE_ROOTS[muscle]) reasons.push({ root, side, kind: 'weakness', muscle });
		}
		for (const reflex of REFLEXES) {
			if (f.reflexes[reflex] !== 'normal') reasons.push({ root: REFLEX_ROOT[reflex], side, kind: 'reflex', reflex });
		}
	}
	const ordered = ROOTS.flatMap((root) => reasons.filter((r) => r.root === root));
	const evidence = Object.fromEntries(ROOTS.map((root) => [root, ordered.filter((r) => r.root === root).map(withoutRoot)])) as Record<Root, RootEvidence[]>;
	const scores = { L4: evidence.L4.length, L5: evidence.L5.length, S1: evidence.S1.length };
	const best = Math.max(...Object.values(scores));
	const leaders = ROOTS.filter((r) => scores[r] === best);
	return { root: best > 0 && leaders.length === 1 ? leaders[0]! : null, scores, evidence, reasons: ordered };
}

function withoutRoot(reason: RootReason): RootEvidence {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the root and side are the grouping
	const { root, side, ...evidence } = reason;
	return evidence as RootEvidence;
}

/** Taiyang for pain down the back of the leg, Shaoyang down the side, mixed for both (docs/clinical-rules.md §2). */
export function suggestPattern(findings: ExamFindings): Pattern | null {
	const areas = new Set(affectedSides(findings.side).flatMap((s) => [...findings[s].painAreas, ...findings[s].numbAreas]));
	const taiyang = TAIYANG_AREAS.some((a) => areas.has(a));
	const shaoyang = SHAOYANG_AREAS.some((a) => areas.has(a));
	if (taiyang && shaoyang) return 'mixed';
	if (taiyang) return 'taiyang';
	if (shaoyang) return 'shaoyang';
	return null;
}

/**
 * Only an emergency-level red flag found again blocks treatment outright (docs/clinical-rules.md §1:
 * the same weight as the self-check gives the same answer); urgent and see-doctor findings need the
 * practitioner's acknowledgement instead (exam-red-flags.ts).
 */
export function blocksTreatment(findings: Pick<ExamFindings, 'redFlags'>): boolean {
	return levelOfFlags(findings.redFlags) === 'emergency';
}
