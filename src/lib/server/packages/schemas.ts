/*
 * Inputs of the prepaid courses (issue #18), as a form posts them (strings) or as JSON. Every
 * message is a catalogue key under `packages.error.*`; the route translates it.
 */
import { z } from 'zod';
import type { MessageKey } from '../../i18n/translate';
import { PAYMENT_METHODS } from '../../domain/billing/payments';
import { MAX_YEN } from '../../domain/billing/yen';
import { MAX_VALIDITY_MONTHS, MAX_VISITS } from '../../domain/packages/terms';

/** Every message this file's schemas give, by name: a typed label map (issue #21). */
const PACKAGE_ERRORS = {
	required: 'packages.error.required',
	tooLong: 'packages.error.tooLong',
	invalid: 'packages.error.invalid',
	services: 'packages.error.services',
	visitCount: 'packages.error.visitCount',
	price: 'packages.error.price',
	validityMonths: 'packages.error.validityMonths',
	packageType: 'packages.error.packageType',
	amount: 'packages.error.amount',
	method: 'packages.error.method',
	family: 'packages.error.family'
} as const satisfies Record<string, MessageKey>;
type PackageError = keyof typeof PACKAGE_ERRORS;
const e = (key: PackageError) => ({ error: PACKAGE_ERRORS[key] });
const fail = (ctx: z.RefinementCtx, key: PackageError) => {
	ctx.addIssue({ code: 'custom', message: PACKAGE_ERRORS[key] });
	return z.NEVER;
};

const name = z
	.string(e('required'))
	.max(200, e('tooLong'))
	.transform((s) => s.trim())
	.pipe(z.string().min(1, e('required')).max(100, e('tooLong')));

/** A whole number typed in a form (full-width digits, separators, a yen sign allowed) or sent as JSON; a fraction is refused, never rounded. */
const whole = (min: number, max: number, key: PackageError) =>
	z.union([z.number(), z.string()], e(key)).transform((v, ctx) => {
		const digits =
			typeof v === 'number'
				? String(v)
				: v
						.normalize('NFKC')
						.trim()
						.replace(/^[¥￥]/, '')
						.replace(/円$/, '')
						.replace(/,(?=\d{3}(?:,|$))/g, '');
		const n = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
		return Number.isSafeInteger(n) && n >= min && n <= max ? n : fail(ctx, key);
	});

/** A checkbox ('on'), a select ('true'/'false') or JSON; missing is false. */
const flag = z
	.union([z.boolean(), z.string()])
	.optional()
	.transform((v, ctx) => {
		if (v === undefined || v === '' || v === false) return false;
		if (v === true || ['true', 'on', '1'].includes(v)) return true;
		if (['false', 'off', '0'].includes(v)) return false;
		return fail(ctx, 'invalid');
	});

const ids = z
	.union([z.array(z.string()), z.string()])
	.optional()
	.transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== ''))]);

export const ZPackageTypeSchema = z.object({
	nameJa: name,
	nameEn: name,
	serviceIds: ids.pipe(z.array(z.uuid(e('services'))).min(1, e('services'))),
	visitCount: whole(1, MAX_VISITS, 'visitCount'),
	priceJpy: whole(1, MAX_YEN, 'price'),
	validityMonths: whole(1, MAX_VALIDITY_MONTHS, 'validityMonths'),
	familyShareable: flag,
	soldOnline: flag
});
export type TPackageType = z.infer<typeof ZPackageTypeSchema>;

const method = z.enum(PAYMENT_METHODS, e('method'));

export const ZSellPackageSchema = z.object({
	packageTypeId: z.uuid(e('packageType')),
	/** The first payment; empty for none yet (part payment is allowed). */
	amountJpy: z
		.union([z.number(), z.string()])
		.optional()
		.transform((v) => (v === undefined || v === '' ? null : v))
		.pipe(whole(0, MAX_YEN, 'amount').nullable()),
	method: z
		.string()
		.optional()
		.transform((s) => (s ? s : 'cash'))
		.pipe(method),
	familyPatientIds: ids.pipe(z.array(z.uuid(e('family'))).max(10, e('family')))
});
export type TSellPackage = z.infer<typeof ZSellPackageSchema>;

export const ZRefundPackageSchema = z.object({ method });
export type TRefundPackage = z.infer<typeof ZRefundPackageSchema>;

export const ZPackageSettingsSchema = z.object({
	cancellationFeeJpy: whole(0, MAX_YEN, 'amount'),
	documentedAverageDamageJpy: z
		.union([z.number(), z.string()])
		.optional()
		.transform((v) => (v === undefined || v === '' ? null : v))
		.pipe(whole(0, MAX_YEN, 'amount').nullable()),
	noShowUsesVisit: flag
});
export type TPackageSettings = z.infer<typeof ZPackageSettingsSchema>;

/** Form field → catalogue key; `_` for the whole form. */
export type PackageFieldCodes = Record<string, string>;

export function packageFieldCodes(error: z.ZodError): PackageFieldCodes {
	const fields: PackageFieldCodes = {};
	for (const issue of error.issues) {
		const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
		fields[field] ??= issue.message.startsWith('packages.') ? issue.message : 'packages.error.invalid';
	}
	return fields;
}
