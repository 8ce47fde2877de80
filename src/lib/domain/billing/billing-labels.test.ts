import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../../tests/support/label-maps';
import { INSURANCE_FEE_LABELS, INSURANCE_REFUSAL_LABELS } from './billing-labels';
import { INSURED_CONDITION_LABELS } from '../../labels/insured-condition-labels';
import { PAYER_LABELS } from '../../labels/payer-labels';
import { PAYMENT_KIND_LABELS } from '../../labels/payment-kind-labels';
import { PAYMENT_METHOD_LABELS } from '../../labels/payment-method-labels';
import { INSURANCE_FEE_CODES, type InsuranceRefusal } from './charges';
import { INSURED_CONDITIONS } from './insured-conditions';
import { PAYMENT_METHODS } from './payments';

const REFUSALS: readonly InsuranceRefusal[] = [
	'no_consent',
	'consent_not_yet_signed',
	'before_first_treatment',
	'consent_expired',
	'no_eligibility_this_month',
	'eligibility_not_confirmed',
	'eligibility_expired',
	'old_card_grace_over',
	'doctor_treats_condition',
	'no_insurer_number',
	'no_fee_schedule'
];

describe('the billing label maps', () => {
	it('name every method, kind, payer, condition, fee and refusal in both languages', () => {
		expectLabelsEach(PAYMENT_METHODS, PAYMENT_METHOD_LABELS);
		expectLabelsEach(['payment', 'refund'] as const, PAYMENT_KIND_LABELS);
		expectLabelsEach(['self_pay', 'insurance'] as const, PAYER_LABELS);
		expectLabelsEach(INSURED_CONDITIONS, INSURED_CONDITION_LABELS);
		expectLabelsEach(INSURANCE_FEE_CODES, INSURANCE_FEE_LABELS);
		expectLabelsEach(REFUSALS, INSURANCE_REFUSAL_LABELS);
	});
});
