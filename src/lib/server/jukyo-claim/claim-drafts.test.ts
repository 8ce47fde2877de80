import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { billingWorld, checkEligibility, CONSENT_INPUT, insertVisit, insuredPatient } from '../billing/test-fixtures';
import { voidCharge } from '../billing/void-charge';
import { insertPractitioner, insertStaff } from '../outcomes/test-fixtures';
import { saveJukyoRegistration } from '../jukyo/registration';
import { claimFormDocument, listClaimDrafts } from './claim-drafts';
import { benefitRatioOf, honkeOf, insuranceKindOf } from './claim-records';
import { loadClinicRegistrationForClaim } from './claim-registration';
import { REGISTRATION } from './test-claim-fixtures';

const NOW = new Date('2027-12-01T03:00:00.000Z');

describeEachDatabase('the monthly 申請書 from the records', (db) => {
	async function insuredMonth() {
		const world = await billingWorld(db());
		const patientId = await insuredPatient(db(), { insurerNumber: '39131015' });
		await db()
			.kysely.updateTable('patient')
			.set({ family_name_kana: 'ヤマダ', given_name_kana: 'ハナ', sex: 'female', date_of_birth: '1950-02-03', insurance_branch: '00' })
			.where('id', '=', patientId)
			.execute();
		const consent = await recordDoctorConsent(
			db(),
			patientId,
			{ ...CONSENT_INPUT, signedOn: '2027-04-20', conditionNote: '右坐骨神経に沿う痛み' },
			world.actor,
			{ now: NOW }
		);
		if (!consent.ok) throw new Error(consent.code);
		const charge = async (startsAt: string, practitionerId?: string) => {
			const visit = await insertVisit(db(), world, patientId, startsAt);
			if (practitionerId) await db().kysely.updateTable('appointment').set({ practitioner_id: practitionerId }).where('id', '=', visit).execute();
			const created = await createChargeForAppointment(
				db(),
				visit,
				{ payer: 'insurance', sharePercent: '10', arts: 'combined', electro: startsAt.startsWith('2027-09-15') ? 'on' : undefined },
				world.actor,
				{ now: NOW }
			);
			if (!created.ok) throw new Error(created.code);
			return created.chargeId;
		};
		// The desk checked the 後期高齢者 card (9割給付) in each month it charged (issue #19).
		const card = { insurerNumber: '39131015', insuranceKind: 'koki', holderKind: 'korei_ippan', benefitPercent: 90, insuranceBranch: '00' };
		for (const day of ['2027-05-06', '2027-09-08', '2027-11-10']) await checkEligibility(db(), world, patientId, day, card);
		const second = await insertPractitioner(db(), null);
		await db()
			.kysely.updateTable('practitioner')
			.set({ family_name_ja: '鈴木', given_name_ja: '花', hari_licence: '第700001号', kyu_licence: '第700002号' })
			.where('id', '=', second)
			.execute();
		await charge('2027-05-06T01:00:00.000Z');
		await charge('2027-09-08T01:00:00.000Z');
		await charge('2027-09-15T01:00:00.000Z', second);
		const voided = await charge('2027-09-22T01:00:00.000Z');
		await voidCharge(db(), voided, { reason: '入力誤り' }, world.actor, { now: NOW });
		// After the consent period (ends 2027-10-31): a visit in November is outside it.
		await db().kysely.updateTable('doctor_consent').set({ first_treatment_on: '2027-05-06', expires_on: '2027-10-31' }).where('id', '=', consent.id).execute();
		return { world, patientId, second };
	}

	it('fills a month from the charges, the cards, the visits and the consent, and prints it', async () => {
		const { world, patientId } = await insuredMonth();
		const document = await claimFormDocument(db(), patientId, '2027-09', 'main', world.actor, { registration: REGISTRATION });
		expect(document).not.toBeNull();
		const form = document!.form;
		expect(form.header).toMatchObject({ insuranceKind: '3', honke: '8', benefitRatio: 9, insurerNumber: '39131015' });
		expect(form.insured).toMatchObject({ symbol: '12', number: '345', branch: '00' });
		expect(form.treatment).toMatchObject({
			days: 2,
			firstTreatmentOn: '2027-05-06',
			consentedOn: '2027-04-20',
			claimKind: 'continuing',
			symptoms: '右坐骨神経に沿う痛み',
			conditions: ['neuralgia', 'lumbago']
		});
		expect(form.fees.lines).toEqual([
			{ code: 'treatment_combined', unitJpy: 1770, count: 2, amountJpy: 3540 },
			{ code: 'electro', unitJpy: 100, count: 1, amountJpy: 100 }
		]);
		expect(form.fees).toMatchObject({ totalJpy: 3640, patientShareJpy: 364, claimJpy: 3276 });
		expect(form.certification.practitioners.map((p) => [p.name, p.dates])).toEqual([
			['佐藤 美穂', ['2027-09-08']],
			['鈴木 花', ['2027-09-15']]
		]);
		expect(form.certification.practitioners[1]!.licence).toBe('はり師 第700001号・きゅう師 第700002号');
		// A 後期高齢者 is their own 被保険者 (本人); the patient has no address on record: named as missing,
		// never guessed. The month is not confirmed and signed yet (docs/jukyo-claim.md §11).
		expect(form.blockers).toEqual([{ code: 'missing_insured', fields: ['address'] }, { code: 'unsigned_month' }]);
		expect(form.patient.relation).toBe('本人');
		expect(form.insured.name).toBe(form.patient.name);
		const text = squashed(pdfText(document!.pdf));
		for (const s of [
			'令和9年9月分',
			'39131015',
			'【3後高】',
			'【8高外一】',
			'【9】',
			'12・345',
			'ヤマダハナ',
			'明大【昭】平令25年2月3日',
			'右坐骨神経に沿う痛み',
			'令和9年5月6日',
			'合計3,640円',
			'請求額3,276円',
			'鈴木花',
			'関東信越はり1234567',
			'みずほ銀行'
		]) {
			expect(text).toContain(s);
		}
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'patient_id', 'entity_id'])
			.where('action', '=', 'jukyo_claim.pdf')
			.where('patient_id', '=', patientId)
			.execute();
		expect(audit).toEqual([{ action: 'jukyo_claim.pdf', patient_id: patientId, entity_id: '2027-09:main' }]);
	});

	it('lists the month’s drafts with what blocks them, audited, and names the registration that is missing', async () => {
		const { world, patientId } = await insuredMonth();
		await db().kysely.updateTable('clinic').set({ name_ja: 'ふじ鍼灸院', phone: '03-1111-2222' }).execute();
		const registration = await loadClinicRegistrationForClaim(db());
		expect(registration).toMatchObject({ clinicName: 'ふじ鍼灸院', phone: '03-1111-2222', managerName: null, registrationNumber: null, bank: null });
		const { drafts } = await listClaimDrafts(db(), '2027-09', world.actor);
		const mine = drafts.filter((d) => d.patientId === patientId);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ kind: 'main', days: 2, totalJpy: 3640, claimJpy: 3276 });
		expect(mine[0]!.blockers).toContainEqual({
			code: 'missing_registration',
			fields: expect.arrayContaining(['managerName', 'registrationNumber', 'healthCentreKind', 'bank'])
		});
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('entity_id')
			.where('action', '=', 'jukyo_claim.list')
			.where('entity_id', '=', '2027-09')
			.execute();
		expect(audit.length).toBeGreaterThan(0);
	});

	it('names a visit outside the consent, and gives no form for a month without insured visits', async () => {
		const { world, patientId } = await insuredMonth();
		const visit = await insertVisit(db(), world, patientId, '2027-11-10T01:00:00.000Z');
		// Charged while the consent was still on record as running; the claim checks the period again.
		const charge = await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '10' }, world.actor, {
			now: new Date('2027-11-10T03:00:00.000Z')
		});
		if (charge.ok) {
			const { drafts } = await listClaimDrafts(db(), '2027-11', world.actor, { registration: REGISTRATION });
			expect(drafts.find((d) => d.patientId === patientId)?.blockers).toContainEqual({
				code: 'visit_outside_consent',
				date: '2027-11-10',
				reason: 'consent_expired'
			});
		} else {
			expect(charge.code).toBe('insurance_refused');
		}
		expect(await claimFormDocument(db(), patientId, '2027-08', 'main', world.actor)).toBeNull();
		expect(await claimFormDocument(db(), patientId, '2027-09', 'public_expense', world.actor)).toBeNull();
	});

	it('reads the registration the owner saved: 施術所, 施術管理者 with the 登録記号番号, 届出 and bank', async () => {
		const world = await billingWorld(db());
		const owner = await insertStaff(db(), 'owner');
		const saved = await saveJukyoRegistration(
			db(),
			{
				facilityName: 'フジウェルネス鍼灸院',
				postalCode: '132-0031',
				address: '東京都江戸川区松島1丁目21-14',
				phone: '03-0000-0000',
				filingKind: 'clinic_address',
				filedOn: '2019-04-01',
				founderName: '藤田 誠',
				harikyuManagerId: world.practitionerId,
				harikyuNumber: '関東信越 は第1234号',
				harikyuStartOn: '2019-06-01',
				practitionerIds: [world.practitionerId],
				depositKind: 'ordinary',
				bankName: 'みらい銀行',
				branchName: '小岩支店',
				accountNumber: '1234567',
				holderKana: 'フジタ マコト',
				'submission.kumiai': '健康保険組合 各保険者',
				'deadline.kumiai': '10',
				onlineEligibilityFrom: '2024-11-01'
			},
			{ type: 'staff', id: owner.id, ip: null, requestId: null },
			NOW
		);
		expect(saved.ok).toBe(true);
		const practitioner = await db()
			.kysely.selectFrom('practitioner')
			.select(['family_name_ja', 'given_name_ja'])
			.where('id', '=', world.practitionerId)
			.executeTakeFirstOrThrow();
		expect(await loadClinicRegistrationForClaim(db())).toEqual({
			clinicName: 'フジウェルネス鍼灸院',
			postalCode: '132-0031',
			address: '東京都江戸川区松島1丁目21-14',
			phone: '03-0000-0000',
			managerName: `${practitioner.family_name_ja} ${practitioner.given_name_ja}`.trim(),
			registrationNumber: '関東信越 は第1234号',
			healthCentreKind: 'clinic',
			bank: {
				bankName: 'みらい銀行',
				bankKind: '',
				branchName: '小岩支店',
				branchKind: '',
				accountType: 'ordinary',
				accountNumber: '1234567',
				holderKana: 'フジタ マコト'
			}
		});
	});
});

it('derives 保険種別, 給付割合 and 本家区分 only where the records decide them', () => {
	expect(['39131015', '06130012', '138016', '67131015', '1234'].map(insuranceKindOf)).toEqual(['3', '1', '1', '4', null]);
	expect([0, 10, 20, 30, null, 15].map(benefitRatioOf)).toEqual([10, 9, 8, 7, null, null]);
	expect([honkeOf('3', 10), honkeOf('3', 30), honkeOf('1', 30), honkeOf(null, 10)]).toEqual(['8', '0', null, null]);
});
