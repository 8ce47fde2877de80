import { describe, expect, it } from 'vitest';
import { priceMonth } from './claim-fees';
import { buildClaimForms, monthShare, needsContinuationStatement, oneYearAfter } from './claim-form';
import { testConsent, testInput, testVisit, TEST_FEE_SCHEDULES, TEST_RULES } from './claim-test-input';

const mainForm = (overrides: Parameters<typeof testInput>[0] = {}) => buildClaimForms(testInput(overrides), TEST_RULES)[0]!;

describe('buildClaimForms: a complete month', () => {
	const form = mainForm();

	it('fills the header and the insured person from the eligibility record', () => {
		expect(form.kind).toBe('main');
		expect(form.header).toEqual({
			insuranceKind: '1',
			honke: '6',
			benefitRatio: 7,
			insurerNumber: '06130012',
			insurerName: '全国健康保険協会 東京支部',
			publicExpense: null
		});
		expect(form.insured).toMatchObject({ symbol: '12', number: '345', branch: '01', name: '佐藤 太郎' });
		expect(form.patient).toMatchObject({ kana: 'サトウ ハナコ', sex: 'female', relation: '妻', birthDate: '1958-03-15' });
	});

	it('fills 施術内容 from the consent in force and the visits', () => {
		expect(form.treatment).toMatchObject({
			conditions: ['neuralgia'],
			symptoms: '右下肢のしびれと痛み（坐骨神経痛）',
			onsetOn: '2026-04-10',
			firstTreatmentOn: '2026-06-03',
			consentedOn: '2026-05-20',
			periodFrom: '2026-11-01',
			periodTo: '2026-11-30',
			days: 3,
			claimKind: 'continuing',
			outcome: 'continuing',
			homeVisitReason: null
		});
	});

	it('marks the visit days in the 31-day grid and the days the month lacks', () => {
		const grid = form.treatment.grid;
		expect(grid).toHaveLength(31);
		expect([grid[3], grid[10], grid[17]]).toEqual(['clinic', 'clinic', 'clinic']);
		expect(grid.filter((d) => d !== null && d !== 'outside')).toHaveLength(3);
		expect(grid[30]).toBe('outside');
		expect(grid[29]).toBeNull();
	});

	it('counts the fee lines and splits the total by 給付割合', () => {
		expect(form.fees.lines).toEqual([
			{ code: 'treatment_combined', unitJpy: 1770, count: 3, amountJpy: 5310 },
			{ code: 'electro', unitJpy: 100, count: 1, amountJpy: 100 }
		]);
		expect(form.fees).toMatchObject({ totalJpy: 5410, sharePercent: 30, patientShareJpy: 1623, claimJpy: 3787 });
	});

	it('names each 施術者 with their dates, and the registration in 施術証明', () => {
		expect(form.certification.practitioners).toEqual([
			{ name: '藤田 誠', licence: 'はり師 第900101号', dates: ['2026-11-04', '2026-11-11'] },
			{ name: '佐藤 美穂', licence: 'はり師 第900201号', dates: ['2026-11-18'] }
		]);
		expect(form.certification).toMatchObject({
			certifiedOn: '2026-11-30',
			managerName: '藤田 誠',
			registrationNumber: '関東信越はり1234567',
			healthCentreKind: 'clinic'
		});
	});

	it('fills 申請, 支払機関, 同意記録 and 委任', () => {
		expect(form.application).toEqual({
			appliedOn: '2026-11-25',
			insurerName: '全国健康保険協会 東京支部',
			name: '佐藤 太郎',
			address: '東京都新宿区新宿3-3-3',
			phone: '090-0000-1111'
		});
		expect(form.payment?.accountNumber).toBe('1234567');
		expect(form.consentAttached).toBe(false);
		expect(form.consentRecord).toEqual({
			doctorName: '山田 一郎',
			institution: '山田整形外科 東京都新宿区西新宿1-1',
			consentedOn: '2026-05-20',
			conditions: ['neuralgia'],
			careFrom: '2026-06-03',
			careUntil: '2026-11-30'
		});
		expect(form.delegation).toEqual({
			delegatedOn: '2026-11-25',
			name: '佐藤 太郎',
			address: '東京都新宿区新宿3-3-3',
			agentName: '藤田 誠',
			agentAddress: '東京都新宿区西新宿2-2-2'
		});
	});

	it('has nothing blocking it', () => {
		expect(form.blockers).toEqual([]);
		expect(form.continuationStatementNeeded).toBe(false);
	});
});

