/*
 * 受領委任 inputs (issue #19), as a form posts them (strings) or as JSON. Messages are catalogue
 * keys under `jukyoRegistration.error.*`; the route translates them. Empty registration fields are
 * allowed (the owner fills the registration in over time; missingForClaim names what is missing),
 * but what is given must be well formed.
 */
import { z } from 'zod';
import { isCalendarDate } from '../../domain/time';
import { INSURED_CONDITIONS } from '../../domain/billing/insured-conditions';
import {
	BENEFIT_PERCENTS,
	ELIGIBILITY_METHODS,
	ELIGIBILITY_RESULTS,
	HOLDER_KINDS,
	isFamilyMember,
	INSURANCE_KINDS,
	INSURER_NUMBER,
	PUBLIC_PAYER_NUMBER,
	PUBLIC_RECIPIENT_NUMBER
} from '../../domain/jukyo/eligibility';
import {
	ACCOUNT_NUMBER,
	DEPOSIT_KINDS,
	FILING_KINDS,
	HOLDER_KANA,
	INSURER_KINDS,
	PHONE,
	POSTAL_CODE,
	type JukyoRegistration,
	type SubmissionTarget
} from '../../domain/jukyo/registration';

export const TEXT_MAX = 200;
export const NOTE_MAX = 500;

export type JukyoFieldCodes = Record<string, string>;

const PREFIX = 'jukyoRegistration.error.';
const e = (key: string) => ({ error: `${PREFIX}${key}` });
const fail = (ctx: z.RefinementCtx, key: string) => {
	ctx.addIssue({ code: 'custom', message: `${PREFIX}${key}` });
	return z.NEVER;
};

/** One key per top-level field: the schema's own message, or a generic one. */
export function jukyoFieldCodes(error: z.ZodError): JukyoFieldCodes {
	const fields: JukyoFieldCodes = {};
	for (const issue of error.issues) {
		const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
		fields[field] ??= issue.message.startsWith(PREFIX) ? issue.message : `${PREFIX}invalid`;
	}
	return fields;
}

const text = (max = TEXT_MAX) =>
	z
		.string(e('invalid'))
		.max(max * 2, e('tooLong'))
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
		.pipe(z.string().max(max, e('tooLong')));

/** Full-width digits and hyphens as a desk may type them, normalised; empty stays empty. */
const formatted = (pattern: RegExp, key: string, normalise: (s: string) => string = (s) => s) =>
	z
		.string(e(key))
		.max(100, e(key))
		.optional()
		.transform((s, ctx) => {
			const v = normalise(
				(s ?? '')
					.normalize('NFKC')
					.trim()
					.replace(/[‐－―ー−]/g, '-')
			);
			if (v === '') return '';
			return pattern.test(v) ? v : fail(ctx, key);
		});

const optionalDate = z
	.string(e('date'))
	.optional()
	.transform((s, ctx) => {
		const v = (s ?? '').trim();
		if (v === '') return null;
		return isCalendarDate(v) ? v : fail(ctx, 'date');
	});

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
	z
		.string(e(key))
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(z.union([z.literal(''), z.enum(values, e(key))]))
		.transform((v) => (v === '' ? null : (v as T[number])));

const optionalId = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.pipe(z.union([z.literal(''), z.uuid(e('practitioner'))]))
	.transform((v) => (v === '' ? null : v));

const list = z
	.union([z.array(z.string()), z.string()])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== ''))
	.pipe(z.array(z.uuid(e('practitioner'))))
	.transform((ids) => [...new Set(ids)]);

const deadlineDay = z
	.union([z.number(), z.string()])
	.optional()
	.transform((v, ctx) => {
		if (v === undefined || v === '') return null;
		const n = typeof v === 'number' ? v : Number(v.normalize('NFKC').trim());
		return Number.isInteger(n) && n >= 1 && n <= 31 ? n : fail(ctx, 'deadlineDay');
	});

/** Katakana as the bank prints it: half-width kana is widened, small letters stay. */
const kana = formatted(HOLDER_KANA, 'holderKana', (s) => s.replace(/-/g, 'ー').replace(/\s+/g, ' ').toUpperCase());

/** The settings form: flat fields. */
const ZRegistrationFieldsSchema = z
	.object({
		facilityName: text(),
		postalCode: formatted(POSTAL_CODE, 'postalCode', (s) => (/^\d{7}$/.test(s) ? `${s.slice(0, 3)}-${s.slice(3)}` : s)),
		address: text(),
		phone: formatted(PHONE, 'phone'),
		filingKind: optionalChoice(FILING_KINDS, 'filingKind'),
		filedOn: optionalDate,
		founderName: text(100),
		harikyuManagerId: optionalId,
		harikyuNumber: text(50),
		harikyuStartOn: optionalDate,
		massageManagerId: optionalId,
		massageNumber: text(50),
		massageStartOn: optionalDate,
		practitionerIds: list,
		depositKind: optionalChoice(DEPOSIT_KINDS, 'depositKind'),
		bankName: text(100),
		branchName: text(100),
		accountNumber: formatted(ACCOUNT_NUMBER, 'accountNumber'),
		holderKana: kana,
		onlineEligibilityFrom: optionalDate
	})
	.superRefine((v, ctx) => {
		if (v.massageManagerId === null && (v.massageNumber !== '' || v.massageStartOn !== null))
			ctx.addIssue({ code: 'custom', path: ['massageManagerId'], message: `${PREFIX}manager` });
		if (v.harikyuManagerId !== null && !v.practitionerIds.includes(v.harikyuManagerId))
			ctx.addIssue({ code: 'custom', path: ['harikyuManagerId'], message: `${PREFIX}managerNotListed` });
	});

