import { z } from 'zod';
import { PSFS_ACTIVITY_MAX_LENGTH } from '../../domain/outcomes/check-in';

/** A check-in as the server use case takes it; ranges are checked by the domain (check-in.ts). */
export const ZCheckInSchema = z.object({
	legPain: z.number().nullable(),
	backPain: z.number().nullable(),
	psfs: z
		.array(z.object({ activity: z.string().max(PSFS_ACTIVITY_MAX_LENGTH * 2), score: z.number() }))
		.max(10)
		.nullable(),
	sbi: z.array(z.number()).max(10).nullable(),
	pgic: z.number().nullable()
});
export type TCheckIn = z.infer<typeof ZCheckInSchema>;

export const SBI_FIELDS = ['sbi0', 'sbi1', 'sbi2', 'sbi3'] as const;
/** How many activities a patient names when the intake gave none (PSFS allows 3–5; we ask for 3). */
export const NEW_ACTIVITY_COUNT = 3;

/** What the portal form asks: the activities to score (null: the patient names them), and PGIC after a first visit. */
export interface CheckInFormShape {
	activities: readonly string[] | null;
	askPgic: boolean;
}

/** A radio answer: an integer from `min` to `max`; a missing or other value asks the patient to choose. */
const choice = (min: number, max: number) =>
	z
		.string({ error: 'outcomes.error.choose' })
		.regex(/^\d{1,2}$/, { error: 'outcomes.error.choose' })
		.transform(Number)
		.refine((n) => n >= min && n <= max, { error: 'outcomes.error.choose' });

const activityName = z
	.string({ error: 'outcomes.error.activityRequired' })
	.transform((s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim())
	.pipe(z.string().min(1, { error: 'outcomes.error.activityRequired' }).max(PSFS_ACTIVITY_MAX_LENGTH, { error: 'outcomes.error.activityTooLong' }));

export const psfsScoreField = (i: number) => `psfsScore${i}`;
export const psfsActivityField = (i: number) => `psfsActivity${i}`;

/**
 * The portal check-in form (flat field names, one per control) → a `TCheckIn`. Every question on
 * the form must be answered: a half-filled check-in would skew the change from baseline.
 */
export function ZCheckInFormSchema(shape: CheckInFormShape) {
	const count = shape.activities?.length ?? NEW_ACTIVITY_COUNT;
	const fields: Record<string, z.ZodType> = { legPain: choice(0, 10), backPain: choice(0, 10) };
	for (let i = 0; i < count; i++) {
		if (!shape.activities) fields[psfsActivityField(i)] = activityName;
		fields[psfsScoreField(i)] = choice(0, 10);
	}
	for (const field of SBI_FIELDS) fields[field] = choice(0, 6);
	if (shape.askPgic) fields.pgic = choice(1, 7);
	return z
		.object(fields)
		.superRefine((v, ctx) => {
			if (shape.activities) return;
			const seen = new Set<string>();
			for (let i = 0; i < count; i++) {
				const name = v[psfsActivityField(i)] as string;
				if (seen.has(name)) ctx.addIssue({ code: 'custom', path: [psfsActivityField(i)], message: 'outcomes.error.activityRepeated' });
				seen.add(name);
			}
		})
		.transform((v): TCheckIn => ({
			legPain: v.legPain as number,
			backPain: v.backPain as number,
			psfs: Array.from({ length: count }, (_, i) => ({
				activity: shape.activities ? shape.activities[i]! : (v[psfsActivityField(i)] as string),
				score: v[psfsScoreField(i)] as number
			})),
			sbi: SBI_FIELDS.map((f) => v[f] as number),
			pgic: shape.askPgic ? (v.pgic as number) : null
		}));
}
