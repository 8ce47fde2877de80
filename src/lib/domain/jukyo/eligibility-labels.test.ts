import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../../tests/support/label-maps';
import { ELIGIBILITY_METHODS, ELIGIBILITY_RESULTS, HOLDER_KINDS, INSURANCE_KINDS } from './eligibility';
import { ELIGIBILITY_METHOD_LABELS, ELIGIBILITY_RESULT_LABELS, HOLDER_KIND_LABELS, INSURANCE_KIND_LABELS } from './eligibility-labels';

describe('the eligibility label maps', () => {
	it('name every method, result, insurance kind and holder kind in both languages', () => {
		expectLabelsEach(ELIGIBILITY_METHODS, ELIGIBILITY_METHOD_LABELS);
		expectLabelsEach(ELIGIBILITY_RESULTS, ELIGIBILITY_RESULT_LABELS);
		expectLabelsEach(INSURANCE_KINDS, INSURANCE_KIND_LABELS);
		expectLabelsEach(HOLDER_KINDS, HOLDER_KIND_LABELS);
	});
});
