import { describe, expect, it } from 'vitest';
import { pdfPages, squashed } from '../../../../tests/support/pdf-text';
import { buildClaimForms } from '../../domain/jukyo-claim/claim-form';
import { testConsent, testInput, testVisit, TEST_RULES } from '../../domain/jukyo-claim/claim-test-input';
import { claimFormPdf } from './claim-pdf';

/** The text of the PDF without white space, and its page count. */
async function render(input: Parameters<typeof testInput>[0] = {}, which = 0) {
	const form = buildClaimForms(testInput(input), TEST_RULES)[which]!;
	const pdf = await claimFormPdf(form);
	const pages = pdfPages(pdf);
	return { text: squashed(pages.join('\n')), pages: pages.length, pdf };
}

describe('claimFormPdf', () => {
	it('is one A4 page carrying every field of the header, the insured person and the patient', async () => {
		const { text, pages, pdf } = await render({ eligibility: { ...testInput().eligibility, publicExpense: null } });
		expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
		expect(pages).toBe(1);
		for (const s of [
			'療養費支給申請書（はり・きゅう用）',
			'様式第6号',
			'令和8年11月分',
			'保険者番号06130012',
			'【1社国】',
			'【6家外】',
			'【7】',
			'公費負担者番号',
			'公費受給者番号'
		])
			expect(text).toContain(squashed(s));
		for (const s of ['12・345', '枝番01', '佐藤太郎', '佐藤花子', 'サトウハナコ', '【2女】', '続柄妻', '【昭】', '33年3月15日']) expect(text).toContain(s);
	});

	it('carries 施術内容 with 和暦 dates, the grid and its legend', async () => {
		const { text } = await render();
		for (const s of [
			'【1神経痛】',
			'右下肢のしびれと痛み（坐骨神経痛）',
			'令和8年4月10日',
			'令和8年6月3日',
			'令和8年5月20日',
			'自令和8年11月1日至令和8年11月30日',
			'実日数3日',
			'【継続】',
			'転帰【継続】',
			'往療又は訪問の理由',
			'施術日',
			'凡例'
		]) {
			expect(text).toContain(s);
		}
		// The grid: days 1–31 and a mark for each of the three visits.
		expect(text).toContain('3031');
		expect(text.match(/○/g)?.length).toBeGreaterThanOrEqual(4);
	});

	it('carries the fee lines with counts, the total, the share and the claim', async () => {
		const { text } = await render();
		for (const s of ['施術料通所（2術）1,770円×3=5,310円', '電療料100円×1=100円', '合計5,410円', '一部負担金（3割）1,623円', '請求額3,787円'])
			expect(text).toContain(s);
	});

	it('carries 施術証明, 申請, 支払機関, 同意記録 and 委任 in the form order', async () => {
		const { text } = await render();
		for (const s of [
			'上記のとおり施術を行い、その費用を領収しました。',
			'〒160-0023東京都新宿区西新宿2-2-2',
			'ふじ鍼灸院',
			'施術管理者氏名藤田誠',
			'関東信越はり1234567',
			'03-1234-5678',
			'【1施術所所在地】',
			'藤田誠（はり師第900101号）：4日・11日',
			'佐藤美穂（はり師第900201号）：18日',
			'保険者全国健康保険協会東京支部殿',
			'令和8年11月25日',
			'090-0000-1111',
			'振込',
			'【普通】',
			'みずほ銀行',
			'新宿支店',
			'1234567',
			'フジシンキュウイン',
			'山田一郎',
			'山田整形外科東京都新宿区西新宿1-1',
			'自令和8年6月3日至令和8年11月30日',
			'療養費の受領を代理人に委任します。',
			'代理人（施術管理者）'
		]) {
			expect(text).toContain(s);
		}
		const order = ['保険種別', '被保険者・療養を受けた者', '施術内容', '料金', '施術証明欄', '申請欄', '支払機関欄', '同意記録', '委任欄'].map((s) =>
			text.indexOf(s)
		);
		expect(order.every((at) => at >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('prints every visit kind, the report with its last month, and the 公費 form at 0 円', async () => {
		const home = await render(
			{
				month: '2024-10',
				consents: [testConsent({ signedOn: '2024-10-01', firstTreatmentOn: '2024-10-01' })],
				visits: [
					testVisit('2024-10-01', { initialExam: true, arts: 'single' }),
					testVisit('2024-10-08', { kind: 'home_visit', homeVisitTier: '2', electro: true, specialArea: true }),
					testVisit('2024-10-22', { kind: 'house_call', reportIssued: true })
				],
				homeVisitReason: 1,
				previousReportMonth: '2024-04',
				eligibility: { ...testInput().eligibility, publicExpense: { payerNumber: '80136011', recipientNumber: '7654321', monthlyCopayJpy: null } }
			},
			1
		);
		for (const s of [
			'（公費負担分）',
			'令和6年10月分',
			'80136011',
			'7654321',
			'初検料（1術）',
			'訪問施術料2（2術）',
			'往療料',
			'特別地域加算',
			'施術報告書交付料（前回支給令和6年4月分）',
			'訪2',
			'往',
			'【新規】',
			'【1独歩による公共交通機関を使っての外出が困難】',
			'同意書原本を添付',
			'請求額0円'
		]) {
			expect(home.text).toContain(s);
		}
		expect(home.pages).toBe(1);
	});

	it('leaves a missing registration blank rather than inventing it, and notes the continuation statement', async () => {
		const sixteen = Array.from({ length: 16 }, (_, i) => testVisit(`2027-01-${String(i + 1).padStart(2, '0')}`));
		const renewal = testConsent({ id: 'c9', kind: 'renewal', signedOn: '2026-12-20', firstTreatmentOn: '2026-12-20' });
		const { text } = await render({
			month: '2027-01',
			consents: [testConsent({ signedOn: '2025-11-20', firstTreatmentOn: '2025-12-01' }), renewal],
			visits: sixteen,
			registration: {
				clinicName: 'ふじ鍼灸院',
				postalCode: null,
				address: null,
				phone: null,
				managerName: null,
				registrationNumber: null,
				healthCentreKind: null,
				bank: null
			}
		});
		expect(text).toContain('1年以上・月16回以上施術継続理由・状態記入書（別紙5）を添付');
		expect(text).toContain('登録記号番号');
		expect(text).not.toContain('関東信越');
		expect(text).toContain('令和9年1月分');
	});
});
