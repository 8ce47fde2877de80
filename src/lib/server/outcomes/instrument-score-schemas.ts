import { z } from 'zod';
import type { Instrument } from '../../domain/outcomes/instrument';

/** A score as the server use case takes it; whether the answers fit is checked by the domain. */
export const ZInstrumentScoreSchema = z.object({
	instrument: z.string().min(1).max(40),
	answers: z.array(z.number()).max(100)
});
export type TInstrumentScore = z.infer<typeof ZInstrumentScoreSchema>;

/** The form field of item `i`: a radio group, or a number box on a wide scale (the page decides). */
export const itemField = (i: number) => `item${i}`;

const ANSWER = 'outcomes.instruments.error.answer';

/** One answer on the instrument's scale; missing, not a whole number or off the scale asks for it again. */
const answer = (min: number, max: number) =>
	z
		.string({ error: ANSWER })
		.trim()
		.regex(/^-?\d{1,6}$/, { error: ANSWER })
		.transform(Number)
		.refine((n) => n >= min && n <= max, { error: ANSWER });

/**
 * The console form for one clinic instrument (flat fields `item0`, `item1` …) → a `TInstrumentScore`.
 * Every item must be answered: the definition scores complete sets only.
 */
export function ZInstrumentScoreFormSchema(instrument: Instrument) {
	const count = instrument.items.kind === 'fixed' ? instrument.items.list.length : 0;
	const fields: Record<string, z.ZodType<number>> = {};
	for (let i = 0; i < count; i++) fields[itemField(i)] = answer(instrument.scale.min, instrument.scale.max);
	return z
		.object(fields)
		.transform((v): TInstrumentScore => ({ instrument: instrument.code, answers: Array.from({ length: count }, (_, i) => v[itemField(i)] as number) }));
}
