import type { MessageKey } from '$lib/i18n/translate';
import type { EligibilityMethod, EligibilityResult, HolderKind, InsuranceKind } from './eligibility';

/*
 * Typed label maps for the eligibility check's codes (issue #21): every key is written out, so a
 * new code without words is a type error and the build finds the keys a page needs.
 */

export const ELIGIBILITY_METHOD_LABELS: Record<EligibilityMethod, MessageKey> = {
	myna_app: 'jukyoRegistration.eligibility.method.myna_app',
	eligibility_certificate: 'jukyoRegistration.eligibility.method.eligibility_certificate',
	eligibility_notice: 'jukyoRegistration.eligibility.method.eligibility_notice',
	old_card: 'jukyoRegistration.eligibility.method.old_card'
};

export const ELIGIBILITY_RESULT_LABELS: Record<EligibilityResult, MessageKey> = {
	confirmed: 'jukyoRegistration.eligibility.result.confirmed',
	not_confirmed: 'jukyoRegistration.eligibility.result.not_confirmed'
};

export const INSURANCE_KIND_LABELS: Record<InsuranceKind, MessageKey> = {
	shakoku: 'jukyoRegistration.eligibility.insuranceKind.shakoku',
	kohi: 'jukyoRegistration.eligibility.insuranceKind.kohi',
	koki: 'jukyoRegistration.eligibility.insuranceKind.koki',
	taishoku: 'jukyoRegistration.eligibility.insuranceKind.taishoku'
};

export const HOLDER_KIND_LABELS: Record<HolderKind, MessageKey> = {
	honnin: 'jukyoRegistration.eligibility.holderKind.honnin',
	mishugaku: 'jukyoRegistration.eligibility.holderKind.mishugaku',
	kazoku: 'jukyoRegistration.eligibility.holderKind.kazoku',
	korei_ippan: 'jukyoRegistration.eligibility.holderKind.korei_ippan',
	korei_7: 'jukyoRegistration.eligibility.holderKind.korei_7'
};
