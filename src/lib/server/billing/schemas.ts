/*
 * Billing inputs, as a browser form posts them (strings) or as JSON (numbers, booleans, arrays).
 * Every message is a catalogue key under `billing.error.*`; the route translates it.
 */
import { z } from 'zod';
import type { MessageKey } from '../../i18n/translate';
import { SHARE_PERCENTS } from '../../domain/billing/billing-config';
import { isCalendarDate } from '../../domain/time';
import { earliestConsentStart } from '../../domain/billing/doctor-consent-validity';
import { INSURED_CONDITIONS } from '../../domain/billing/insured-conditions';
import { PAYMENT_METHODS } from '../../domain/billing/payments';
import { MAX_YEN } from '../../domain/billing/yen';

export const NAME_MAX = 100;
export const INSTITUTION_MAX = 200;
export const NOTE_MAX = 500;
export const REASON_MAX = 500;

/** Every message this file's schemas give, by name: a typed label map (issue #21). */
const BILLING_ERRORS = {
	invalid: 'billing.error.invalid',
	required: 'billing.error.required',
	tooLong: 'billing.error.tooLong',
	date: 'billing.error.date',
	tooEarly: 'billing.error.tooEarly',
	firstTreatmentBeforeSigning: 'billing.error.firstTreatmentBeforeSigning',
	conditions: 'billing.error.conditions',
	kind: 'billing.error.kind',
	payer: 'billing.error.payer',
	sharePercent: 'billing.error.sharePercent',
	arts: 'billing.error.arts',
	addOn: 'billing.error.addOn',
	consent: 'billing.error.consent',
	amount: 'billing.error.amount',
	method: 'billing.error.method',
	reasonRequired: 'billing.error.reasonRequired'
} as const satisfies Record<string, MessageKey>;
type BillingError = keyof typeof BILLING_ERRORS;
const e = (key: BillingError) => ({ error: BILLING_ERRORS[key] });
const fail = (ctx: z.RefinementCtx, key: BillingError) => {
	ctx.addIssue({ code: 'custom', message: BILLING_ERRORS[key] });
	return z.NEVER;
};

const requiredText = (max: number, key: BillingError = 'required') =>
	z
		.string(e(key))
		.max(max * 2, e('tooLong'))
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, e(key)).max(max, e('tooLong')));

const optionalText = (max: number) =>
	z
		.string()
		.max(max * 2, e('tooLong'))
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
		.pipe(z.string().max(max, e('tooLong')));

const calendarDate = z
	.string(e('date'))
	.trim()
	.refine((s) => isCalendarDate(s), e('date'));

const optionalDate = z
	.string()
	.optional()
	.transform((s, ctx) => {
		const v = (s ?? '').trim();
		if (v === '') return null;
		return isCalendarDate(v) ? v : fail(ctx, 'date');
	});

/** A form sends one value for a single choice and several for many; JSON sends an array. */
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
	z
		.union([z.array(z.string()), z.string()])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== ''))
		.pipe(z.array(item));

/** true / false from a checkbox ('on'), a select ('true' / 'false') or JSON; empty is null (decide for me). */
const optionalFlag = z
	.union([z.boolean(), z.string()])
	.optional()
	.transform((v, ctx): boolean | null => {
		if (v === undefined || v === '') return null;
		if (typeof v === 'boolean') return v;
		if (['true', 'on', '1'].includes(v)) return true;
		if (['false', 'off', '0'].includes(v)) return false;
		return fail(ctx, 'invalid');
	});

/**
 * Whole yen, at least 1. Reception may type full-width digits, thousands separators or a yen sign
 * ('５,５００円', '¥5,500'); a fraction, a sign or an exponent is refused, never rounded.
 */
export const yenAmount = z.union([z.number(), z.string()], e('amount')).transform((v, ctx) => {
	if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 1 && v <= MAX_YEN ? v : fail(ctx, 'amount');
	const digits = v
		.normalize('NFKC')
		.trim()
		.replace(/^[¥￥]/, '')
		.replace(/円$/, '')
		.replace(/,(?=\d{3}(?:,|$))/g, '');
	if (!/^\d{1,9}$/.test(digits)) return fail(ctx, 'amount');
	const amount = Number(digits);
	return amount >= 1 && amount <= MAX_YEN ? amount : fail(ctx, 'amount');
});

export const ZRecordDoctorConsentSchema = z
	.object({
		kind: z
			.string()
			.optional()
			.transform((s) => (s ? s : 'initial'))
			.pipe(z.enum(['initial', 'renewal'], e('kind'))),
		doctorName: requiredText(NAME_MAX),
		institution: requiredText(INSTITUTION_MAX),
		signedOn: calendarDate.refine((d) => d >= earliestConsentStart(), e('tooEarly')),
		conditions: list(z.enum(INSURED_CONDITIONS, e('conditions')))
			.refine((codes) => codes.length > 0, e('conditions'))
			.transform((codes) => [...new Set(codes)]),
		conditionNote: optionalText(NOTE_MAX),
		firstTreatmentOn: optionalDate,
		// The rest of the 同意書 form (issue #19, docs/jukyo-inin.md §6). Optional here so a consent
		// can be recorded as the desk reads it; the claim names what its 同意記録 still lacks.
		institutionAddress: optionalText(INSTITUTION_MAX),
		symptoms: optionalText(NOTE_MAX),
		onsetOn: optionalDate,
		examinedOn: optionalDate,
		homeVisitNeeded: optionalFlag.transform((v) => v === true),
		homeVisitReason: optionalText(NOTE_MAX),
		carePeriod: optionalText(NAME_MAX),
		remarks: optionalText(NOTE_MAX)
	})
	.refine((v) => v.firstTreatmentOn === null || v.firstTreatmentOn >= v.signedOn, { path: ['firstTreatmentOn'], ...e('firstTreatmentBeforeSigning') })
	.refine((v) => v.examinedOn === null || v.examinedOn <= v.signedOn, { path: ['examinedOn'], error: 'jukyoRegistration.error.examinedAfterSigning' })
	.refine((v) => v.onsetOn === null || v.onsetOn <= (v.examinedOn ?? v.signedOn), { path: ['onsetOn'], error: 'jukyoRegistration.error.onsetAfterExamination' })
	.refine((v) => !v.homeVisitNeeded || v.homeVisitReason !== '', { path: ['homeVisitReason'], error: 'jukyoRegistration.error.homeVisitReason' });
