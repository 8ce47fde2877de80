import { z } from 'zod';
import { BODY_REGIONS, type BodyRegion } from '../../domain/acupoints/body-regions';
import {
	diagramAreas,
	EXAM_SIDES,
	MUSCLES,
	PAIN_AREAS,
	PATTERNS,
	REFLEX_GRADES,
	REFLEXES,
	ROOTS,
	type ExamFindings,
	type SideFindings
} from '../../domain/clinical/examination';
import { optionField } from '../../domain/intake/form-fields';
import { PAIN_MAP_VIEWS, painRegionCode, type PainMapView } from '../../domain/intake/pain-map';
import { RED_FLAG_QUESTIONS } from '../../domain/triage/assess';

export const EXAM_TEXT_MAX = 2000;

const text = z
	.string()
	.max(EXAM_TEXT_MAX * 2)
	.optional()
	.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
	.pipe(z.string().max(EXAM_TEXT_MAX));

/** Full-width digits from a Japanese keyboard count as digits. */
const angleText = (values: Record<string, unknown>, side: 'left' | 'right') =>
	String(values[`${side}.slrAngle`] ?? '')
		.normalize('NFKC')
		.trim();

const ticked = (values: Record<string, unknown>, key: string) => values[key] === 'on';

/** The body-diagram groups of the form: the intake's pain map, once for pain and once for numbness. */
export const EXAM_DIAGRAMS = { pain: { front: 'pain.front', back: 'pain.back' }, numb: { front: 'numb.front', back: 'numb.back' } } as const;

function diagramTicks(values: Record<string, unknown>, symptom: keyof typeof EXAM_DIAGRAMS) {
	const ticks: Array<{ view: PainMapView; region: BodyRegion; side: 'left' | 'right' }> = [];
	for (const view of PAIN_MAP_VIEWS) {
		for (const region of BODY_REGIONS) {
			for (const side of ['left', 'right'] as const) {
				if (ticked(values, optionField(EXAM_DIAGRAMS[symptom][view], painRegionCode(region, side)))) ticks.push({ view, region, side });
			}
		}
	}
	return ticks;
}

const angleField = z
	.string()
	.optional()
	.refine((v) => v === undefined || /^(\d|[1-8]\d|90)?$/.test(v.normalize('NFKC').trim()), { error: 'examination.error.slrAngle' });
const gradeField = z
	.string()
	.regex(/^[0-5]$/, { error: 'examination.error.strength' })
	.optional();
const reflexField = z.enum(REFLEX_GRADES, { error: 'validation.choice' }).optional();

/** Every measured field of both sides, so that one submission names every bad field at once. */
const measureFields = Object.fromEntries(
	(['right', 'left'] as const).flatMap((side) => [
		[`${side}.slrAngle`, angleField],
		...REFLEXES.map((reflex) => [`${side}.reflex.${reflex}`, reflexField]),
		...MUSCLES.map((muscle) => [`${side}.strength.${muscle}`, gradeField])
	])
) as Record<string, z.ZodOptional<z.ZodType<string | undefined>> | typeof angleField>;

/**
 * The examination form as the browser sends it, flat (`right.area.outerShin=on`,
 * `left.strength.plantarFlexion=4` …), read into the findings of domain/clinical/examination.
 */
export const ZExamFormSchema = z
	.looseObject({
		kind: z.enum(['initial', 'reassessment'], { error: 'validation.choice' }),
		appointmentId: z.union([z.literal(''), z.uuid({ error: 'validation.choice' })]).optional(),
		side: z.enum(EXAM_SIDES, { error: 'examination.error.side' }),
		pattern: z.union([z.literal(''), z.enum(PATTERNS)], { error: 'validation.choice' }).optional(),
		patternNotes: text,
		tongue: text,
		pulse: text,
		notes: text,
		...measureFields
	})
	.transform((values): TExamForm => {
		const painTicks = diagramTicks(values, 'pain');
		const numbTicks = diagramTicks(values, 'numb');
		const union = (a: readonly string[], b: readonly string[]) => PAIN_AREAS.filter((area) => a.includes(area) || b.includes(area));
		const sideOf = (side: 'left' | 'right'): SideFindings => {
			const angle = angleText(values, side);
			return {
				// The diagram's ticks, and the detail list for what the diagram cannot separate.
				painAreas: union(
					diagramAreas(painTicks, side),
					PAIN_AREAS.filter((area) => ticked(values, `${side}.area.${area}`))
				),
				numbAreas: union(
					diagramAreas(numbTicks, side),
					PAIN_AREAS.filter((area) => ticked(values, `${side}.numb.${area}`))
				),
				reducedSensation: ROOTS.filter((root) => ticked(values, `${side}.sensation.${root}`)),
				slrAngle: angle === '' ? null : Number(angle),
				slrReproducesPain: ticked(values, `${side}.slrPain`),
				reflexes: Object.fromEntries(
					REFLEXES.map((r) => [r, (values[`${side}.reflex.${r}`] as SideFindings['reflexes'][typeof r]) ?? 'normal'])
				) as SideFindings['reflexes'],
				strength: Object.fromEntries(MUSCLES.map((m) => [m, Number(values[`${side}.strength.${m}`] ?? 5)])) as SideFindings['strength']
			};
		};
		return {
			kind: values.kind,
			appointmentId: values.appointmentId ? values.appointmentId : null,
			findings: {
				side: values.side,
				left: sideOf('left'),
				right: sideOf('right'),
				crossedSlr: ticked(values, 'crossedSlr'),
				redFlags: RED_FLAG_QUESTIONS.filter((q) => ticked(values, `redFlag.${q}`)),
				pattern: values.pattern ? values.pattern : null,
				patternNotes: values.patternNotes,
				tongue: values.tongue,
				pulse: values.pulse,
				notes: values.notes
			}
		};
	});

export interface TExamForm {
	kind: 'initial' | 'reassessment';
	appointmentId: string | null;
	findings: ExamFindings;
}

/** The practitioner's decision on the suggestions. */
export const ZConfirmExamSchema = z.object({
	root: z.enum([...ROOTS, 'unclear'], { error: 'validation.choice' }),
	pattern: z.enum(PATTERNS, { error: 'validation.choice' })
});
export type TConfirmExam = z.infer<typeof ZConfirmExamSchema>;

/** The practitioner takes on an urgent or see-doctor finding, and says why (docs/clinical-rules.md §1). */
export const ZAcknowledgeRedFlagsSchema = z.object({
	reason: z
		.string({ error: 'examination.error.reason' })
		.max(EXAM_TEXT_MAX * 2)
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, { error: 'examination.error.reason' }).max(EXAM_TEXT_MAX))
});
export type TAcknowledgeRedFlags = z.infer<typeof ZAcknowledgeRedFlagsSchema>;
