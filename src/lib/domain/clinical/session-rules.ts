/*
 * Rules of the treatment session record (docs/clinical-rules.md §3 safety, §6 licences and 施術録). Pure: no
 * clock, no database; instants come in as arguments.
 */
import { unaccountedNeedles } from './needle-account';

/** はり師 (needling) and きゅう師 (moxibustion) are separate national licences (docs/clinical-rules.md §6). */
export interface Licences {
	hari: boolean;
	kyu: boolean;
}

export const TECHNIQUES = ['needling', 'electroacupuncture', 'moxibustion', 'cupping'] as const;
export type Technique = (typeof TECHNIQUES)[number];

/**
 * Cupping (吸玉) is covered by neither licence act: whether it is offered, and by whom, is the
 * clinic's decision. The default lets any licensed practitioner (はり師 or きゅう師) record it.
 */
export type CuppingPolicy = 'any_licence' | 'hari_only' | 'not_offered';
export const DEFAULT_CUPPING_POLICY: CuppingPolicy = 'any_licence';

/** The policy of a clinic that does or does not offer cupping (its setting `offers_cupping`). */
export function cuppingPolicy(offersCupping: boolean): CuppingPolicy {
	return offersCupping ? DEFAULT_CUPPING_POLICY : 'not_offered';
}

/**
 * Needling actions need はり師 (docs/clinical-rules.md §6): a point with a needle, a needle counted in,
 * electroacupuncture, the needle of 灸頭鍼. Every place that records one asks this rule.
 */
export function mayNeedle(licences: Licences): boolean {
	return licences.hari;
}

/** Moxibustion, 灸頭鍼's moxa included, needs きゅう師 (docs/clinical-rules.md §6). */
export function mayMoxa(licences: Licences): boolean {
	return licences.kyu;
}

/**
 * A needle count may rise only for a はり師: a needle counted in is a needle inserted. Counting
 * needles out, or correcting a count down, is never refused: whoever is at the bed must always be
 * able to account for a needle.
 */
export function mayChangeNeedleCount(licences: Licences, before: NeedleCounts, after: NeedleCounts): boolean {
	return mayNeedle(licences) || after.needlesIn <= before.needlesIn;
}

/**
 * The plan's points a new session starts with: a plan's points are needled points, so a
 * practitioner without はり師 starts with none (docs/clinical-rules.md §6).
 */
export function planPointsForSession<P>(points: readonly P[], licences: Licences): P[] {
	return mayNeedle(licences) ? [...points] : [];
}

/**
 * The techniques a practitioner may record (docs/clinical-rules.md §6): needling and electroacupuncture need
 * はり師; moxibustion needs きゅう師; cupping follows the clinic's policy.
 */
export function allowedTechniques(licences: Licences, cupping: CuppingPolicy = DEFAULT_CUPPING_POLICY): Technique[] {
	const allowed: Technique[] = [];
	if (mayNeedle(licences)) allowed.push('needling', 'electroacupuncture');
	if (mayMoxa(licences)) allowed.push('moxibustion');
	const mayCup = cupping === 'any_licence' ? licences.hari || licences.kyu : cupping === 'hari_only' ? licences.hari : false;
	if (mayCup) allowed.push('cupping');
	return allowed;
}

export const MOXA_TYPES = ['direct', 'indirect', 'needle_top', 'stick'] as const;
export type MoxaType = (typeof MOXA_TYPES)[number];

export interface Electroacupuncture {
	pairs: number;
	frequencyHz: number;
	minutes: number;
}
export interface Moxibustion {
	type: MoxaType;
	cones: number;
}
export interface Cupping {
	cups: number;
	minutes: number;
}

/** What a session used besides plain needling; each null when not used. Stored as JSON. */
export interface SessionTechniques {
	electroacupuncture: Electroacupuncture | null;
	moxibustion: Moxibustion | null;
	cupping: Cupping | null;
}

export const NO_TECHNIQUES: SessionTechniques = Object.freeze({ electroacupuncture: null, moxibustion: null, cupping: null });

/** The licensed techniques a set of session techniques involves. 灸頭鍼 (moxa on the needle's head) is both. */
export function techniquesUsed(techniques: SessionTechniques): Technique[] {
	const used = new Set<Technique>();
	if (techniques.electroacupuncture) used.add('electroacupuncture');
	if (techniques.moxibustion) {
		used.add('moxibustion');
		if (techniques.moxibustion.type === 'needle_top') used.add('needling');
	}
	if (techniques.cupping) used.add('cupping');
	return TECHNIQUES.filter((t) => used.has(t));
}

