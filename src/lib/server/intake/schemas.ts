/*
 * One Zod schema per intake step (issue #6), reading the plain form fields of form-fields.ts and
 * giving the stored answers of domain/intake/answers.ts. Messages are catalogue keys, so the
 * shared field-error mechanism shows them in the patient's language.
 */
import { z } from 'zod';
import { BODY_REGIONS } from '../../domain/acupoints/body-regions';
import {
	AGGRAVATING_FACTORS,
	ALLERGIES,
	BLOOD_THINNER_ANSWERS,
	BLOOD_THINNERS,
	DURATION_UNITS,
	EASING_FACTORS,
	ONSETS,
	PAIN_SIDES,
	PREGNANCY_ANSWERS,
	PSFS_MIN_ITEMS,
	SBI_ITEMS,
	type MeasuresAnswers,
	type PsfsItem,
	type StepAnswers
} from '../../domain/intake/answers';
import { CHECKED, INTAKE_LIMITS, optionField, PSFS_ROWS, psfsFields, sbiField } from '../../domain/intake/form-fields';
import { painRegionCodes } from '../../domain/intake/pain-map';
import type { AnswerStep } from '../../domain/intake/steps';
import { normaliseText } from '../../domain/patients/normalise';
import { RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../../domain/triage/assess';

/** Free text: each line tidied (full-width letters, stray spaces), line breaks kept, length capped. */
const freeText = (max: number) =>
	z
		.string()
		.max(max * 2)
		.optional()
		.transform((value) =>
			(value ?? '')
				.replace(/\r\n?/g, '\n')
				.split('\n')
				.map(normaliseText)
				.join('\n')
				.replace(/\n{3,}/g, '\n\n')
				.trim()
		)
		.pipe(z.string().max(max));

const yesNo = z.enum(['yes', 'no']).transform((value) => value === 'yes');

/** A whole number typed or chosen in the form; full-width digits are accepted. */
const wholeNumber = (min: number, max: number, message: string) =>
	z
		.string()
		.max(20)
		.transform(normaliseText)
		.pipe(z.string().regex(/^\d{1,5}$/, message))
		.transform(Number)
		.pipe(z.number().int().min(min, message).max(max, message));

/**
 * Checkbox groups arrive as one field per option (`group.option` = `on`); they become a list of
 * the options ticked, in the catalogue's order. Names the form never offers are ignored, like any
 * other unknown field.
 */
function collectOptions(groups: Record<string, readonly string[]>) {
	return (input: unknown) => {
		if (input === null || typeof input !== 'object') return input;
		const values = input as Record<string, unknown>;
		const collected: Record<string, unknown> = { ...values };
		for (const [group, options] of Object.entries(groups)) {
			collected[group] = options.filter((option) => values[optionField(group, option)] === CHECKED);
		}
		return collected;
	};
}

const optionList = <const T extends readonly [string, ...string[]]>(options: T) => z.array(z.enum(options));

export const ZIntakeHistorySchema = z.object({
	conditions: freeText(INTAKE_LIMITS.longText),
	operations: freeText(INTAKE_LIMITS.longText),
	diabetes: yesNo,
	bleedingDisorder: yesNo,
	pregnant: z.enum(PREGNANCY_ANSWERS)
}) satisfies z.ZodType<StepAnswers['history'], unknown>;

export const ZIntakeSafetySchema = z.preprocess(
	collectOptions({ bloodThinnerKinds: BLOOD_THINNERS, allergies: ALLERGIES, skinProblemSites: BODY_REGIONS, lymphoedemaSites: BODY_REGIONS }),
	z.object({
		medicines: freeText(INTAKE_LIMITS.longText),
		bloodThinner: z.enum(BLOOD_THINNER_ANSWERS),
		bloodThinnerKinds: optionList(BLOOD_THINNERS),
		implantedDevice: yesNo,
		allergies: optionList(ALLERGIES),
		otherAllergies: freeText(INTAKE_LIMITS.shortText),
		fainting: yesNo,
		needleFear: yesNo,
		skinProblemSites: optionList(BODY_REGIONS),
		skinProblemNote: freeText(INTAKE_LIMITS.shortText),
		lymphoedemaSites: optionList(BODY_REGIONS)
	})
) satisfies z.ZodType<StepAnswers['safety'], unknown>;

const FRONT_CODES = painRegionCodes('front') as [string, ...string[]];
const BACK_CODES = painRegionCodes('back') as [string, ...string[]];

export const ZIntakeComplaintSchema = z.preprocess(
	collectOptions({ painFront: FRONT_CODES, painBack: BACK_CODES, worseWith: AGGRAVATING_FACTORS, betterWith: EASING_FACTORS }),
	z.object({
		description: freeText(INTAKE_LIMITS.longText).pipe(z.string().min(1, 'validation.required')),
		onset: z.enum(ONSETS),
		durationValue: wholeNumber(0, INTAKE_LIMITS.durationValue, 'intake.error.duration'),
		durationUnit: z.enum(DURATION_UNITS),
		side: z.enum(PAIN_SIDES),
		painFront: optionList(FRONT_CODES),
		painBack: optionList(BACK_CODES),
		worseWith: optionList(AGGRAVATING_FACTORS),
		betterWith: optionList(EASING_FACTORS),
		work: freeText(INTAKE_LIMITS.shortText),
		activities: freeText(INTAKE_LIMITS.shortText)
	})
) as unknown as z.ZodType<StepAnswers['complaint'], unknown>;

/**
 * The self-check's questions (docs/clinical-rules.md §1). The age is optional here because it is
 * asked only when the date of birth is unknown; saveIntakeStep requires it then.
 */
export const ZIntakeRedFlagsSchema = z.object({
	...(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, yesNo])) as Record<RedFlagQuestion, typeof yesNo>),
	seenDoctor: yesNo,
	painNrs: wholeNumber(0, 10, 'intake.error.scale10'),
	age: z
		.union([z.literal(''), wholeNumber(0, 120, 'intake.error.age')])
		.optional()
		.transform((value) => (typeof value === 'number' ? value : undefined))
}) satisfies z.ZodType<StepAnswers['red-flags'], unknown>;

