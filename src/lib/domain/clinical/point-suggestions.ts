/*
 * Point suggestions for a sciatica treatment plan (docs/clinical-rules.md §2): a starting list for the
 * practitioner, never a prescription. Pure: no clock, no database. Every list names its source in
 * SUGGESTION_SOURCES, and point-suggestions.test.ts reads that passage of docs/clinical-rules.md:
 * a point the reference does not name is not suggested.
 *
 * - Pattern (the path of the pain): Taiyang → BL25, BL36, BL37, BL40, BL57, BL60; Shaoyang →
 *   GB30, GB31, GB34, GB39; mixed → both (§2, "Traditional patterns, by the path of the pain").
 * - Root (the confirmed or suggested nerve root): the reference says the Taiyang path fits an S1
 *   distribution and the Shaoyang path an L5 one (§2), so those roots lean on the same points. It
 *   names no points for L4, so an L4 root adds none: the local points and the pattern's remain.
 * - Local points for every patient: Jiaji (EX-B2) at L4–L5, BL23, BL25, BL54, GB30 (§2, "Mixed").
 *
 * Sides: points on the lower back go on both sides; buttock and leg points go on the affected
 * side (both when both legs hurt or the side is not known). No point of the 18 lies on the
 * midline; `midline` is kept for the practitioner's own additions later (e.g. governor vessel).
 */
import { findAcupoint } from '../acupoints/points';

export const PLAN_PATTERNS = ['taiyang', 'shaoyang', 'mixed', 'other'] as const;
export type PlanPattern = (typeof PLAN_PATTERNS)[number];

export const NERVE_ROOTS = ['L4', 'L5', 'S1'] as const;
export type NerveRoot = (typeof NERVE_ROOTS)[number];

export const AFFECTED_SIDES = ['left', 'right', 'both'] as const;
export type AffectedSide = (typeof AFFECTED_SIDES)[number];

export const POINT_SIDES = ['left', 'right', 'both', 'midline'] as const;
export type PointSide = (typeof POINT_SIDES)[number];

/** Why a point is suggested; when several apply, the first in this order is given. */
export const SUGGESTION_REASONS = ['pattern', 'root', 'local'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export interface SuggestionInput {
	/** The traditional pattern from the examination; null when not assessed. */
	pattern: PlanPattern | null;
	/** The confirmed (or else suggested) root; null when not known. */
	root: NerveRoot | null;
	/** The painful leg; null when not known. */
	side: AffectedSide | null;
}

export interface PointSuggestion {
	code: string;
	side: PointSide;
	reason: SuggestionReason;
}

/** docs/clinical-rules.md §2, Taiyang (bladder channel): "BL points (BL25, BL36, BL37, BL40, BL57, BL60)". */
export const TAIYANG_POINTS = ['BL25', 'BL36', 'BL37', 'BL40', 'BL57', 'BL60'] as const;
/** docs/clinical-rules.md §2, Shaoyang (gallbladder channel): "GB points (GB30, GB31, GB34, GB39)". */
export const SHAOYANG_POINTS = ['GB30', 'GB31', 'GB34', 'GB39'] as const;
/** docs/clinical-rules.md §2, Mixed: "Local points used in every case: Jiaji (EX-B2) at L4–L5, BL23, BL25, BL54, GB30". */
export const LOCAL_POINTS = ['EX-B2', 'BL23', 'BL25', 'BL54', 'GB30'] as const;

/**
 * Where each list comes from: the section of docs/clinical-rules.md and the words that open the
 * passage naming its points (point-suggestions.test.ts finds them there).
 */
export const SUGGESTION_SOURCES = {
	taiyang: { section: 2, passage: '**Taiyang (bladder channel)**', points: TAIYANG_POINTS },
	shaoyang: { section: 2, passage: '**Shaoyang (gallbladder channel)**', points: SHAOYANG_POINTS },
	local: { section: 2, passage: '**Mixed**', points: LOCAL_POINTS }
} as const;

const PATTERN_POINTS: Readonly<Record<PlanPattern, readonly string[]>> = {
	taiyang: TAIYANG_POINTS,
	shaoyang: SHAOYANG_POINTS,
	mixed: [...TAIYANG_POINTS, ...SHAOYANG_POINTS],
	other: []
};

/** S1 fits the Taiyang path and L5 the Shaoyang one (docs/clinical-rules.md §2); the reference names no points for L4. */
const ROOT_POINTS: Readonly<Record<NerveRoot, readonly string[]>> = {
	S1: TAIYANG_POINTS,
	L5: SHAOYANG_POINTS,
	L4: []
};

/**
 * The 18 points from the lower back down to the foot, then the points away from the leg: the
 * order they are usually needled in with the patient lying face down, and the order of the list.
 */
export const NEEDLING_ORDER = [
	'EX-B2',
	'BL23',
	'BL25',
	'BL54',
	'GB30',
	'BL36',
	'GB31',
	'BL37',
	'BL40',
	'GB34',
	'ST36',
	'BL57',
	'GB39',
	'SP6',
	'BL60',
	'BL67',
	'LI4',
	'GB21'
] as const;

const ORDER_INDEX = new Map<string, number>(NEEDLING_ORDER.map((code, i) => [code, i]));

/** Where a point goes by default: both sides on the lower back, the affected side elsewhere. */
export function defaultPointSide(code: string, affected: AffectedSide | null): PointSide {
	const point = findAcupoint(code);
	if (point?.region === 'lowerBack') return 'both';
	return affected === 'left' || affected === 'right' ? affected : 'both';
}

function position(code: string): number {
	return ORDER_INDEX.get(code) ?? NEEDLING_ORDER.length;
}

/** Stronger reason first; between equal reasons, a fixed order of sides, so input order never matters. */
function isStronger(a: PointSuggestion, b: PointSuggestion): boolean {
	const byReason = SUGGESTION_REASONS.indexOf(a.reason) - SUGGESTION_REASONS.indexOf(b.reason);
	return byReason < 0 || (byReason === 0 && POINT_SIDES.indexOf(a.side) < POINT_SIDES.indexOf(b.side));
}

/**
 * Unites lists of suggestions: one entry per point, with the strongest reason (pattern, then
 * root, then local), ordered from the back to the foot. The lists' order does not matter.
 */
export function mergeSuggestions(lists: ReadonlyArray<readonly PointSuggestion[]>): PointSuggestion[] {
	const best = new Map<string, PointSuggestion>();
	for (const suggestion of lists.flat()) {
		const known = best.get(suggestion.code);
		if (!known || isStronger(suggestion, known)) best.set(suggestion.code, suggestion);
	}
	return [...best.values()].sort((a, b) => byNeedlingOrder(a.code, b.code));
}

function listFor(codes: readonly string[], reason: SuggestionReason, side: AffectedSide | null): PointSuggestion[] {
	return codes.map((code) => ({ code, side: defaultPointSide(code, side), reason }));
}

/** The starting list of points for a plan (docs/clinical-rules.md §2), from the back down to the foot. */
export function suggestPoints(input: SuggestionInput): PointSuggestion[] {
	return mergeSuggestions([
		listFor(input.pattern ? PATTERN_POINTS[input.pattern] : [], 'pattern', input.side),
		listFor(input.root ? ROOT_POINTS[input.root] : [], 'root', input.side),
		listFor(LOCAL_POINTS, 'local', input.side)
	]);
}

/** Orders any codes as in NEEDLING_ORDER (unknown codes last, alphabetically). */
export function byNeedlingOrder(a: string, b: string): number {
	return position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0);
}
