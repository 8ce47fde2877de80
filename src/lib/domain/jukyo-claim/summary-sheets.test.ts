import { describe, expect, it } from 'vitest';
import { buildClaimForms } from './claim-form';
import { testInput, testVisit, TEST_RULES } from './claim-test-input';
import { submissionTargetOf, summarySheets } from './summary-sheets';

const formsOf = (insurerNumber: string, visits: number, publicExpense = false) =>
	buildClaimForms(
		testInput({
			eligibility: {
				...testInput().eligibility,
				insurerNumber,
				publicExpense: publicExpense ? { payerNumber: '80136011', recipientNumber: '1', monthlyCopayJpy: 0 } : null
			},
			visits: Array.from({ length: visits }, (_, i) => testVisit(`2026-11-${String(i + 2).padStart(2, '0')}`))
		}),
		TEST_RULES
	);

describe('summarySheets', () => {
	const forms = [...formsOf('06130012', 3), ...formsOf('06130012', 1), ...formsOf('138016', 2), ...formsOf('39131015', 4, true), ...formsOf('', 2)];

	it('makes one 総括票 per 提出先 whose totals are the sums of its 申請書', () => {
		const sheets = summarySheets('2026-11', forms);
		expect(sheets.map((s) => s.submitTo)).toEqual(['insurer:06130012', 'kokuhoren']);
		const kokuhoren = sheets[1]!;
		expect(kokuhoren.payers.map((p) => [p.payerNumber, p.forms])).toEqual([
			['138016', 1],
			['39131015', 1],
			['80136011', 1]
		]);
		for (const sheet of sheets) {
			expect(sheet.claimJpy).toBe(sheet.payers.reduce((sum, p) => sum + p.claimJpy, 0));
			expect(sheet.totalJpy).toBe(sheet.payers.reduce((sum, p) => sum + p.totalJpy, 0));
			expect(sheet.forms).toBe(sheet.payers.reduce((sum, p) => sum + p.forms, 0));
		}
		const counted = forms.filter((f) => f.kind === 'public_expense' || f.header.insurerNumber !== '');
		expect(sheets.reduce((sum, s) => sum + s.claimJpy, 0)).toBe(counted.reduce((sum, f) => sum + f.fees.claimJpy, 0));
		expect(sheets[0]!.payers[0]).toMatchObject({ forms: 2, totalJpy: 1770 * 4, claimJpy: forms[0]!.fees.claimJpy + forms[1]!.fees.claimJpy });
	});

	it('takes the clinic’s 提出先 when given, and skips other months', () => {
		expect(summarySheets('2026-11', forms, () => 'one').map((s) => [s.submitTo, s.forms])).toEqual([['one', 5]]);
		expect(summarySheets('2026-10', forms)).toEqual([]);
	});

	it('sends 国保 and 後期 to the 国保連 and other insurers directly', () => {
		expect(['138016', '39131015', '06130012', '01130012'].map(submissionTargetOf)).toEqual(['kokuhoren', 'kokuhoren', 'insurer:06130012', 'insurer:01130012']);
	});
});