const psfsScore = z.union([z.literal(''), wholeNumber(0, 10, 'intake.error.psfsScore')]).optional();
const PSFS_SHAPE = Object.fromEntries(
	PSFS_ROWS.flatMap((row) => {
		const f = psfsFields(row);
		return [
			[f.activity, freeText(INTAKE_LIMITS.activity)],
			[f.score, psfsScore]
		];
	})
) as Record<string, z.ZodType<string | number | undefined, unknown>>;

export const ZIntakeMeasuresSchema = z
	.object({
		legPain: wholeNumber(0, 10, 'intake.error.scale10'),
		backPain: wholeNumber(0, 10, 'intake.error.scale10'),
		...Object.fromEntries(SBI_ITEMS.map((item) => [sbiField(item), wholeNumber(0, 6, 'intake.error.scale6')])),
		...PSFS_SHAPE
	})
	.superRefine(
		(data, ctx) => {
			const rows = data as Record<string, unknown>;
			let complete = 0;
			let firstEmpty: string | null = null;
			for (const row of PSFS_ROWS) {
				const f = psfsFields(row);
				const activity = rows[f.activity];
				const score = rows[f.score];
				const hasActivity = typeof activity === 'string' && activity !== '';
				const hasScore = typeof score === 'number';
				if (hasActivity && !hasScore) ctx.addIssue({ code: 'custom', message: 'intake.error.psfsScoreMissing', path: [f.score] });
				if (!hasActivity && hasScore) ctx.addIssue({ code: 'custom', message: 'intake.error.psfsActivityMissing', path: [f.activity] });
				if (hasActivity && hasScore) complete++;
				if (!hasActivity && !hasScore) firstEmpty ??= f.activity;
			}
			if (complete < PSFS_MIN_ITEMS && firstEmpty) ctx.addIssue({ code: 'custom', message: 'intake.error.psfsTooFew', path: [firstEmpty] });
			// Run even when another field failed, so every error shows at once; PSFS rows are read defensively.
		},
		{ when: () => true }
	)
	.transform((data): MeasuresAnswers => {
		const rows = data as Record<string, unknown>;
		const psfs: PsfsItem[] = [];
		for (const row of PSFS_ROWS) {
			const f = psfsFields(row);
			if (typeof rows[f.activity] === 'string' && rows[f.activity] !== '' && typeof rows[f.score] === 'number') {
				psfs.push({ activity: rows[f.activity] as string, score: rows[f.score] as number });
			}
		}
		const sbi = SBI_ITEMS.map((item) => rows[sbiField(item)] as number) as MeasuresAnswers['sbi'];
		return { legPain: data.legPain, backPain: data.backPain, psfs, sbi };
	});

/** The schema of each step that collects answers. */
export const ZIntakeStepSchemas: { [S in AnswerStep]: z.ZodType<StepAnswers[S], unknown> } = {
	history: ZIntakeHistorySchema,
	safety: ZIntakeSafetySchema,
	complaint: ZIntakeComplaintSchema,
	'red-flags': ZIntakeRedFlagsSchema,
	measures: ZIntakeMeasuresSchema
};

export type TIntakeStepAnswers<S extends AnswerStep> = StepAnswers[S];