describe('buildClaimForms: the month of the first treatment and a re-consent', () => {
	it('is 新規 with the period from the 初療, and 初検料 on the first visit', () => {
		const form = mainForm({
			month: '2026-06',
			consents: [testConsent()],
			visits: [testVisit('2026-06-03', { initialExam: true }), testVisit('2026-06-10')],
			outcome: 'cured'
		});
		expect(form.treatment).toMatchObject({ claimKind: 'new', periodFrom: '2026-06-03', periodTo: '2026-06-10', outcome: 'cured' });
		expect(form.fees.lines[0]).toEqual({ code: 'initial_exam_combined', unitJpy: 2230, count: 1, amountJpy: 2230 });
		// The 同意書 signed before the month but first used in it is still filled in as a record.
		expect(form.consentAttached).toBe(false);
	});

	it('attaches a 再同意 signed in the month instead of filling the 同意記録, and uses it from its day', () => {
		const renewal = testConsent({
			id: 'c2',
			kind: 'renewal',
			signedOn: '2026-12-01',
			firstTreatmentOn: '2026-12-01',
			symptoms: '腰から下肢への放散痛',
			conditions: ['neuralgia', 'lumbago']
		});
		const form = mainForm({ month: '2026-12', consents: [testConsent(), renewal], visits: [testVisit('2026-12-02'), testVisit('2026-12-09')] });
		expect(form.consentAttached).toBe(true);
		expect(form.consentRecord).toBeNull();
		expect(form.treatment).toMatchObject({
			consentedOn: '2026-12-01',
			firstTreatmentOn: '2026-06-03',
			symptoms: '腰から下肢への放散痛',
			conditions: ['neuralgia', 'lumbago']
		});
		expect(form.blockers).toEqual([]);
	});

	it('blocks a visit after the consent expired, naming its day', () => {
		const form = mainForm({ month: '2026-12', visits: [testVisit('2026-12-02')] });
		expect(form.blockers).toEqual([{ code: 'visit_outside_consent', date: '2026-12-02', reason: 'consent_expired' }]);
	});
});

describe('buildClaimForms: home visits, calls and the report', () => {
	it('prices each visit kind by the 2024-10 version and marks the grid by kind', () => {
		const form = mainForm({
			month: '2024-10',
			consents: [testConsent({ signedOn: '2024-09-20', firstTreatmentOn: '2024-10-01' })],
			visits: [
				testVisit('2024-10-01', { initialExam: true, arts: 'single' }),
				testVisit('2024-10-08', { kind: 'home_visit', homeVisitTier: '1', electro: true, specialArea: true }),
				testVisit('2024-10-15', { kind: 'home_visit', homeVisitTier: '3_ten_plus', arts: 'single' }),
				testVisit('2024-10-22', { kind: 'house_call', reportIssued: true })
			],
			homeVisitReason: 2,
			previousReportMonth: '2024-04'
		});
		expect(form.fees.lines).toEqual([
			{ code: 'initial_exam_single', unitJpy: 1950, count: 1, amountJpy: 1950 },
			{ code: 'treatment_single', unitJpy: 1610, count: 1, amountJpy: 1610 },
			{ code: 'treatment_combined', unitJpy: 1770, count: 1, amountJpy: 1770 },
			{ code: 'home_visit_1_combined', unitJpy: 4070, count: 1, amountJpy: 4070 },
			{ code: 'home_visit_3_ten_plus_single', unitJpy: 1760, count: 1, amountJpy: 1760 },
			{ code: 'electro', unitJpy: 100, count: 1, amountJpy: 100 },
			{ code: 'house_call', unitJpy: 2300, count: 1, amountJpy: 2300 },
			{ code: 'special_area', unitJpy: 250, count: 1, amountJpy: 250 },
			{ code: 'report', unitJpy: 480, count: 1, amountJpy: 480 }
		]);
		expect(form.fees.totalJpy).toBe(14290);
		expect(form.fees.previousReportMonth).toBe('2024-04');
		expect(form.treatment.homeVisitReason).toBe(2);
		expect([form.treatment.grid[0], form.treatment.grid[7], form.treatment.grid[14], form.treatment.grid[21]]).toEqual([
			'clinic',
			'home_1',
			'home_3_ten_plus',
			'house_call'
		]);
	});

	it('blocks a home visit before the 2024-10 version, and a 特別地域加算 at the clinic', () => {
		const form = mainForm({
			month: '2024-09',
			consents: [testConsent({ signedOn: '2024-09-01', firstTreatmentOn: '2024-09-02' })],
			visits: [testVisit('2024-09-02', { kind: 'home_visit', homeVisitTier: '1' }), testVisit('2024-09-09', { specialArea: true }), testVisit('2024-09-16')]
		});
		expect(form.blockers).toEqual([
			{ code: 'pricing', problem: { code: 'no_home_visit_fee', date: '2024-09-02' } },
			{ code: 'pricing', problem: { code: 'special_area_at_clinic', date: '2024-09-09' } }
		]);
		expect(form.fees.totalJpy).toBe(1770);
	});
});

describe('buildClaimForms: 公費', () => {
	const pe = (monthlyCopayJpy: number | null) =>
		buildClaimForms(
			testInput({ eligibility: { ...testInput().eligibility, publicExpense: { payerNumber: '80136011', recipientNumber: '1234567', monthlyCopayJpy } } }),
			TEST_RULES
		);

	it('adds a separate 申請書 with the 公費 numbers, claiming the share the 公費 pays', () => {
		const [main, publicForm] = pe(0);
		expect(main!.header.publicExpense).toBeNull();
		expect(publicForm!.kind).toBe('public_expense');
		expect(publicForm!.header.publicExpense).toEqual({ payerNumber: '80136011', recipientNumber: '1234567' });
		expect(publicForm!.fees).toMatchObject({ totalJpy: 5410, claimJpy: 1623, patientShareJpy: 0 });
	});

	it('still makes the 公費 申請書 when its claim is 0 円', () => {
		const forms = pe(null);
		expect(forms).toHaveLength(2);
		expect(forms[1]!.fees).toMatchObject({ claimJpy: 0, patientShareJpy: 1623 });
		expect(pe(500)[1]!.fees).toMatchObject({ claimJpy: 1123, patientShareJpy: 500 });
	});
});