/** One 提出先 per insurer kind: the form posts `submission.<kind>` and `deadline.<kind>`. */
const ZSubmissionSchema = z.object({ destination: text(), deadlineDay }).superRefine((v, ctx) => {
	if (v.destination !== '' && v.deadlineDay === null) ctx.addIssue({ code: 'custom', path: ['deadline'], message: `${PREFIX}deadlineDay` });
	if (v.destination === '' && v.deadlineDay !== null) ctx.addIssue({ code: 'custom', path: ['submission'], message: `${PREFIX}destination` });
});

export type ParsedRegistration = { ok: true; registration: JukyoRegistration } | { ok: false; fields: JukyoFieldCodes };

/** The settings form (or the same flat fields as JSON) to a registration, or the field errors. */
export function parseRegistration(input: Record<string, unknown>): ParsedRegistration {
	const fields: JukyoFieldCodes = {};
	const base = ZRegistrationFieldsSchema.safeParse(input);
	if (!base.success) Object.assign(fields, jukyoFieldCodes(base.error));
	const submissions: SubmissionTarget[] = [];
	for (const insurerKind of INSURER_KINDS) {
		const parsed = ZSubmissionSchema.safeParse({ destination: input[`submission.${insurerKind}`], deadlineDay: input[`deadline.${insurerKind}`] });
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = issue.path[0] === 'deadlineDay' || issue.path[0] === 'deadline' ? `deadline.${insurerKind}` : `submission.${insurerKind}`;
				fields[field] ??= issue.message.startsWith(PREFIX) ? issue.message : `${PREFIX}invalid`;
			}
		} else if (parsed.data.destination !== '') submissions.push({ insurerKind, destination: parsed.data.destination, deadlineDay: parsed.data.deadlineDay! });
	}
	if (!base.success || Object.keys(fields).length > 0) return { ok: false, fields };
	const v = base.data;
	const managers: JukyoRegistration['managers'] = [];
	if (v.harikyuManagerId !== null || v.harikyuNumber !== '' || v.harikyuStartOn !== null)
		managers.push({ licence: 'harikyu', practitionerId: v.harikyuManagerId, registrationNumber: v.harikyuNumber, startOn: v.harikyuStartOn });
	if (v.massageManagerId !== null)
		managers.push({ licence: 'massage', practitionerId: v.massageManagerId, registrationNumber: v.massageNumber, startOn: v.massageStartOn });
	return {
		ok: true,
		registration: {
			facility: { name: v.facilityName, postalCode: v.postalCode, address: v.address, phone: v.phone, filingKind: v.filingKind, filedOn: v.filedOn },
			founderName: v.founderName,
			managers,
			practitionerIds: v.practitionerIds,
			account: {
				paymentKind: 'transfer',
				depositKind: v.depositKind,
				bankName: v.bankName,
				branchName: v.branchName,
				accountNumber: v.accountNumber,
				holderKana: v.holderKana
			},
			submissions,
			onlineEligibilityFrom: v.onlineEligibilityFrom
		}
	};
}

/** The stored document, read back: the same shape, checked so a hand-edited row cannot crash a page. */
export const ZStoredRegistration = z.object({
	facility: z.object({
		name: z.string(),
		postalCode: z.string(),
		address: z.string(),
		phone: z.string(),
		filingKind: z.enum(FILING_KINDS).nullable(),
		filedOn: z.string().nullable()
	}),
	founderName: z.string(),
	managers: z.array(
		z.object({ licence: z.enum(['harikyu', 'massage']), practitionerId: z.string().nullable(), registrationNumber: z.string(), startOn: z.string().nullable() })
	),
	practitionerIds: z.array(z.string()),
	account: z.object({
		paymentKind: z.literal('transfer'),
		depositKind: z.enum(DEPOSIT_KINDS).nullable(),
		bankName: z.string(),
		branchName: z.string(),
		accountNumber: z.string(),
		holderKana: z.string()
	}),
	submissions: z.array(z.object({ insurerKind: z.enum(INSURER_KINDS), destination: z.string(), deadlineDay: z.number().int() })),
	onlineEligibilityFrom: z.string().nullable()
}) satisfies z.ZodType<JukyoRegistration>;

