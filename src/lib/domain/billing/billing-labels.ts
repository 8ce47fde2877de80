import type { MessageKey } from '$lib/i18n/translate';
import type { InsuranceFeeCode, InsuranceRefusal } from './charges';

/*
 * Typed label maps for billing's codes (issue #21): every key is written out, so a new code
 * without words is a type error and the build finds the keys a page needs. Payment method, payment
 * kind, payer and insured condition have one-family maps in src/lib/labels/.
 */

/** An insurance fee line as the charge and the receipt name it. */
export const INSURANCE_FEE_LABELS: Record<InsuranceFeeCode, MessageKey> = {
	initial_exam_single: 'billing.insuranceFee.initial_exam_single',
	initial_exam_combined: 'billing.insuranceFee.initial_exam_combined',
	treatment_single: 'billing.insuranceFee.treatment_single',
	treatment_combined: 'billing.insuranceFee.treatment_combined',
	electro: 'billing.insuranceFee.electro'
};

/** Why insurance does not pay: the 受領委任 reasons (issue #19) live in their own area. */
export const INSURANCE_REFUSAL_LABELS: Record<InsuranceRefusal, MessageKey> = {
	no_consent: 'billing.refusal.no_consent',
	consent_not_yet_signed: 'billing.refusal.consent_not_yet_signed',
	before_first_treatment: 'billing.refusal.before_first_treatment',
	consent_expired: 'billing.refusal.consent_expired',
	no_insurer_number: 'billing.refusal.no_insurer_number',
	no_fee_schedule: 'billing.refusal.no_fee_schedule',
	no_eligibility_this_month: 'jukyoRegistration.refusal.no_eligibility_this_month',
	eligibility_not_confirmed: 'jukyoRegistration.refusal.eligibility_not_confirmed',
	eligibility_expired: 'jukyoRegistration.refusal.eligibility_expired',
	old_card_grace_over: 'jukyoRegistration.refusal.old_card_grace_over',
	doctor_treats_condition: 'jukyoRegistration.refusal.doctor_treats_condition'
};
