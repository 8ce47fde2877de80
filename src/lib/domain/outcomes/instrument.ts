/*
 * The outcome-measure framework (docs/clinical-rules.md §4). An instrument is plain data: its items, one integer
 * answer scale, how answers become a score, which way is better, and what counts as a responder.
 * The four shipped measures are defined in `builtin-instruments.ts`; a clinic that holds a licence
 * for another (Oswestry, Roland-Morris, STarT Back) supplies the same shape as JSON, read by
 * `parseInstrumentDefinition`. Pure: no I/O, no clock.
 */
import { z } from 'zod';

export interface LocalizedText {
	readonly ja: string;
	readonly en: string;
}

export interface ScaleAnchor {
	readonly value: number;
	readonly label: LocalizedText;
}

export interface InstrumentItem {
	readonly code: string;
	readonly label: LocalizedText;
}

export type ResponderRule =
	/** A responder improves by at least `points`, or by at least `percent` of the baseline (either suffices). */
	| { readonly kind: 'improvement'; readonly points?: number; readonly percent?: number }
	/** A responder gives one of these answers (a global-impression scale has no baseline). */
	| { readonly kind: 'answer_in'; readonly values: readonly number[] }
	/** No validated threshold: show the change only. */
	| { readonly kind: 'change_only' };

export interface Instrument {
	readonly code: string;
	readonly name: LocalizedText;
	readonly question?: LocalizedText;
	/** Every item is answered with an integer from `min` to `max`; `labelled`: each point has its own label. */
	readonly scale: { readonly min: number; readonly max: number; readonly anchors: readonly ScaleAnchor[]; readonly labelled?: boolean };
	/** Fixed items (a pain scale has one), or items the patient names (PSFS activities). */
	readonly items:
		{ readonly kind: 'fixed'; readonly list: readonly InstrumentItem[] } | { readonly kind: 'patient_named'; readonly min: number; readonly max: number };
	/** `percent`: the sum as a share of the highest possible sum, 0–100 (how the Oswestry index is reported). */
	readonly score: 'single' | 'sum' | 'mean' | 'percent';
	readonly better: 'higher' | 'lower';
	readonly responder: ResponderRule;
}

export type ResponderStatus =
	| 'responder'
	| 'not_responder'
	/** The measure has no threshold (SBI): only the change is shown. */
	| 'change_only'
	| 'no_baseline'
	/** A baseline exists but nothing has been measured since. */
	| 'no_follow_up';

export type AnswerProblem = 'item_count' | 'not_integer' | 'out_of_range';

/** Scores are compared with this margin: a mean of thirds must not miss a threshold by 1e-16. */
const EPSILON = 1e-9;

export function itemCountRange(instrument: Instrument): { min: number; max: number } {
	const { items } = instrument;
	return items.kind === 'fixed' ? { min: items.list.length, max: items.list.length } : { min: items.min, max: items.max };
}

/** The first thing wrong with a set of answers, or null when they fit the instrument. */
export function answerProblem(instrument: Instrument, answers: readonly number[]): AnswerProblem | null {
	const count = itemCountRange(instrument);
	if (answers.length < count.min || answers.length > count.max) return 'item_count';
	if (!answers.every(Number.isInteger)) return 'not_integer';
	if (!answers.every((a) => a >= instrument.scale.min && a <= instrument.scale.max)) return 'out_of_range';
	return null;
}

/** The instrument's score for valid answers; null when the answers do not fit it. */
export function scoreOf(instrument: Instrument, answers: readonly number[]): number | null {
	if (answerProblem(instrument, answers) !== null) return null;
	const sum = answers.reduce((total, a) => total + a, 0);
	if (instrument.score === 'mean') return sum / answers.length;
	if (instrument.score === 'percent') {
		const { min, max } = instrument.scale;
		return ((sum - min * answers.length) / ((max - min) * answers.length)) * 100;
	}
	return sum;
}

/** The lowest and highest possible score. */
export function scoreRange(instrument: Instrument): { min: number; max: number } {
	const { min, max } = instrument.scale;
	if (instrument.score === 'percent') return { min: 0, max: 100 };
	if (instrument.score !== 'sum') return { min, max };
	const count = itemCountRange(instrument).max;
	return { min: min * count, max: max * count };
}