describe('buildClaimForms: what blocks a draft', () => {
	it('names missing eligibility, patient, insured and registration fields', () => {
		const input = testInput();
		const form = mainForm({
			eligibility: { ...input.eligibility, insuranceKind: null, honke: null, benefitRatio: null, number: ' ' },
			patient: { name: '佐藤 花子', kana: null, sex: null, relation: null, birthDate: null },
			insured: { name: null, postalCode: null, address: null, phone: null },
			registration: {
				clinicName: 'ふじ鍼灸院',
				postalCode: null,
				address: '東京都',
				phone: '03',
				managerName: null,
				registrationNumber: null,
				healthCentreKind: null,
				bank: null
			}
		});
		expect(form.blockers).toEqual([
			{ code: 'missing_eligibility', fields: ['insuranceKind', 'honke', 'benefitRatio', 'number'] },
			{ code: 'missing_patient', fields: ['kana', 'sex', 'relation', 'birthDate'] },
			{ code: 'missing_insured', fields: ['name', 'address'] },
			{ code: 'missing_registration', fields: ['managerName', 'registrationNumber', 'healthCentreKind', 'bank'] }
		]);
		expect(form.fees).toMatchObject({ sharePercent: null, patientShareJpy: 0, claimJpy: 5410 });
	});

	it('names a missing consent, missing 症状 and an empty month', () => {
		expect(mainForm({ consents: [] }).blockers).toEqual([{ code: 'missing_consent' }]);
		expect(mainForm({ consents: [testConsent({ symptoms: '' })] }).blockers).toEqual([{ code: 'missing_symptoms' }]);
		expect(mainForm({ visits: [] }).blockers).toEqual([{ code: 'no_visits' }]);
		expect(mainForm({ visits: [] }).treatment).toMatchObject({ days: 0, periodFrom: null, periodTo: null });
	});
});

describe('the continuation statement (別紙5)', () => {
	const sixteen = (month: string) => Array.from({ length: 16 }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
	it('is needed from one year after 初療 with 16 or more visit days', () => {
		expect(needsContinuationStatement('2025-11-10', sixteen('2026-11'))).toBe(true);
		expect(needsContinuationStatement('2025-11-20', sixteen('2026-11'))).toBe(false);
		expect(needsContinuationStatement('2025-11-16', sixteen('2026-11'))).toBe(true);
		expect(needsContinuationStatement('2024-01-01', sixteen('2026-11').slice(1))).toBe(false);
		expect(needsContinuationStatement(null, sixteen('2026-11'))).toBe(false);
	});
	it('shows on the form', () => {
		const visits = sixteen('2027-01').map((d) => testVisit(d));
		const renewal = testConsent({ id: 'c3', kind: 'renewal', signedOn: '2026-12-20', firstTreatmentOn: '2026-12-20' });
		expect(
			mainForm({ month: '2027-01', consents: [testConsent({ firstTreatmentOn: '2025-12-01', signedOn: '2025-11-20' }), renewal], visits })
				.continuationStatementNeeded
		).toBe(true);
	});
	it('moves 29 February to 1 March', () => {
		expect(oneYearAfter('2024-02-29')).toBe('2025-03-01');
		expect(oneYearAfter('2024-03-01')).toBe('2025-03-01');
	});
});

describe('shares and pricing', () => {
	it('rounds the share as the version says', () => {
		expect(monthShare(5410, 30, TEST_FEE_SCHEDULES[1]!)).toBe(1623);
		expect(monthShare(5415, 10, TEST_FEE_SCHEDULES[1]!)).toBe(542);
		expect(monthShare(5415, 10, { ...TEST_FEE_SCHEDULES[1]!, shareRounding: 'ten_yen_half_up' })).toBe(540);
		expect(monthShare(5410, 0, null)).toBe(0);
	});
	it('keeps two lines when a revision falls inside the month', () => {
		const priced = priceMonth([testVisit('2024-05-31'), testVisit('2024-06-03'), testVisit('2024-06-10')], TEST_FEE_SCHEDULES);
		expect(priced.problems).toEqual([{ code: 'no_fee_schedule', date: '2024-05-31' }]);
		expect(priced.lines).toEqual([{ code: 'treatment_combined', unitJpy: 1770, count: 2, amountJpy: 3540 }]);
	});
	it('refuses a home visit without a tier', () => {
		expect(priceMonth([testVisit('2024-10-03', { kind: 'home_visit' })], TEST_FEE_SCHEDULES).problems).toEqual([
			{ code: 'home_visit_without_tier', date: '2024-10-03' }
		]);
	});
});
