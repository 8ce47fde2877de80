/*
 * Cancellation policy inputs (issue #17), as a form posts them (strings) or as JSON. Messages are
 * catalogue keys under `cancellationPolicy.error.*`.
 */
import { z } from 'zod';
import type { MessageKey } from '../../i18n/translate';
import { PAYMENT_METHODS } from '../../domain/billing/payments';
import { MAX_YEN } from '../../domain/billing/yen';

/** Every message this file's schemas give, by name: a typed label map (issue #21). */
const POLICY_ERRORS = {
	acknowledgement: 'cancellationPolicy.error.acknowledgement',
	hours: 'cancellationPolicy.error.hours',
	yen: 'cancellationPolicy.error.yen',
	method: 'cancellationPolicy.error.method',
	reasonRequired: 'cancellationPolicy.error.reasonRequired',
	tooLong: 'cancellationPolicy.error.tooLong'
} as const satisfies Record<string, MessageKey>;
type PolicyError = keyof typeof POLICY_ERRORS;
const e = (key: PolicyError) => ({ error: POLICY_ERRORS[key] });
export const NOTE_MAX = 1000;
export const REASON_MAX = 500;

const wholeNumber = (max: number, key: PolicyError) =>
	z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v.trim())) : v), z.number(e(key)).int(e(key)).min(0, e(key)).max(max, e(key)));

const text = (max: number) =>
	z
		.string()
		.max(max * 2, e('tooLong'))
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
		.pipe(z.string().max(max, e('tooLong')));

export const ZSavePolicySchema = z.object({
	freeUntilHours: wholeNumber(24 * 14, 'hours'),
	lateFeeJpy: wholeNumber(MAX_YEN, 'yen'),
	noShowFeeJpy: wholeNumber(MAX_YEN, 'yen'),
	noteJa: text(NOTE_MAX),
	noteEn: text(NOTE_MAX)
});
export type TSavePolicy = z.infer<typeof ZSavePolicySchema>;

export const ZCollectFeeSchema = z.object({ method: z.enum(PAYMENT_METHODS, e('method')) });
export type TCollectFee = z.infer<typeof ZCollectFeeSchema>;

export const ZWaiveFeeSchema = z.object({
	reason: z
		.string(e('reasonRequired'))
		.max(REASON_MAX * 2, e('tooLong'))
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, e('reasonRequired')).max(REASON_MAX, e('tooLong')))
});
export type TWaiveFee = z.infer<typeof ZWaiveFeeSchema>;

/** The tick at booking: the version shown. Optional in the API; absent or "" is no tick. */
export const ZPolicyAcknowledgement = z.preprocess(
	(v) => (v === '' || v === undefined || v === null ? undefined : typeof v === 'string' ? Number(v) : v),
	z.number(e('acknowledgement')).int(e('acknowledgement')).min(1, e('acknowledgement')).optional()
);

export type PolicyFieldCodes = Record<string, string>;

export function policyFieldCodes(error: z.ZodError): PolicyFieldCodes {
	const fields: PolicyFieldCodes = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		fields[key] ??= issue.message.startsWith('cancellationPolicy.') ? issue.message : 'cancellationPolicy.error.invalid';
	}
	return fields;
}
