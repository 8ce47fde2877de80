import { z } from 'zod';
import { CONSENT_KINDS } from '../../domain/consent/kinds';

/** Longest values kept: a guard against pasted text, generous for real names and documents. */
export const CONSENT_LIMITS = { id: 64, typedName: 100, title: 200, body: 20_000 } as const;

/** The sign form of the portal and the desk. `decision` says agree or decline; `agree` is the ticked box. */
export const ZSignConsentFormSchema = z.object({
	documentId: z.string().min(1).max(CONSENT_LIMITS.id),
	decision: z.enum(['agree', 'decline'], { message: 'validation.choice' }),
	agree: z.literal('on').optional(),
	typedName: z.string().max(CONSENT_LIMITS.typedName).optional().default('')
});
export type TSignConsentForm = z.infer<typeof ZSignConsentFormSchema>;

const text = (max: number) =>
	z
		.string()
		.max(max)
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().min(1, { message: 'validation.required' }));

/** A new version of one kind, in both languages. */
export const ZPublishConsentSchema = z.object({
	kind: z.enum(CONSENT_KINDS, { message: 'consent.error.kind' }),
	titleJa: text(CONSENT_LIMITS.title),
	titleEn: text(CONSENT_LIMITS.title),
	bodyJa: text(CONSENT_LIMITS.body),
	bodyEn: text(CONSENT_LIMITS.body),
	required: z.boolean()
});
export type TPublishConsent = z.infer<typeof ZPublishConsentSchema>;

/** The owner's publish form: the texts, plus the box confirming that patients will be asked again. */
export const ZPublishConsentFormSchema = z.object({
	kind: z.enum(CONSENT_KINDS, { message: 'consent.error.kind' }),
	titleJa: z.string().max(CONSENT_LIMITS.title),
	titleEn: z.string().max(CONSENT_LIMITS.title),
	bodyJa: z.string().max(CONSENT_LIMITS.body),
	bodyEn: z.string().max(CONSENT_LIMITS.body),
	confirm: z.literal('on', { message: 'consent.error.confirmPublish' })
});

/** The desk's record of a treatment consent given aloud: the box confirms the text was explained. */
export const ZVerbalConsentSchema = z.object({
	kind: z.enum(CONSENT_KINDS).optional().default('treatment'),
	confirm: z.literal('on')
});
export type TVerbalConsent = z.infer<typeof ZVerbalConsentSchema>;
