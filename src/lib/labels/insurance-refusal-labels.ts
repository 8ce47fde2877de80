import type { EligibilityRefusal } from '$lib/domain/jukyo/eligibility';
import type { MessageKey } from '$lib/i18n/translate';

/** Why a visit cannot be charged to insurance, on the desk. */

export const INSURANCE_REFUSAL_LABELS: Record<EligibilityRefusal | 'doctor_treats_condition', MessageKey> = {
	no_eligibility_this_month: 'jukyoRegistration.refusal.no_eligibility_this_month',
	eligibility_not_confirmed: 'jukyoRegistration.refusal.eligibility_not_confirmed',
	eligibility_expired: 'jukyoRegistration.refusal.eligibility_expired',
	old_card_grace_over: 'jukyoRegistration.refusal.old_card_grace_over',
	doctor_treats_condition: 'jukyoRegistration.refusal.doctor_treats_condition'
};