/**
 * Whether a change to a session's cupping must be refused because the clinic does not offer it.
 * Cupping recorded while it was offered is history: the record keeps it, unchanged, and may drop it.
 */
export function refusesCupping(offersCupping: boolean, before: Cupping | null, after: Cupping | null): boolean {
	if (offersCupping || after === null) return false;
	return before === null || before.cups !== after.cups || before.minutes !== after.minutes;
}

/** The techniques used that the licences do not cover, in the order of TECHNIQUES. */
export function unlicensedTechniques(techniques: SessionTechniques, allowed: readonly Technique[]): Technique[] {
	return techniquesUsed(techniques).filter((t) => !allowed.includes(t));
}

export interface NeedleCounts {
	needlesIn: number;
	needlesOut: number;
}

export type CloseProblem = 'negative_count' | 'counts_differ' | 'count_missing';
export type CloseCheck = { ok: true } | { ok: false; reasons: CloseProblem[] };

/**
 * A session may close only when every needle inserted was removed (docs/clinical-rules.md §3: forgotten needles
 * are about a third of reported incidents), and a session that records needled points has counted
 * its needles (needle-account.ts). Counts must be whole numbers of at least zero.
 */
export function mayClose(session: NeedleCounts & { needledPoints?: number }): CloseCheck {
	const reasons: CloseProblem[] = [];
	const valid = (n: number) => Number.isInteger(n) && n >= 0;
	if (!valid(session.needlesIn) || !valid(session.needlesOut)) reasons.push('negative_count');
	if (session.needlesIn !== session.needlesOut) reasons.push('counts_differ');
	else if (unaccountedNeedles({ ...session, needledPoints: session.needledPoints ?? 0 }) === 'count_missing') reasons.push('count_missing');
	return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** 施術録 rule: a record may be edited for 24 hours after it was closed; later changes are amendments. */
export const LOCK_AFTER_MS = 24 * 60 * 60 * 1000;

export function lockTime(closedAt: string | Date): Date {
	return new Date(new Date(closedAt).getTime() + LOCK_AFTER_MS);
}

/** An open session (closedAt null) is never locked. Locked from the lock time on (inclusive). */
export function isLocked(closedAt: string | Date | null, now: Date): boolean {
	if (closedAt === null) return false;
	return now.getTime() >= lockTime(closedAt).getTime();
}

/**
 * How far before the session's start an adverse event may be dated: a day allows for a session
 * started in the record after the treatment began; anything earlier is most likely a mistyped date.
 */
export const OCCURRED_BEFORE_START_MS = 24 * 60 * 60 * 1000;

export type OccurredAtProblem = 'future' | 'before_session';

/** When an adverse event happened: never after now, and not long before its session started. */
export function checkOccurredAt(occurredAt: Date, sessionStartedAt: string | Date, now: Date): OccurredAtProblem | null {
	if (occurredAt.getTime() > now.getTime()) return 'future';
	if (occurredAt.getTime() < new Date(sessionStartedAt).getTime() - OCCURRED_BEFORE_START_MS) return 'before_session';
	return null;
}

/** Usual retention is 20–30 minutes (docs/clinical-rules.md §3); the timer accepts 1–120. */
export const DEFAULT_RETENTION_MINUTES = 20;
export const MIN_RETENTION_MINUTES = 1;
export const MAX_RETENTION_MINUTES = 120;

/** When the retention timer ends; null when it was not started. */
export function retentionEndsAt(timerStartedAt: string | Date | null, minutes: number): Date | null {
	if (timerStartedAt === null) return null;
	return new Date(new Date(timerStartedAt).getTime() + minutes * 60_000);
}

export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

/**
 * The fields whose values differ between two versions of a record, in the order of their first
 * appearance (before's keys, then after's new keys). Values compare by their JSON form, so arrays
 * and objects compare by content. A field missing on one side counts as null.
 */
export function amendmentDiff(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): FieldChange[] {
	const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	const changes: FieldChange[] = [];
	for (const field of fields) {
		const b = before[field] ?? null;
		const a = after[field] ?? null;
		if (canonical(b) !== canonical(a)) changes.push({ field, before: b, after: a });
	}
	return changes;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` compare equal. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
			: v
	);
}
