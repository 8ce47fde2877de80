import { z } from 'zod';

/** docs/clinical-rules.md §3: the kinds and severities of adverse events a clinic records. */
export const SIDE_EFFECT_KINDS = ['bruising', 'bleeding', 'pain', 'fatigue', 'fainting', 'other'] as const;
export const SIDE_EFFECT_SEVERITIES = ['mild', 'moderate', 'serious'] as const;
export type SideEffectKind = (typeof SIDE_EFFECT_KINDS)[number];
export type SideEffectSeverity = (typeof SIDE_EFFECT_SEVERITIES)[number];
export const SIDE_EFFECT_DESCRIPTION_MAX = 2000;

export const ZSideEffectSchema = z.object({
	kind: z.enum(SIDE_EFFECT_KINDS, { error: 'outcomes.error.kind' }),
	severity: z.enum(SIDE_EFFECT_SEVERITIES, { error: 'outcomes.error.severity' }),
	description: z
		.string({ error: 'outcomes.error.description' })
		.max(SIDE_EFFECT_DESCRIPTION_MAX * 2)
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, { error: 'outcomes.error.description' }).max(SIDE_EFFECT_DESCRIPTION_MAX, { error: 'outcomes.error.descriptionTooLong' }))
});
export type TSideEffect = z.infer<typeof ZSideEffectSchema>;
