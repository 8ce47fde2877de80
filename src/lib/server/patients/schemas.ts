import { z } from 'zod';
import {
	isKanaReading,
	normaliseInsurerNumber,
	normalisePhone,
	normalisePostalCode,
	normaliseText,
	parseDateOfBirth,
	toKatakana
} from '../../domain/patients/normalise';

/** Longest values the register keeps: generous for real names and addresses, a guard against pasted text. */
export const PATIENT_LIMITS = {
	name: 40,
	kana: 60,
	email: 254,
	phone: 30,
	postalCode: 10,
	address: 200,
	emergencyContact: 200,
	insuranceSymbol: 20,
	insuranceNumber: 20
} as const;

export const PATIENT_SEXES = ['', 'female', 'male', 'other'] as const;

const text = (max: number) =>
	z
		.string()
		.max(max * 2)
		.transform(normaliseText)
		.pipe(z.string().max(max));
const requiredText = (max: number) =>
	z
		.string()
		.max(max * 2)
		.transform(normaliseText)
		.pipe(z.string().min(1, { message: 'validation.required' }).max(max));

/** A kana reading, stored in katakana; empty when the patient has none (e.g. a foreign name). */
const kanaReading = z
	.string()
	.max(PATIENT_LIMITS.kana * 2)
	.transform(toKatakana)
	.pipe(
		z
			.string()
			.max(PATIENT_LIMITS.kana)
			.refine((s) => s === '' || isKanaReading(s), { message: 'patients.error.kana' })
	);

const phone = z
	.string()
	.max(PATIENT_LIMITS.phone)
	.transform((value, ctx) => {
		const result = normalisePhone(value);
		if (result.ok) return result.display;
		ctx.addIssue({ code: 'custom', message: normaliseText(value) === '' ? 'validation.required' : 'patients.error.phone' });
		return z.NEVER;
	});

const postalCode = z
	.string()
	.max(PATIENT_LIMITS.postalCode * 2)
	.transform((value, ctx) => {
		if (normaliseText(value) === '') return '';
		const code = normalisePostalCode(value);
		if (code) return code;
		ctx.addIssue({ code: 'custom', message: 'patients.error.postalCode' });
		return z.NEVER;
	});

const insurerNumber = z
	.string()
	.max(20)
	.transform((value, ctx) => {
		if (normaliseText(value) === '') return '';
		const number = normaliseInsurerNumber(value);
		if (number) return number;
		ctx.addIssue({ code: 'custom', message: 'patients.error.insurerNumber' });
		return z.NEVER;
	});

/** The card's branch number (枝番): two digits, or none on older cards. */
const insuranceBranch = z
	.string()
	.max(10)
	.transform(normaliseText)
	.pipe(z.string().regex(/^(\d{2})?$/, { message: 'patients.error.insuranceBranch' }));

const email = z
	.string()
	.max(PATIENT_LIMITS.email)
	.transform(normaliseText)
	.pipe(z.union([z.literal(''), z.email({ message: 'validation.email' })]));

/**
 * A change to a patient's record, as the desk's edit form sends it. `today` is the clinic's local
 * date: a date of birth may not lie after it.
 */
export function ZUpdatePatientSchema(today: string) {
	const dateOfBirth = z
		.string()
		.max(20)
		.transform((value, ctx) => {
			if (normaliseText(value) === '') return null;
			const result = parseDateOfBirth(value, today);
			if (result.ok) return result.date;
			ctx.addIssue({ code: 'custom', message: result.code === 'future' ? 'patients.error.dobFuture' : 'patients.error.dob' });
			return z.NEVER;
		});
	return z.object({
		familyName: requiredText(PATIENT_LIMITS.name),
		givenName: text(PATIENT_LIMITS.name),
		familyNameKana: kanaReading,
		givenNameKana: kanaReading,
		email,
		phone,
		dateOfBirth,
		sex: z.enum(PATIENT_SEXES).default(''),
		postalCode,
		address: text(PATIENT_LIMITS.address),
		emergencyContact: text(PATIENT_LIMITS.emergencyContact),
		insurerNumber: insurerNumber.default(''),
		insuranceSymbol: text(PATIENT_LIMITS.insuranceSymbol).default(''),
		insuranceNumber: text(PATIENT_LIMITS.insuranceNumber).default(''),
		insuranceBranch: insuranceBranch.default(''),
		preferredLocale: z.enum(['ja', 'en'])
	});
}

export type TUpdatePatient = z.infer<ReturnType<typeof ZUpdatePatientSchema>>;
