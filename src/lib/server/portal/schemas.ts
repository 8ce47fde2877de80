import { z } from 'zod';
import { normaliseText } from '../../domain/patients/normalise';

/** Longest texts the portal keeps: room for a real explanation, a guard against pasted pages. */
export const PORTAL_LIMITS = { email: 254, reason: 2000, response: 2000 } as const;

/** Keeps line breaks (a reason may be several lines) but trims the ends and drops NUL bytes. */
const longText = (max: number) =>
	z
		.string()
		.max(max * 2)
		.transform((s) => s.replace(/\r\n?/g, '\n').replace(/\0/g, '').trim())
		.pipe(z.string().min(1, { message: 'validation.required' }).max(max));

export const ZRequestMagicLinkSchema = z.object({
	email: z
		.string()
		.max(PORTAL_LIMITS.email * 2)
		.transform(normaliseText)
		.pipe(
			z
				.string()
				.min(1, { message: 'validation.required' })
				.max(PORTAL_LIMITS.email)
				.pipe(z.email({ message: 'validation.email' }))
		)
});
export type TRequestMagicLink = z.infer<typeof ZRequestMagicLinkSchema>;

export const ZDeletionRequestSchema = z.object({ reason: longText(PORTAL_LIMITS.reason) });
export type TDeletionRequest = z.infer<typeof ZDeletionRequestSchema>;

export const ZResolveDeletionRequestSchema = z.object({
	id: z.uuid(),
	status: z.enum(['done', 'declined'], { message: 'validation.choice' }),
	response: longText(PORTAL_LIMITS.response)
});
export type TResolveDeletionRequest = z.infer<typeof ZResolveDeletionRequestSchema>;