const requiredDate = z
	.string(e('date'))
	.trim()
	.refine((s) => isCalendarDate(s), e('date'));

const digits = (pattern: RegExp, key: string) => formatted(pattern, key, (s) => s.replace(/[-\s]/g, ''));

/**
 * One 資格確認 (docs/jukyo-inin.md §3). A confirmed check must carry what the 申請書 prints:
 * 保険種別, 本家区分, 給付割合, 保険者番号 and 番号 (記号 and 枝番 only where the card has them).
 */
export const ZEligibilityCheckSchema = z
	.object({
		method: z.enum(ELIGIBILITY_METHODS, e('method')),
		result: z
			.string()
			.optional()
			.transform((s) => (s ? s : 'confirmed'))
			.pipe(z.enum(ELIGIBILITY_RESULTS, e('result'))),
		checkedOn: requiredDate,
		appointmentId: optionalId,
		insuranceKind: optionalChoice(INSURANCE_KINDS, 'insuranceKind'),
		holderKind: optionalChoice(HOLDER_KINDS, 'holderKind'),
		benefitPercent: z
			.union([z.number(), z.string()])
			.optional()
			.transform((v, ctx) => {
				if (v === undefined || v === '') return null;
				const n = Number(v);
				return (BENEFIT_PERCENTS as readonly number[]).includes(n) ? (n as (typeof BENEFIT_PERCENTS)[number]) : fail(ctx, 'benefitPercent');
			}),
		insurerNumber: digits(INSURER_NUMBER, 'insurerNumber'),
		insuranceSymbol: text(40),
		insuranceNumber: text(40),
		insuranceBranch: digits(/^\d{1,2}$/, 'insuranceBranch'),
		validFrom: optionalDate,
		validUntil: optionalDate,
		publicPayerNumber: digits(PUBLIC_PAYER_NUMBER, 'publicPayerNumber'),
		publicRecipientNumber: digits(PUBLIC_RECIPIENT_NUMBER, 'publicRecipientNumber'),
		note: text(NOTE_MAX),
		insurerName: text(60),
		insuredName: text(60),
		insuredRelation: text(20),
		insuredPostalCode: text(10),
		insuredAddress: text(200),
		insuredPhone: text(30),
		publicCopayMonthlyJpy: z
			.union([z.number(), z.string()])
			.optional()
			.transform((v, ctx) => {
				if (v === undefined || v === '') return null;
				const n = Number(typeof v === 'string' ? v.replace(/[,，\s]/g, '') : v);
				return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : fail(ctx, 'publicCopay');
			})
	})
	.superRefine((v, ctx) => {
		const need = (field: string, missing: boolean) => {
			if (missing) ctx.addIssue({ code: 'custom', path: [field], message: `${PREFIX}requiredWhenConfirmed` });
		};
		if (v.result === 'confirmed') {
			need('insuranceKind', v.insuranceKind === null);
			need('holderKind', v.holderKind === null);
			need('benefitPercent', v.benefitPercent === null);
			need('insurerNumber', v.insurerNumber === '');
			need('insuranceNumber', v.insuranceNumber === '');
			// A family member's 申請書 names the 被保険者 who holds the insurance, and how they are related.
			if (v.holderKind !== null && isFamilyMember(v.holderKind)) {
				need('insuredName', v.insuredName === '');
				need('insuredRelation', v.insuredRelation === '');
			}
		}
		if (v.validFrom !== null && v.validUntil !== null && v.validUntil < v.validFrom)
			ctx.addIssue({ code: 'custom', path: ['validUntil'], message: `${PREFIX}validUntilBeforeFrom` });
		if (v.publicCopayMonthlyJpy !== null && v.publicPayerNumber === '')
			ctx.addIssue({ code: 'custom', path: ['publicCopayMonthlyJpy'], message: `${PREFIX}publicCopayWithoutPublic` });
		if ((v.publicPayerNumber === '') !== (v.publicRecipientNumber === ''))
			ctx.addIssue({ code: 'custom', path: [v.publicPayerNumber === '' ? 'publicPayerNumber' : 'publicRecipientNumber'], message: `${PREFIX}publicPair` });
		if (v.method === 'eligibility_certificate' && v.result === 'confirmed' && v.validUntil === null)
			ctx.addIssue({ code: 'custom', path: ['validUntil'], message: `${PREFIX}certificateValidity` });
	});
export type TEligibilityCheck = z.infer<typeof ZEligibilityCheckSchema>;

/** A doctor treats the patient for a condition under insurance, from a day. */
export const ZDoctorTreatmentSchema = z.object({
	condition: z.enum(INSURED_CONDITIONS, e('condition')),
	sinceOn: requiredDate,
	note: text(NOTE_MAX)
});
export type TDoctorTreatment = z.infer<typeof ZDoctorTreatmentSchema>;

export const ZEndDoctorTreatmentSchema = z.object({ treatmentId: z.uuid(e('invalid')), endedOn: requiredDate });
