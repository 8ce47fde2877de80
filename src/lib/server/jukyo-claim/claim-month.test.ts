import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import type { Db } from '../db/database';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { billingWorld, checkEligibility, insertVisit, type BillingWorld } from '../billing/test-fixtures';
import { recordEligibilityCheck } from '../jukyo/eligibility';
import { saveJukyoRegistration } from '../jukyo/registration';
import { insertPatient, insertPractitioner, insertStaff } from '../outcomes/test-fixtures';
import { updatePatient } from '../patients/update-patient';
import { claimFormDocument, listClaimDrafts } from './claim-drafts';
import { summarySheetsDocument } from './summary-document';
import { recordMonthConfirmation } from './month-confirmations';
import { recordClaimOutcome } from './claim-outcomes';

/*
 * One 受領委任 month end to end (issue #19, docs/jukyo-claim.md §8): built through the use cases the
 * desk uses (registration, patient record, 同意書 and 再同意, eligibility checks, insured charges at
 * the clinic, at home and on a call), then the 申請書 PDFs read back as text and checked against every
 * field of docs/jukyo-claim.md §1, and the 総括票 against the sum of their 申請書.
 * Only the people and the past visits are rows: no use case books a visit in the past.
 */

const MONTH = '2026-11';
const AFTER = new Date('2026-12-02T03:00:00.000Z');
const at = (day: string, hour = '01') => `${day}T${hour}:00:00.000Z`;

async function monthWorld(db: Db) {
	const world = await billingWorld(db);
	const owner = await insertStaff(db, 'owner');
	const ownerActor = { type: 'staff' as const, id: owner.id, ip: null, requestId: null };
	// Two 施術者 with both licences: 藤田 誠 (the 施術管理者) and 鈴木 花.
	const second = await insertPractitioner(db, null);
	await db.kysely
		.updateTable('practitioner')
		.set({ family_name_ja: '藤田', given_name_ja: '誠', hari_licence: '第900101号', kyu_licence: '第900102号' })
		.where('id', '=', world.practitionerId)
		.execute();
	await db.kysely
		.updateTable('practitioner')
		.set({ family_name_ja: '鈴木', given_name_ja: '花', hari_licence: '第700001号', kyu_licence: '第700002号' })
		.where('id', '=', second)
		.execute();
	const saved = await saveJukyoRegistration(
		db,
		{
			facilityName: 'ふじ鍼灸院',
			postalCode: '132-0031',
			address: '東京都江戸川区松島1丁目21-14',
			phone: '03-1234-5678',
			filingKind: 'clinic_address',
			filedOn: '2019-04-01',
			founderName: '藤田 誠',
			harikyuManagerId: world.practitionerId,
			harikyuNumber: '関東信越 は第1234号',
			harikyuStartOn: '2019-06-01',
			practitionerIds: [world.practitionerId, second],
			depositKind: 'ordinary',
			bankName: 'みらい銀行',
			branchName: '小岩支店',
			accountNumber: '1234567',
			holderKana: 'フジタ マコト',
			'submission.kokuho': '東京都国民健康保険団体連合会',
			'deadline.kokuho': '10',
			'submission.kyokai': '全国健康保険協会 東京支部',
			'deadline.kyokai': '10',
			onlineEligibilityFrom: '2024-11-01'
		},
		ownerActor,
		AFTER
	);
	if (!saved.ok) throw new Error(`registration: ${saved.code}`);
	return { world, second, ownerActor };
}

async function patient(db: Db, world: BillingWorld, fields: Record<string, string>) {
	const id = await insertPatient(db);
	const updated = await updatePatient(
		db,
		id,
		{
			email: `${id.slice(0, 8)}@example.jp`,
			preferredLocale: 'ja',
			emergencyContact: '',
			insuranceSymbol: '',
			insuranceNumber: '',
			insuranceBranch: '',
			insurerNumber: '',
			...fields
		},
		{ actor: world.actor, role: 'reception' },
		'2026-12-02',
		AFTER
	);
	if (!updated.ok) throw new Error(`patient: ${updated.code} ${JSON.stringify('fields' in updated ? updated.fields : {})}`);
	return id;
}

