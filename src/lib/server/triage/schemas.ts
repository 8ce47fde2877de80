import { z } from 'zod';
import { RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../../domain/triage/assess';

/** The contract of `POST /api/v1/triage` (docs/clinical-rules.md §1): red flags are required booleans. */
export const ZTriageAnswersSchema = z.object({
	...(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, z.boolean()])) as Record<RedFlagQuestion, z.ZodBoolean>),
	seenDoctor: z.boolean().optional(),
	age: z.number().int().min(0).max(120),
	durationDays: z.number().int().min(0).max(36500),
	painNrs: z.number().int().min(0).max(10)
});
export type TTriageAnswers = z.infer<typeof ZTriageAnswersSchema>;

export const ZTriageRequestSchema = z.object({ answers: ZTriageAnswersSchema });

const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');
const wholeNumber = (min: number, max: number) =>
	z.string().trim().min(1).regex(/^\d+$/, 'validation.invalid').transform(Number).pipe(z.number().int().min(min).max(max));
const DAYS_PER_UNIT = { days: 1, weeks: 7, months: 30 } as const;

/** The same answers as the self-check form sends them (works without JavaScript). */
export const ZTriageFormSchema = z
	.object({
		...(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, yesNo])) as Record<RedFlagQuestion, typeof yesNo>),
		seenDoctor: yesNo,
		age: wholeNumber(0, 120),
		duration: wholeNumber(0, 1200),
		durationUnit: z.enum(['days', 'weeks', 'months']),
		painNrs: wholeNumber(0, 10)
	})
	.transform(({ duration, durationUnit, ...rest }) => ({
		...rest,
		durationDays: Math.min(36500, duration * DAYS_PER_UNIT[durationUnit])
	}));

const trueFalse = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The answers as hidden fields of the self-check's result page, posted on to `/book/self-check`
 * (docs/contracts.md): the same contract as the API, written as form text. Health answers travel
 * in a POST body, never in a URL.
 */
export const ZTriageHiddenSchema = z.object({
	...(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, trueFalse])) as Record<RedFlagQuestion, typeof trueFalse>),
	seenDoctor: trueFalse,
	age: wholeNumber(0, 120),
	durationDays: wholeNumber(0, 36500),
	painNrs: wholeNumber(0, 10)
}) satisfies z.ZodType<TTriageAnswers, unknown>;

/** The hidden fields that ZTriageHiddenSchema reads back. */
export function triageHiddenFields(answers: TTriageAnswers): Record<string, string> {
	return {
		...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, String(answers[q])])),
		seenDoctor: String(answers.seenDoctor === true),
		age: String(answers.age),
		durationDays: String(answers.durationDays),
		painNrs: String(answers.painNrs)
	};
}
