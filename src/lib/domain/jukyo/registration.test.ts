import { describe, expect, it } from 'vitest';
import { emptyRegistration, insurerKindOf, lastDayOf, missingForClaim, submissionDeadline, type JukyoRegistration } from './registration';

function completeRegistration(): JukyoRegistration {
	return {
		facility: {
			name: 'フジウェルネス鍼灸院',
			postalCode: '132-0031',
			address: '東京都江戸川区松島1丁目21-14',
			phone: '03-0000-0000',
			filingKind: 'clinic_address',
			filedOn: '2019-04-01'
		},
		founderName: '藤田 誠',
		managers: [{ licence: 'harikyu', practitionerId: 'p1', registrationNumber: '関東信越 は1234567', startOn: '2019-06-01' }],
		practitionerIds: ['p1'],
		account: {
			paymentKind: 'transfer',
			depositKind: 'ordinary',
			bankName: 'みらい銀行',
			branchName: '小岩支店',
			accountNumber: '1234567',
			holderKana: 'フジタ マコト'
		},
		submissions: [{ insurerKind: 'kokuho', destination: '東京都国民健康保険団体連合会', deadlineDay: 10 }],
		onlineEligibilityFrom: '2024-11-01'
	};
}

describe('missingForClaim', () => {
	it('names nothing for a complete registration', () => {
		expect(missingForClaim(completeRegistration(), '2027-05')).toEqual({ items: [], submissionsMissing: [] });
	});

	it('names every item of an empty registration', () => {
		expect(missingForClaim(emptyRegistration(), '2027-05').items).toEqual([
			'facility_name',
			'facility_postal_code',
			'facility_address',
			'facility_phone',
			'facility_filing_kind',
			'founder_name',
			'manager_harikyu',
			'practitioners',
			'account_deposit_kind',
			'account_bank',
			'account_branch',
			'account_number',
			'account_holder',
			'submissions',
			'online_eligibility'
		]);
	});

	it('names a manager who starts after the month, or without number or start', () => {
		const r = completeRegistration();
		r.managers = [{ ...r.managers[0]!, startOn: '2027-06-01' }];
		expect(missingForClaim(r, '2027-05').items).toEqual(['manager_not_started']);
		expect(missingForClaim(r, '2027-06').items).toEqual([]);
		r.managers = [{ ...r.managers[0]!, registrationNumber: ' ', startOn: null }];
		expect(missingForClaim(r, '2027-06').items).toEqual(['manager_registration_number', 'manager_start']);
	});

	it('checks formats, not only presence', () => {
		const r = completeRegistration();
		r.facility.postalCode = '1320';
		r.account.accountNumber = '12345';
		r.account.holderKana = '藤田';
		expect(missingForClaim(r, '2027-05').items).toEqual(['facility_postal_code', 'account_number', 'account_holder']);
	});

	it('names the insurer kinds of the month that have no 提出先', () => {
		const result = missingForClaim(completeRegistration(), '2027-05', { insurerKinds: ['kokuho', 'kyokai', 'kyokai'] });
		expect(result).toEqual({ items: ['submissions'], submissionsMissing: ['kyokai'] });
	});

	it('names a missing or later 運用開始日 of the online eligibility check', () => {
		const r = completeRegistration();
		r.onlineEligibilityFrom = '2027-06-01';
		expect(missingForClaim(r, '2027-05').items).toEqual(['online_eligibility']);
		r.onlineEligibilityFrom = null;
		expect(missingForClaim(r, '2027-05').items).toEqual(['online_eligibility']);
	});
});

describe('submissionDeadline', () => {
	it('falls in the next month, on the set day or that month’s last day', () => {
		expect(submissionDeadline({ deadlineDay: 10 }, '2027-05')).toBe('2027-06-10');
		expect(submissionDeadline({ deadlineDay: 31 }, '2027-01')).toBe('2027-02-28');
		expect(submissionDeadline({ deadlineDay: 10 }, '2027-12')).toBe('2028-01-10');
		expect(lastDayOf('2028-02')).toBe('2028-02-29');
	});
});

describe('insurerKindOf', () => {
	it('reads the kind from the 保険者番号', () => {
		expect(insurerKindOf('138057')).toBe('kokuho');
		expect(insurerKindOf('01130012')).toBe('kyokai');
		expect(insurerKindOf('06130012')).toBe('kumiai');
		expect(insurerKindOf('31130012')).toBe('kyosai');
		expect(insurerKindOf('39131234')).toBe('koki');
		expect(insurerKindOf('67131234')).toBe('kokuho');
		expect(insurerKindOf('12345')).toBeNull();
		expect(insurerKindOf('99130012')).toBeNull();
	});
});
