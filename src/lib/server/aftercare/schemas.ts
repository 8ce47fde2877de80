import { z } from 'zod';

export const AFTERCARE_BODY_MAX = 4000;

/**
 * The console's aftercare form: chosen templates (`template.<id>` boxes) and the practitioner's
 * own words, whether the patient sees it in the portal, and whether they are told by e-mail.
 */
export const ZAftercareFormSchema = z
	.looseObject({
		body: z
			.string()
			.max(AFTERCARE_BODY_MAX * 2)
			.optional()
			.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim()),
		shared: z
			.string()
			.optional()
			.transform((v) => v === 'yes'),
		notify: z
			.string()
			.optional()
			.transform((v) => v === 'yes')
	})
	.transform(({ body, shared, notify, ...rest }) => ({
		body,
		shared,
		notify: shared && notify,
		templateIds: Object.keys(rest)
			.filter((key) => key.startsWith('template.') && rest[key] === 'on')
			.map((key) => key.slice('template.'.length))
	}));

/** One note as stored: the text, and whether the patient sees it in the portal. */
export const ZAftercareNoteSchema = z.object({
	body: z
		.string({ error: 'outcomes.error.noteRequired' })
		.max(AFTERCARE_BODY_MAX * 2)
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, { error: 'outcomes.error.noteRequired' }).max(AFTERCARE_BODY_MAX, { error: 'outcomes.error.noteTooLong' })),
	shared: z
		.string()
		.optional()
		.transform((v) => v === 'yes')
});
export type TAftercareNote = z.infer<typeof ZAftercareNoteSchema>;