async function charge(db: Db, world: BillingWorld, patientId: string, startsAt: string, input: Record<string, unknown>, practitionerId?: string) {
	const visit = await insertVisit(db, world, patientId, startsAt);
	if (practitionerId) await db.kysely.updateTable('appointment').set({ practitioner_id: practitionerId }).where('id', '=', visit).execute();
	const created = await createChargeForAppointment(db, visit, { payer: 'insurance', ...input }, world.actor, {
		now: new Date(Date.parse(startsAt) + 3_600_000)
	});
	if (!created.ok) throw new Error(`charge ${startsAt}: ${created.code} ${JSON.stringify(created)}`);
	return created;
}

async function consent(db: Db, world: BillingWorld, patientId: string, input: Record<string, unknown>) {
	const recorded = await recordDoctorConsent(
		db,
		patientId,
		{ doctorName: '山田 一郎', institution: '山田整形外科', institutionAddress: '東京都江戸川区中央1-1', conditions: ['neuralgia'], ...input },
		world.actor,
		{ now: AFTER }
	);
	if (!recorded.ok) throw new Error(`consent: ${recorded.code} ${JSON.stringify('fields' in recorded ? recorded.fields : {})}`);
	return recorded.id;
}

describeEachDatabase('a 受領委任 month, end to end', (db) => {
	async function sign(world: BillingWorld, patientId: string, dates: string[], on: string, signer: Record<string, string>) {
		const signed = await recordMonthConfirmation(db(), patientId, { month: MONTH, date: dates, agree: 'on', ...signer }, world.actor, {
			now: new Date(`${on}T08:00:00.000Z`)
		});
		if (!signed.ok) throw new Error(`month not signed: ${JSON.stringify(signed)}`);
	}

	async function buildMonth() {
		const { world, second } = await monthWorld(db());
		// A: sciatica, 協会けんぽ 本人 7割給付; treated since June; 再同意 on 18 November; visits at the clinic, at home and on a call.
		const a = await patient(db(), world, {
			familyName: '佐藤',
			givenName: '太郎',
			familyNameKana: 'サトウ',
			givenNameKana: 'タロウ',
			phone: '090-1111-2222',
			dateOfBirth: '1958-03-15',
			sex: 'male',
			postalCode: '132-0035',
			address: '東京都江戸川区平井3-4-5'
		});
		const aCard = {
			method: 'myna_app',
			insuranceKind: 'shakoku',
			holderKind: 'honnin',
			benefitPercent: 70,
			insurerNumber: '01130012',
			insuranceSymbol: '7012',
			insuranceNumber: '345',
			insuranceBranch: '00'
		};
		await consent(db(), world, a, {
			signedOn: '2026-05-20',
			symptoms: '右臀部から下腿後面の痛みとしびれ',
			conditionNote: '坐骨神経痛',
			onsetOn: '2026-04-10',
			examinedOn: '2026-05-20',
			carePeriod: '6か月'
		});
		await checkEligibility(db(), world, a, '2026-06-03', aCard);
		await charge(db(), world, a, at('2026-06-03'), { arts: 'combined' });
		await checkEligibility(db(), world, a, '2026-11-04', aCard);
		await charge(db(), world, a, at('2026-11-04'), { arts: 'combined', electro: 'on' });
		await charge(db(), world, a, at('2026-11-11'), { arts: 'combined' }, second);
		await consent(db(), world, a, {
			kind: 'renewal',
			signedOn: '2026-11-18',
			symptoms: '右下肢のしびれが残る',
			onsetOn: '2026-04-10',
			examinedOn: '2026-11-16',
			homeVisitNeeded: 'on',
			homeVisitReason: '歩行困難のため'
		});
		await charge(db(), world, a, at('2026-11-18'), { arts: 'combined' });
		await charge(
			db(),
			world,
			a,
			at('2026-11-25'),
			{ arts: 'combined', visitPlace: 'home_visit', homeVisitTier: '2', specialArea: 'on', homeVisitReason: '1' },
			second
		);
		await charge(db(), world, a, at('2026-11-27'), { arts: 'combined', visitPlace: 'house_call', homeVisitReason: '1' });
		// B: 国保 本人 7割給付 with a 公費 (医療証), new this month: consent signed in October, first visit 5 November (初検料).
		const b = await patient(db(), world, {
			familyName: '高橋',
			givenName: '和子',
			familyNameKana: 'タカハシ',
			givenNameKana: 'カズコ',
			phone: '03-5555-6666',
			dateOfBirth: '1990-07-01',
			sex: 'female',
			postalCode: '132-0011',
			address: '東京都江戸川区瑞江2-2-2'
		});
		await consent(db(), world, b, {
			doctorName: '田中 二郎',
			institution: '江戸川中央クリニック',
			institutionAddress: '東京都江戸川区中央4-1',
			signedOn: '2026-10-28',
			symptoms: '左下肢の放散痛',
			onsetOn: '2026-10-01',
			conditions: ['neuralgia', 'lumbago']
		});
		await checkEligibility(db(), world, b, '2026-11-05', {
			method: 'eligibility_certificate',
			insuranceKind: 'shakoku',
			holderKind: 'honnin',
			benefitPercent: 70,
			insurerNumber: '138016',
			insuranceSymbol: '江戸',
			insuranceNumber: '4567',
			publicPayerNumber: '81136015',
			publicRecipientNumber: '7654321',
			publicCopayMonthlyJpy: '1000',
			validUntil: '2027-07-31'
		});
		await charge(db(), world, b, at('2026-11-05'), { arts: 'single' });
		await charge(db(), world, b, at('2026-11-12'), { arts: 'single' });
		// Each month confirmed and signed at its last visit: A in person, B's by her husband (docs/jukyo-claim.md §11).
		await sign(world, a, ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25', '2026-11-27'], '2026-11-27', {
			signerKind: 'patient',
			signerName: '佐藤 太郎'
		});
		await sign(world, b, ['2026-11-05', '2026-11-12'], '2026-11-12', {
			signerKind: 'proxy',
			signerName: '高橋 健',
			proxyRelation: '夫',
			proxyReason: '本人が手を痛めて署名できないため'
		});
		return { world, a, b };
	}

	it('prints every field of the 申請書 of an insured month with a 再同意, two 施術者, a home visit and a call', async () => {
		const { world, a } = await buildMonth();
		const document = await claimFormDocument(db(), a, MONTH, 'main', world.actor);
		expect(document).not.toBeNull();
		const form = document!.form;
		expect(form.blockers).toEqual([]);
		expect(form.fees.lines).toEqual([
			{ code: 'treatment_combined', unitJpy: 1770, count: 4, amountJpy: 7080 },
			{ code: 'home_visit_2_combined', unitJpy: 2920, count: 1, amountJpy: 2920 },
			{ code: 'electro', unitJpy: 100, count: 1, amountJpy: 100 },
			{ code: 'house_call', unitJpy: 2300, count: 1, amountJpy: 2300 },
			{ code: 'special_area', unitJpy: 250, count: 1, amountJpy: 250 }
		]);
		expect(form.fees).toMatchObject({ totalJpy: 12650, sharePercent: 30, patientShareJpy: 3795, claimJpy: 8855 });
		const text = squashed(pdfText(document!.pdf));
		const expected = [
			// Header: the month, 保険種別, 本家区分, 給付割合, 保険者番号.
			'療養費支給申請書（はり・きゅう用）',
			'様式第6号',
			'令和8年11月分',
			'保険者番号01130012',
			'【1社国】',
			'【2本外】',
			'【7】',
			// 被保険者 and the person treated.
			'7012・345',
			'枝番00',
			'被保険者氏名佐藤太郎',
			'サトウタロウ',
			'【1男】',
			'続柄本人',
			'明大【昭】平令33年3月15日',
			// 施術内容: 傷病名, 症状, 発病・初療・同意 dates, 施術期間, 実日数, 請求区分, 転帰, the reason for the home visits, the grid.
			'【1神経痛】',
			'右下肢のしびれが残る',
			'発病又は負傷年月日令和8年4月10日',
			'初療年月日令和8年6月3日',
			'同意年月日令和8年11月18日',
			'自令和8年11月1日至令和8年11月30日',
			'実日数5日',
			'【継続】',
			'転帰【継続】',
			'【1独歩による公共交通機関を使っての外出が困難】',
			'訪2',
			'往',
			// 料金: each line with its count, 合計, 一部負担金, 請求額.
			'施術料通所（2術）1,770円×4=7,080円',
			'訪問施術料2（2術）2,920円×1=2,920円',
			'電療料100円×1=100円',
			'往療料2,300円×1=2,300円',
			'特別地域加算250円×1=250円',
			'合計12,650円',
			'一部負担金（3割）3,795円',
			'請求額8,855円',
			// The 再同意 of the month goes with the claim as the original.
			'同意書原本を添付',
			// 施術証明: date, 施術所, 施術管理者 with 登録記号番号, 保健所登録区分, each 施術者 with their days.
			'上記のとおり施術を行い、その費用を領収しました。',
			'令和8年11月30日',
			'〒132-0031東京都江戸川区松島1丁目21-14',
			'ふじ鍼灸院',
			'03-1234-5678',
			'施術管理者氏名藤田誠',
			'関東信越は第1234号',
			'【1施術所所在地】',
			'藤田誠（はり師第900101号・きゅう師第900102号）：4日・18日・27日',
			'鈴木花（はり師第700001号・きゅう師第700002号）：11日・25日',
			// 申請 (the 被保険者's address, name, phone), 支払機関, 委任 with the 施術管理者 as agent.
			'東京都江戸川区平井3-4-5',
			'090-1111-2222',
			'振込',
			'【普通】',
			'みらい銀行',
			'小岩支店',
			'1234567',
			'フジタマコト',
			'療養費の受領を代理人に委任します。',
			'代理人（施術管理者）',
			// The patient's confirmation and signature of the month, on the day of the last visit.
			'佐藤太郎（本人）令和8年11月27日氏名入力による確認'
		];
		for (const s of expected) expect(text, s).toContain(squashed(s));
		// The grid: ○ for the three clinic days (the legend prints one more).
		expect(text.match(/○/g)?.length).toBe(4);
		expect(document!.pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
	});

	it('names a family member’s 被保険者 and 続柄, and the insurer, from the eligibility check', async () => {
		const { world } = await monthWorld(db());
		const c = await patient(db(), world, {
			familyName: '佐藤',
			givenName: '花子',
			familyNameKana: 'サトウ',
			givenNameKana: 'ハナコ',
			phone: '090-3333-4444',
			dateOfBirth: '1961-09-09',
			sex: 'female',
			postalCode: '132-0035',
			address: '東京都江戸川区平井3-4-5'
		});
		await consent(db(), world, c, { signedOn: '2026-10-20', symptoms: '左下肢のしびれ', onsetOn: '2026-10-01' });
		const familyCard = {
			method: 'myna_app',
			insuranceKind: 'shakoku',
			holderKind: 'kazoku',
			benefitPercent: 70,
			insurerNumber: '01130012',
			insuranceSymbol: '7012',
			insuranceNumber: '345',
			insuranceBranch: '01'
		};
		// Without the 被保険者 a family member's check is refused, field by field, and nothing is saved.
		const refused = await recordEligibilityCheck(db(), c, { ...familyCard, checkedOn: '2026-11-06' }, world.actor, {
			now: new Date('2026-11-06T03:00:00.000Z')
		});
		expect(refused).toMatchObject({ ok: false, code: 'invalid', fields: { insuredName: expect.any(String), insuredRelation: expect.any(String) } });
		await checkEligibility(db(), world, c, '2026-11-06', {
			...familyCard,
			insurerName: '全国健康保険協会 東京支部',
			insuredName: '佐藤 太郎',
			insuredRelation: '妻'
		});
		await charge(db(), world, c, at('2026-11-06'), { arts: 'combined' });
		await sign(world, c, ['2026-11-06'], '2026-11-06', { signerKind: 'patient', signerName: '佐藤 花子' });
		const document = (await claimFormDocument(db(), c, MONTH, 'main', world.actor))!;
		expect(document.form.blockers).toEqual([]);
		const text = squashed(pdfText(document.pdf));
		// 家族 (本家区分 6), the 被保険者 named by the check, the patient's own address, and the insurer addressed.
		for (const s of ['【6家外】', '被保険者氏名佐藤太郎', '続柄妻', 'サトウハナコ', '東京都江戸川区平井3-4-5', '全国健康保険協会東京支部殿'])
			expect(text, s).toContain(squashed(s));
		expect(text).toContain(squashed('転帰【継続】'));

		// She stops after this visit: the desk records the 転帰, and the 施術期間 ends on the last visit.
		const practitioner = { type: 'staff' as const, id: (await insertStaff(db(), 'practitioner')).id, ip: null, requestId: null };
		expect(await recordClaimOutcome(db(), { patientId: c, month: MONTH, outcome: 'stopped' }, practitioner)).toEqual({ ok: false, code: 'forbidden' });
		expect(await recordClaimOutcome(db(), { patientId: c, month: MONTH, outcome: 'gone' }, world.actor)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { outcome: 'claimOutcome.error.outcome' }
		});
		expect(await recordClaimOutcome(db(), { patientId: c, month: MONTH, outcome: 'stopped' }, world.actor, { now: AFTER })).toEqual({ ok: true });
		const stopped = (await claimFormDocument(db(), c, MONTH, 'main', world.actor))!;
		expect(stopped.form.treatment).toMatchObject({ outcome: 'stopped', periodTo: '2026-11-06' });
		const stoppedText = squashed(pdfText(stopped.pdf));
		for (const s of ['転帰継続治癒【中止】転医', '自令和8年11月6日至令和8年11月6日']) expect(stoppedText, s).toContain(squashed(s));
	});

	it('prints the 公費 patient’s two 申請書, the 同意記録 of a consent signed before the month, and a new course', async () => {
		const { world, b } = await buildMonth();
		const main = (await claimFormDocument(db(), b, MONTH, 'main', world.actor))!;
		const kohi = (await claimFormDocument(db(), b, MONTH, 'public_expense', world.actor))!;
		expect(main.form.blockers).toEqual([]);
		expect(kohi.form.blockers).toEqual([]);
		expect(main.form.fees).toMatchObject({ totalJpy: 5170, patientShareJpy: 1551, claimJpy: 3619 });
		// She pays at most ¥1,000 a month under the 公費 (the check records it): the 公費 申請書 claims the rest of her share.
		expect(kohi.form.fees).toMatchObject({ totalJpy: 5170, patientShareJpy: 1000, claimJpy: 551 });
		const common = [
			'令和8年11月分',
			'保険者番号138016',
			'【1社国】',
			'【2本外】',
			'江戸・4567',
			'高橋和子',
			'タカハシカズコ',
			'【2女】',
			'明大昭【平】令2年7月1日',
			'【1神経痛】',
			'【5腰痛症】',
			'左下肢の放散痛',
			'発病又は負傷年月日令和8年10月1日',
			'初療年月日令和8年11月5日',
			'同意年月日令和8年10月28日',
			'自令和8年11月5日至令和8年11月30日',
			'実日数2日',
			'【新規】',
			'初検料（1術）1,950円×1=1,950円',
			'施術料通所（1術）1,610円×2=3,220円',
			'合計5,170円',
			// 同意記録: doctor, institution, date, condition and period of care (from the 初療 to the consent's end).
			'田中二郎',
			'江戸川中央クリニック東京都江戸川区中央4-1',
			'自令和8年11月5日至令和9年4月30日',
			'藤田誠（はり師第900101号・きゅう師第900102号）：5日・12日',
			// Signed by a 代理人: who, the relation and why.
			'代理人高橋健（続柄：夫）令和8年11月12日氏名入力による確認理由：本人が手を痛めて署名できないため'
		];
		const mainText = squashed(pdfText(main.pdf));
		for (const s of [...common, '一部負担金（3割）1,551円', '請求額3,619円']) expect(mainText, s).toContain(squashed(s));
		expect(mainText).not.toContain('同意書原本を添付');
		const kohiText = squashed(pdfText(kohi.pdf));
		for (const s of [...common, '（公費負担分）', '公費負担者番号81136015', '公費受給者番号7654321', '一部負担金（3割）1,000円', '請求額551円'])
			expect(kohiText, s).toContain(squashed(s));
	});

	it('gives 総括票 (I)/(II) whose totals per 提出先 are the sums of their 申請書', async () => {
		const { world, a, b } = await buildMonth();
		const { drafts } = await listClaimDrafts(db(), MONTH, world.actor);
		const mine = drafts.filter((d) => d.patientId === a || d.patientId === b);
		const rows = mine.map((d) => [d.patientId === a ? 'A' : 'B', d.kind, d.totalJpy, d.claimJpy, d.blockers.length]);
		expect(rows).toHaveLength(3);
		expect(rows).toEqual(
			expect.arrayContaining([
				['A', 'main', 12650, 8855, 0],
				['B', 'main', 5170, 3619, 0],
				['B', 'public_expense', 5170, 551, 0]
			])
		);
		// Every 申請書 of the month as printed (earlier tests on this database add theirs), read back from its PDF.
		const printed = await Promise.all(drafts.map((d) => claimFormDocument(db(), d.patientId, MONTH, d.kind, world.actor)));
		const amounts = printed.map((p) => {
			const text = squashed(pdfText(p!.pdf));
			const yen = (label: string) => Number(new RegExp(`${label}([\\d,]+)円`).exec(text)![1]!.replace(/,/g, ''));
			// A 公費 申請書 goes where its insurer's goes: 国保 (6 digits) to the 国保連, 協会けんぽ directly (docs/jukyo-claim.md §7).
			const submitTo = p!.form.header.insurerNumber === '138016' ? 'kokuhoren' : `insurer:${p!.form.header.insurerNumber}`;
			return { submitTo, total: yen('合計'), claim: yen('請求額') };
		});
		const { sheets, pdf } = await summarySheetsDocument(db(), MONTH, world.actor);
		expect(sheets.map((s) => s.submitTo).sort()).toEqual([...new Set(amounts.map((a) => a.submitTo))].sort());
		for (const sheet of sheets) {
			const mineHere = amounts.filter((a) => a.submitTo === sheet.submitTo);
			expect(sheet.forms).toBe(mineHere.length);
			expect(sheet.totalJpy).toBe(mineHere.reduce((sum, a) => sum + a.total, 0));
			expect(sheet.claimJpy).toBe(mineHere.reduce((sum, a) => sum + a.claim, 0));
			expect(sheet.payers.reduce((sum, p) => sum + p.claimJpy, 0)).toBe(sheet.claimJpy);
		}
		const kokuhoren = sheets.find((s) => s.submitTo === 'kokuhoren')!;
		expect(kokuhoren.payers.map((p) => p.payerNumber)).toEqual(['138016', '81136015']);
		expect(kokuhoren.payers[1]).toMatchObject({ forms: kokuhoren.payers[0]!.forms });
		expect(kokuhoren.payers[1]!.claimJpy).toBeGreaterThanOrEqual(551);
		const text = squashed(pdfText(pdf));
		const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
		for (const s of [
			'総括票（I）（様式第8号）',
			'総括票（II）（様式第9号）',
			'令和8年11月分',
			'01130012',
			'138016',
			'81136015',
			...sheets.map((s) => yen(s.claimJpy))
		])
			expect(text, s).toContain(s);
	});

	it('refuses a home visit without its tier or reason, and one the fee version of its day cannot price', async () => {
		const { world } = await monthWorld(db());
		const c = await patient(db(), world, {
			familyName: '伊藤',
			givenName: '進',
			familyNameKana: 'イトウ',
			givenNameKana: 'ススム',
			sex: 'male',
			dateOfBirth: '1950-01-01',
			phone: '090-3333-4444',
			postalCode: '',
			address: ''
		});
		await consent(db(), world, c, { signedOn: '2024-09-01' });
		await checkEligibility(db(), world, c, '2024-09-10');
		const visit = await insertVisit(db(), world, c, at('2024-09-10'));
		const now = { now: new Date(at('2024-09-10', '05')) };
		const noTier = await createChargeForAppointment(db(), visit, { payer: 'insurance', visitPlace: 'home_visit', homeVisitReason: '1' }, world.actor, now);
		expect(noTier).toMatchObject({ ok: false, code: 'invalid', fields: { homeVisitTier: 'jukyoMonth.error.homeVisitTier' } });
		const noReason = await createChargeForAppointment(db(), visit, { payer: 'insurance', visitPlace: 'house_call' }, world.actor, now);
		expect(noReason).toMatchObject({ ok: false, code: 'invalid', fields: { homeVisitReason: 'jukyoMonth.error.homeVisitReason' } });
		const tooEarly = await createChargeForAppointment(
			db(),
			visit,
			{ payer: 'insurance', visitPlace: 'home_visit', homeVisitTier: '1', homeVisitReason: '2' },
			world.actor,
			now
		);
		expect(tooEarly).toMatchObject({ ok: false, code: 'invalid', fields: { visitPlace: 'jukyoMonth.error.no_home_visit_fee' } });
		const atClinic = await createChargeForAppointment(db(), visit, { payer: 'insurance', specialArea: 'on' }, world.actor, now);
		expect(atClinic).toMatchObject({ ok: false, code: 'invalid', fields: { specialArea: 'jukyoMonth.error.specialAreaAtClinic' } });
		expect(await db().kysely.selectFrom('charge').select('id').where('patient_id', '=', c).execute()).toEqual([]);
	});
});
