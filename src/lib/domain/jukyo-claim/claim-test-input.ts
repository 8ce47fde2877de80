import type { ClaimFormInput, ConsentForClaim, VisitForClaim } from './claim-input';
import { scheduleFromVersion, type JukyoFeeSchedule } from './fees';
import { CONSENT_VALIDITY_RULES } from '../billing/doctor-consent-validity';

/* A complete month of an insured patient, for the claim-form tests (and the PDF test). */

const base = {
	initial_exam_single: 1950,
	initial_exam_combined: 2230,
	treatment_single: 1610,
	treatment_combined: 1770,
	electro: 100,
	house_call: 2300,
	report: 480
};
const home = {
	home_visit_1_single: 3910,
	home_visit_1_combined: 4070,
	home_visit_2_single: 2760,
	home_visit_2_combined: 2920,
	home_visit_3_single: 2070,
	home_visit_3_combined: 2230,
	home_visit_3_ten_plus_single: 1760,
	home_visit_3_ten_plus_combined: 1920,
	special_area: 250
};
const items = (record: Record<string, number>) => Object.entries(record).map(([code, amountJpy]) => ({ code, amountJpy }));

export const TEST_FEE_SCHEDULES: JukyoFeeSchedule[] = [
	scheduleFromVersion({ effectiveFrom: '2024-06-01', shareRounding: 'yen_half_up', source: 'R6.6', items: items({ ...base, house_call_over_4km: 2550 }) }),
	scheduleFromVersion({ effectiveFrom: '2024-10-01', shareRounding: 'yen_half_up', source: 'R6.10', items: items({ ...base, ...home }) })
];
export const TEST_RULES = { feeSchedules: TEST_FEE_SCHEDULES, consentRules: CONSENT_VALIDITY_RULES };

export function testConsent(overrides: Partial<ConsentForClaim> = {}): ConsentForClaim {
	return {
		id: 'c1',
		kind: 'initial',
		signedOn: '2026-05-20',
		firstTreatmentOn: '2026-06-03',
		doctorName: '山田 一郎',
		institution: '山田整形外科 東京都新宿区西新宿1-1',
		conditions: ['neuralgia'],
		symptoms: '右下肢のしびれと痛み（坐骨神経痛）',
		onsetOn: '2026-04-10',
		...overrides
	};
}

export function testVisit(date: string, overrides: Partial<VisitForClaim> = {}): VisitForClaim {
	return {
		date,
		kind: 'clinic',
		homeVisitTier: null,
		arts: 'combined',
		initialExam: false,
		electro: false,
		specialArea: false,
		reportIssued: false,
		practitionerName: '藤田 誠',
		practitionerLicence: 'はり師 第900101号',
		...overrides
	};
}

export function testInput(overrides: Partial<ClaimFormInput> = {}): ClaimFormInput {
	return {
		month: '2026-11',
		registration: {
			clinicName: 'ふじ鍼灸院',
			postalCode: '160-0023',
			address: '東京都新宿区西新宿2-2-2',
			phone: '03-1234-5678',
			managerName: '藤田 誠',
			registrationNumber: '関東信越はり1234567',
			healthCentreKind: 'clinic',
			bank: {
				bankName: 'みずほ',
				bankKind: '銀行',
				branchName: '新宿',
				branchKind: '支店',
				accountType: 'ordinary',
				accountNumber: '1234567',
				holderKana: 'フジシンキュウイン'
			}
		},
		insured: { name: '佐藤 太郎', postalCode: '160-0022', address: '東京都新宿区新宿3-3-3', phone: '090-0000-1111' },
		patient: { name: '佐藤 花子', kana: 'サトウ ハナコ', sex: 'female', relation: '妻', birthDate: '1958-03-15' },
		eligibility: {
			insuranceKind: '1',
			honke: '6',
			benefitRatio: 7,
			insurerNumber: '06130012',
			insurerName: '全国健康保険協会 東京支部',
			symbol: '12',
			number: '345',
			branch: '01',
			publicExpense: null
		},
		consents: [testConsent()],
		visits: [
			testVisit('2026-11-04'),
			testVisit('2026-11-11', { electro: true }),
			testVisit('2026-11-18', { practitionerName: '佐藤 美穂', practitionerLicence: 'はり師 第900201号' })
		],
		firstTreatmentOn: null,
		outcome: 'continuing',
		homeVisitReason: null,
		previousReportMonth: null,
		confirmedOn: '2026-11-25',
		confirmation: {
			state: 'signed',
			signature: {
				signedOn: '2026-11-25',
				signerKind: 'patient',
				signerName: '佐藤 花子',
				proxyRelation: '',
				proxyReason: '',
				signatureKind: 'typed',
				signaturePath: null
			}
		},
		...overrides
	};
}
