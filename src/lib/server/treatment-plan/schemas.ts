import { z } from 'zod';
import { findAcupoint } from '../../domain/acupoints/points';
import { NEEDLING_ORDER, POINT_SIDES } from '../../domain/clinical/point-suggestions';
import { addDays, isCalendarDate } from '../../domain/time';

export const PLAN_LIMITS = {
	goals: 5,
	goalLength: 200,
	frequencyPerWeek: 7,
	plannedSessions: 100,
	notesLength: 2000,
	reasonLength: 500,
	/** A review further ahead than this is most likely a typing slip. */
	reviewWithinDays: 730
} as const;

function wholeNumber(max: number, key: string) {
	return z.coerce.number({ error: key }).int({ error: key }).min(1, { error: key }).max(max, { error: key });
}

const flag = z.boolean({ error: 'validation.invalid' });

export const ZPlannedPointSchema = z.object({
	code: z
		.string({ error: 'treatmentPlan.error.unknownPoint' })
		.transform((code) => code.trim().toUpperCase())
		.refine((code) => findAcupoint(code) !== null, { error: 'treatmentPlan.error.unknownPoint' }),
	side: z.enum(POINT_SIDES, { error: 'treatmentPlan.error.side' }),
	deep: flag
});
export type TPlannedPoint = z.infer<typeof ZPlannedPointSchema>;

/**
 * A treatment plan as the form and the API send it. `today` is the clinic-local date: the review
 * date lies between today and two years ahead. `acknowledgements` maps a conflict key
 * (domain/clinical/safety-check.ts) to the practitioner's reason.
 */
export function ZSavePlanSchema(today: string) {
	const latest = addDays(today, PLAN_LIMITS.reviewWithinDays);
	return z.object({
		goals: z
			.array(z.string({ error: 'validation.invalid' }).trim().max(PLAN_LIMITS.goalLength, { error: 'treatmentPlan.error.goalTooLong' }), {
				error: 'validation.invalid'
			})
			.max(PLAN_LIMITS.goals, { error: 'treatmentPlan.error.tooManyGoals' })
			.transform((goals) => goals.filter((g) => g !== '')),
		frequencyPerWeek: wholeNumber(PLAN_LIMITS.frequencyPerWeek, 'treatmentPlan.error.frequency'),
		plannedSessions: wholeNumber(PLAN_LIMITS.plannedSessions, 'treatmentPlan.error.sessions'),
		reviewDate: z
			.string({ error: 'treatmentPlan.error.reviewDate' })
			.trim()
			.refine(isCalendarDate, { error: 'treatmentPlan.error.reviewDate' })
			.refine((d) => d >= today, { error: 'treatmentPlan.error.reviewPast' })
			.refine((d) => d <= latest, { error: 'treatmentPlan.error.reviewDate' }),
		points: z
			.array(ZPlannedPointSchema, { error: 'treatmentPlan.error.noPoints' })
			.min(1, { error: 'treatmentPlan.error.noPoints' })
			.max(NEEDLING_ORDER.length, { error: 'treatmentPlan.error.duplicatePoint' })
			.refine((points) => new Set(points.map((p) => p.code)).size === points.length, { error: 'treatmentPlan.error.duplicatePoint' }),
		electroacupuncture: flag,
		moxibustion: flag,
		bloodletting: flag,
		notes: z.string({ error: 'validation.invalid' }).trim().max(PLAN_LIMITS.notesLength, { error: 'treatmentPlan.error.notesTooLong' }).default(''),
		acknowledgements: z
			.record(z.string(), z.string({ error: 'validation.invalid' }).trim().max(PLAN_LIMITS.reasonLength, { error: 'treatmentPlan.error.reasonTooLong' }))
			.default({})
	});
}
export type TSavePlanInput = z.input<ReturnType<typeof ZSavePlanSchema>>;
export type TSavePlan = z.infer<ReturnType<typeof ZSavePlanSchema>>;

/** Form field prefixes: `point.BL40` (checked), `side.BL40`, `deep.BL40`, `goals.0`, `ack.<conflict key>`. */
export const PLAN_FIELD = { point: 'point.', side: 'side.', deep: 'deep.', ack: 'ack.' } as const;

/**
 * The flat form of the plan page as the schema's input. Points are read in the needling order,
 * whatever order the browser sent them in; unknown codes cannot be ticked and are not read.
 */
export function planFormInput(values: Readonly<Record<string, string>>): TSavePlanInput {
	const ticked = (name: string) => values[name] === 'on';
	const acknowledgements: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		if (name.startsWith(PLAN_FIELD.ack)) acknowledgements[name.slice(PLAN_FIELD.ack.length)] = value;
	}
	return {
		goals: Array.from({ length: PLAN_LIMITS.goals }, (_, i) => values[`goals.${i}`] ?? ''),
		frequencyPerWeek: values.frequencyPerWeek ?? '',
		plannedSessions: values.plannedSessions ?? '',
		reviewDate: values.reviewDate ?? '',
		points: NEEDLING_ORDER.filter((code) => ticked(`${PLAN_FIELD.point}${code}`)).map((code) => ({
			code,
			side: (values[`${PLAN_FIELD.side}${code}`] ?? '') as TPlannedPoint['side'],
			deep: ticked(`${PLAN_FIELD.deep}${code}`)
		})),
		electroacupuncture: ticked('electroacupuncture'),
		moxibustion: ticked('moxibustion'),
		bloodletting: ticked('bloodletting'),
		notes: values.notes ?? '',
		acknowledgements
	};
}
