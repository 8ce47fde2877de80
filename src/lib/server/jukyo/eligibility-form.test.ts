import { describe, expect, it } from 'vitest';
import { eligibilityFormFailure, localizedEligibilityErrors } from './eligibility-form';

describe('a refused eligibility check, as the sending page shows it', () => {
	it('words each field in the desk’s language, and an unknown key as “check this entry”', () => {
		expect(localizedEligibilityErrors('en', { insurerNumber: 'jukyoRegistration.error.insurerNumber', note: 'no.such.key' })).toEqual({
			insurerNumber: 'Enter the insurer number as 6 or 8 digits.',
			note: 'Please check this entry.'
		});
		expect(localizedEligibilityErrors('ja', { insurerNumber: 'jukyoRegistration.error.insurerNumber' }).insurerNumber).toBe(
			'保険者番号は6桁または8桁の数字で入力してください。'
		);
	});

	it('answers 422 with what was typed, without the routing fields', () => {
		const failure = eligibilityFormFailure(
			'en',
			{ intent: 'eligibility', returnTo: '/staff/x', insurerNumber: '0113', method: 'old_card' },
			{ insurerNumber: 'jukyoRegistration.error.insurerNumber' }
		);
		expect(failure.status).toBe(422);
		expect(failure.data.eligibilityForm.values).toEqual({ insurerNumber: '0113', method: 'old_card' });
		expect(failure.data.eligibilityForm.errors).toEqual({ insurerNumber: 'Enter the insurer number as 6 or 8 digits.' });
	});
});
