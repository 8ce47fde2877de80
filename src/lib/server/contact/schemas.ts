import { z } from 'zod';

export const ZContactSchema = z.object({
	name: z.string().trim().min(1).max(80),
	email: z.email().trim().max(254),
	phone: z
		.string()
		.trim()
		.max(30)
		.regex(/^[0-9+\-() ]*$/, 'validation.invalid')
		.optional()
		.transform((v) => v ?? ''),
	message: z.string().trim().min(1).max(2000),
	/** A field people never see; only robots fill it in. */
	website: z.string().max(500).optional()
});
export type TContact = z.infer<typeof ZContactSchema>;
