import type { MessageKey } from '$lib/i18n/translate';
import type { ConsentRefusal } from '../billing/doctor-consent-validity';
import type { ClaimBlocker, ClaimField } from './claim-blockers';
import type { PricingProblem } from './claim-fees';
import type { FeeVersionProblem } from './fees';

/*
 * Typed label maps for the 申請書's codes (issue #21): every key is written out, so a new code
 * without words is a type error and the build finds the keys a page needs. A fee line is named by FEE_ITEM_LABELS in
 * src/lib/labels/fee-item-labels.ts (the fee settings' map, which holds every line code).
 */

/** A field a blocker names as missing. */
export const CLAIM_FIELD_LABELS: Record<ClaimField, MessageKey> = {
	insuranceKind: 'jukyoClaim.field.insuranceKind',
	honke: 'jukyoClaim.field.honke',
	benefitRatio: 'jukyoClaim.field.benefitRatio',
	insurerNumber: 'jukyoClaim.field.insurerNumber',
	number: 'jukyoClaim.field.number',
	publicExpense: 'jukyoClaim.field.publicExpense',
	kana: 'jukyoClaim.field.kana',
	sex: 'jukyoClaim.field.sex',
	relation: 'jukyoClaim.field.relation',
	birthDate: 'jukyoClaim.field.birthDate',
	name: 'jukyoClaim.field.name',
	address: 'jukyoClaim.field.address',
	clinicName: 'jukyoClaim.field.clinicName',
	phone: 'jukyoClaim.field.phone',
	managerName: 'jukyoClaim.field.managerName',
	registrationNumber: 'jukyoClaim.field.registrationNumber',
	healthCentreKind: 'jukyoClaim.field.healthCentreKind',
	bank: 'jukyoClaim.field.bank'
};

/** The blockers told in one sentence of their own (the others take a date or a reason). */
export const CLAIM_BLOCKER_LABELS: Record<
	Extract<
		ClaimBlocker['code'],
		'no_visits' | 'missing_consent' | 'missing_symptoms' | 'missing_eligibility' | 'missing_patient' | 'missing_insured' | 'missing_registration'
	>,
	MessageKey
> = {
	no_visits: 'jukyoClaim.blocker.no_visits',
	missing_consent: 'jukyoClaim.blocker.missing_consent',
	missing_symptoms: 'jukyoClaim.blocker.missing_symptoms',
	missing_eligibility: 'jukyoClaim.blocker.missing_eligibility',
	missing_patient: 'jukyoClaim.blocker.missing_patient',
	missing_insured: 'jukyoClaim.blocker.missing_insured',
	missing_registration: 'jukyoClaim.blocker.missing_registration'
};

/** Why a visit falls outside the doctor's consent. */
export const CLAIM_CONSENT_REASON_LABELS: Record<ConsentRefusal, MessageKey> = {
	no_consent: 'jukyoClaim.reason.no_consent',
	consent_not_yet_signed: 'jukyoClaim.reason.consent_not_yet_signed',
	before_first_treatment: 'jukyoClaim.reason.before_first_treatment',
	consent_expired: 'jukyoClaim.reason.consent_expired'
};

/** Why a visit could not be priced. */
export const PRICING_PROBLEM_LABELS: Record<PricingProblem['code'], MessageKey> = {
	no_fee_schedule: 'jukyoClaim.blocker.pricing.no_fee_schedule',
	no_home_visit_fee: 'jukyoClaim.blocker.pricing.no_home_visit_fee',
	home_visit_without_tier: 'jukyoClaim.blocker.pricing.home_visit_without_tier',
	special_area_at_clinic: 'jukyoClaim.blocker.pricing.special_area_at_clinic'
};

/** Why a fee version's items do not make a schedule. */
export const FEE_VERSION_PROBLEM_LABELS: Record<FeeVersionProblem['code'], MessageKey> = {
	missing_item: 'jukyoClaim.fees.error.missing_item',
	unknown_item: 'jukyoClaim.fees.error.unknown_item',
	duplicate_item: 'jukyoClaim.fees.error.duplicate_item',
	not_yen: 'jukyoClaim.fees.error.not_yen',
	home_visit_incomplete: 'jukyoClaim.fees.error.home_visit_incomplete'
};