export type TRecordDoctorConsent = z.infer<typeof ZRecordDoctorConsentSchema>;

export const ZCreateChargeSchema = z
	.object({
		payer: z.enum(['self_pay', 'insurance'], e('payer')),
		addOnServiceIds: list(z.uuid(e('addOn'))),
		/** The patient's share in percent; for insurance it must match the eligibility check's 給付割合 when given. */
		sharePercent: z
			.union([z.number(), z.string()])
			.optional()
			.transform((v, ctx) => {
				if (v === undefined || v === '') return null;
				const n = Number(v);
				return (SHARE_PERCENTS as readonly number[]).includes(n) ? (n as (typeof SHARE_PERCENTS)[number]) : fail(ctx, 'sharePercent');
			}),
		/** Null: 初検料 when the patient has no earlier insured charge. */
		initialExam: optionalFlag,
		/** Null: from the visit's session record (moxibustion with needling is 2術). */
		arts: z
			.string()
			.optional()
			.transform((s) => (s ? s : null))
			.pipe(z.enum(['single', 'combined'], e('arts')).nullable()),
		/** Null: from the visit's session record (electroacupuncture used). */
		electro: optionalFlag,
		/** Null: the consent that covers the visit's day is found by the rules. */
		consentId: z
			.string()
			.optional()
			.transform((s) => (s ? s : null))
			.pipe(z.uuid(e('consent')).nullable()),
		/* Where an insured visit was given (issue #19, docs/jukyo-claim.md §1, §3): at the clinic by default. */
		visitPlace: z
			.string()
			.optional()
			.transform((s) => (s ? s : 'clinic'))
			.pipe(z.enum(['clinic', 'home_visit', 'house_call'], { error: 'jukyoMonth.error.visitPlace' })),
		/** 訪問施術料 tier by the patients treated at the place that day. */
		homeVisitTier: z
			.string()
			.optional()
			.transform((s) => (s ? s : null))
			.pipe(z.enum(['1', '2', '3', '3_ten_plus'], { error: 'jukyoMonth.error.homeVisitTier' }).nullable()),
		specialArea: optionalFlag.transform((v) => v === true),
		/** 往療又は訪問の理由 1–3. */
		homeVisitReason: z
			.union([z.number(), z.string()])
			.optional()
			.transform((v) => (v === undefined || v === '' ? null : Number(v)))
			.pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'jukyoMonth.error.homeVisitReason' }).nullable())
	})
	.refine((v) => v.visitPlace !== 'home_visit' || v.homeVisitTier !== null, { path: ['homeVisitTier'], error: 'jukyoMonth.error.homeVisitTier' })
	.refine((v) => v.visitPlace === 'clinic' || v.homeVisitReason !== null, { path: ['homeVisitReason'], error: 'jukyoMonth.error.homeVisitReason' })
	.refine((v) => v.visitPlace !== 'clinic' || !v.specialArea, { path: ['specialArea'], error: 'jukyoMonth.error.specialAreaAtClinic' })
	.refine((v) => v.visitPlace === 'clinic' || v.payer === 'insurance', { path: ['visitPlace'], error: 'jukyoMonth.error.visitPlaceSelfPay' });
// No share is required here: an insured charge takes it from the month's eligibility check (issue #19);
// the desk gives it only when the check has none (10割給付), which create-charge refuses without it.
export type TCreateCharge = z.infer<typeof ZCreateChargeSchema>;

export const ZPaymentSchema = z.object({
	method: z.enum(PAYMENT_METHODS, e('method')),
	amountJpy: yenAmount,
	/** Cash handed over (お預かり), when the desk enters it: the change is worked out from it. */
	tenderedJpy: z
		.union([z.number(), z.string()])
		.optional()
		.transform((v) => (v === undefined || v === '' ? null : v))
		.pipe(yenAmount.nullable())
});
export type TPayment = z.infer<typeof ZPaymentSchema>;

export const ZRefundSchema = ZPaymentSchema.omit({ tenderedJpy: true }).extend({ reason: requiredText(REASON_MAX, 'reasonRequired') });
export type TRefund = z.infer<typeof ZRefundSchema>;

export const ZVoidChargeSchema = z.object({ reason: requiredText(REASON_MAX, 'reasonRequired') });
export type TVoidCharge = z.infer<typeof ZVoidChargeSchema>;

export const ZDayEndSchema = z.object({ date: calendarDate });
export type TDayEnd = z.infer<typeof ZDayEndSchema>;