export interface Change {
	/** current − baseline, as measured. */
	difference: number;
	/** The same change signed so that a positive number is always better. */
	improvement: number;
	/** Improvement as a share of the room the baseline left to improve; null when there was none. */
	percentImprovement: number | null;
}

export function changeFromBaseline(instrument: Instrument, baseline: number, current: number): Change {
	const difference = current - baseline;
	const improvement = instrument.better === 'lower' ? -difference : difference;
	// For a lower-is-better scale the room to improve is the distance to the floor (the baseline
	// itself on a 0–10 pain scale), so "30 % better" means 30 % of the pain the patient had.
	const range = scoreRange(instrument);
	const room = instrument.better === 'lower' ? baseline - range.min : range.max - baseline;
	return { difference, improvement, percentImprovement: room > 0 ? (improvement / room) * 100 : null };
}

/** docs/clinical-rules.md §4: whether a measurement is a responder result compared with the baseline. */
export function responderStatus(instrument: Instrument, baseline: number | null, current: number | null): ResponderStatus {
	const rule = instrument.responder;
	if (rule.kind === 'answer_in') {
		if (current === null) return 'no_follow_up';
		return rule.values.includes(current) ? 'responder' : 'not_responder';
	}
	if (baseline === null) return 'no_baseline';
	if (current === null) return 'no_follow_up';
	if (rule.kind === 'change_only') return 'change_only';
	const change = changeFromBaseline(instrument, baseline, current);
	const byPoints = rule.points !== undefined && change.improvement >= rule.points - EPSILON;
	const byPercent = rule.percent !== undefined && change.percentImprovement !== null && change.percentImprovement >= rule.percent - EPSILON;
	return (byPoints || byPercent) && change.improvement > 0 ? 'responder' : 'not_responder';
}

const ZLocalizedText = z.object({ ja: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });
const ZCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** The shape of a clinic-supplied definition file (JSON); the same as `Instrument`. */
export const ZInstrumentDefinition = z
	.object({
		code: ZCode,
		name: ZLocalizedText,
		question: ZLocalizedText.optional(),
		scale: z.object({
			min: z.number().int(),
			max: z.number().int(),
			anchors: z.array(z.object({ value: z.number().int(), label: ZLocalizedText })).max(20),
			labelled: z.boolean().optional()
		}),
		items: z.discriminatedUnion('kind', [
			z.object({
				kind: z.literal('fixed'),
				list: z
					.array(z.object({ code: ZCode, label: ZLocalizedText }))
					.min(1)
					.max(100)
			}),
			z.object({ kind: z.literal('patient_named'), min: z.number().int().min(1), max: z.number().int().max(20) })
		]),
		score: z.enum(['single', 'sum', 'mean', 'percent']),
		better: z.enum(['higher', 'lower']),
		responder: z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('improvement'), points: z.number().positive().optional(), percent: z.number().positive().max(100).optional() }),
			z.object({ kind: z.literal('answer_in'), values: z.array(z.number().int()).min(1) }),
			z.object({ kind: z.literal('change_only') })
		])
	})
	.superRefine((d, ctx) => {
		if (d.scale.min >= d.scale.max) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'scale.min must be below scale.max' });
		if (d.scale.anchors.some((a) => a.value < d.scale.min || a.value > d.scale.max)) {
			ctx.addIssue({ code: 'custom', path: ['scale', 'anchors'], message: 'an anchor lies outside the scale' });
		}
		if (d.items.kind === 'patient_named' && d.items.min > d.items.max)
			ctx.addIssue({ code: 'custom', path: ['items'], message: 'items.min exceeds items.max' });
		if (d.score === 'single' && itemCountRange(d as Instrument).max !== 1) {
			ctx.addIssue({ code: 'custom', path: ['score'], message: "'single' needs exactly one item" });
		}
		if (d.responder.kind === 'improvement' && d.responder.points === undefined && d.responder.percent === undefined) {
			ctx.addIssue({ code: 'custom', path: ['responder'], message: 'an improvement rule needs points or percent' });
		}
	});

export type InstrumentDefinitionResult = { ok: true; instrument: Instrument } | { ok: false; problems: string[] };

/** Reads a clinic-supplied instrument definition (already parsed from JSON). */
export function parseInstrumentDefinition(value: unknown): InstrumentDefinitionResult {
	const parsed = ZInstrumentDefinition.safeParse(value);
	if (parsed.success) return { ok: true, instrument: parsed.data };
	return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
