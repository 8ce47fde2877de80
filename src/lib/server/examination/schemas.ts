import { z } from 'zod';
import {
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
import { RED_FLAG_QUESTIONS } from '../../domain/triage/assess';

export const EXAM_TEXT_MAX = 2000;

const text = z
	.string()
	.max(EXAM_TEXT_MAX * 2)
	.optional()
	.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
	.pipe(z.string().max(EXAM_TEXT_MAX, { error: 'validation.too_big' }));

const ticked = (values: Record<string, unknown>, key: string) => values[key] === 'on';

/**
 * The examination form as the browser sends it, flat (`right.area.outerShin=on`,
 * `left.strength.plantarFlexion=4` …), read into the findings of domain/clinical/examination.
 */
export const ZExamFormSchema = z
	.looseObject({
		kind: z.enum(['initial', 'reassessment'], { error: 'validation.invalid_value' }),
		side: z.enum(EXAM_SIDES, { error: 'examination.error.side' }),
		pattern: z.union([z.literal(''), z.enum(PATTERNS)], { error: 'validation.invalid_value' }).optional(),
		patternNotes: text,
		tongue: text,
		pulse: text,
		notes: text
	})
	.superRefine((values, ctx) => {
		for (const side of ['left', 'right'] as const) {
			const angle = values[`${side}.slrAngle`];
			if (typeof angle === 'string' && angle.trim() !== '' && !/^(\d|[1-8]\d|90)$/.test(angle.trim())) {
				ctx.addIssue({ code: 'custom', path: [`${side}.slrAngle`], message: 'examination.error.slrAngle' });
			}
			for (const muscle of MUSCLES) {
				const grade = values[`${side}.strength.${muscle}`];
				if (grade !== undefined && !/^[0-5]$/.test(String(grade))) ctx.addIssue({ code: 'custom', path: [`${side}.strength.${muscle}`], message: 'examination.error.strength' });
			}
			for (const reflex of REFLEXES) {
				const grade = values[`${side}.reflex.${reflex}`];
				if (grade !== undefined && !(REFLEX_GRADES as readonly unknown[]).includes(grade)) ctx.addIssue({ code: 'custom', path: [`${side}.reflex.${reflex}`], message: 'validation.invalid_value' });
			}
		}
	})
	.transform((values): { kind: 'initial' | 'reassessment'; findings: ExamFindings } => {
		const sideOf = (side: 'left' | 'right'): SideFindings => {
			const angle = String(values[`${side}.slrAngle`] ?? '').trim();
			return {
				painAreas: PAIN_AREAS.filter((area) => ticked(values, `${side}.area.${area}`)),
				reducedSensation: ROOTS.filter((root) => ticked(values, `${side}.sensation.${root}`)),
				slrAngle: angle === '' ? null : Number(angle),
				slrReproducesPain: ticked(values, `${side}.slrPain`),
				reflexes: Object.fromEntries(REFLEXES.map((r) => [r, (values[`${side}.reflex.${r}`] as SideFindings['reflexes'][typeof r]) ?? 'normal'])) as SideFindings['reflexes'],
				strength: Object.fromEntries(MUSCLES.map((m) => [m, Number(values[`${side}.strength.${m}`] ?? 5)])) as SideFindings['strength']
			};
		};
		return {
			kind: values.kind,
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

/** The practitioner's decision on the suggestions. */
export const ZConfirmExamSchema = z.object({
	root: z.enum([...ROOTS, 'unclear'], { error: 'validation.invalid_value' }),
	pattern: z.enum(PATTERNS, { error: 'validation.invalid_value' })
});
