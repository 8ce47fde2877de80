import { z } from 'zod';

export const AFTERCARE_BODY_MAX = 4000;

/** The console's aftercare form: the note, and whether the patient sees it in the portal. */
export const ZAftercareNoteSchema = z.object({
	body: z
		.string({ error: 'outcomes.error.noteRequired' })
		.max(AFTERCARE_BODY_MAX * 2)
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(
			z
				.string()
				.min(1, { error: 'outcomes.error.noteRequired' })
				.max(AFTERCARE_BODY_MAX, { error: 'outcomes.error.noteTooLong' })
		),
	shared: z
		.string()
		.optional()
		.transform((v) => v === 'yes')
});
export type TAftercareNote = z.infer<typeof ZAftercareNoteSchema>;
