import type { ClaimForm } from './claim-form';

/*
 * 総括票 (I) and (II) (様式第8号・第9号) per 提出先 (docs/jukyo-claim.md §7): (I) lists the payers whose
 * 申請書 go to one 提出先; (II) gives, per payer, the number of 申請書 and the amount claimed. A 公費
 * 申請書 counts under its 公費負担者番号 and goes where its insurer's goes. The totals are the sums of the 申請書, by construction.
 */

export interface SummaryPayerRow {
	/** 保険者番号, or the 公費負担者番号 of a 公費 申請書. */
	payerNumber: string;
	payerName: string | null;
	forms: number;
	/** Sum of 合計 (fees) of the payer's 申請書. */
	totalJpy: number;
	/** Sum of 請求額. */
	claimJpy: number;
}

export interface SummarySheet {
	/** The 提出先's key (see submissionTargetOf). */
	submitTo: string;
	month: string;
	payers: SummaryPayerRow[];
	forms: number;
	totalJpy: number;
	claimJpy: number;
}

/**
 * Where a 申請書 goes when the clinic has not set it: 国保 (6-digit 保険者番号) and 後期高齢者 (法別 39)
 * to the prefecture's 国保連; every other insurer (協会けんぽ 支部, 健保組合 …) directly
 * (docs/jukyo-claim.md §7). The clinic's 提出先 settings replace this.
 */
export function submissionTargetOf(payerNumber: string): string {
	if (/^\d{6}$/.test(payerNumber) || /^39\d{6}$/.test(payerNumber)) return 'kokuhoren';
	return `insurer:${payerNumber}`;
}

/** The payer of a 申請書, and the 保険者番号 that decides where it goes (a 公費 申請書 goes with its insurer's). */
function payerOf(form: ClaimForm): { number: string; name: string | null; routedBy: string } | null {
	const insurer = form.header.insurerNumber;
	if (!insurer) return null;
	if (form.kind === 'public_expense')
		return form.header.publicExpense ? { number: form.header.publicExpense.payerNumber, name: null, routedBy: insurer } : null;
	return { number: insurer, name: form.header.insurerName, routedBy: insurer };
}

/** The 総括票 of a month, one per 提出先, sorted by 提出先 then payer; forms without a payer number are left out (they are blocked). */
export function summarySheets(month: string, forms: readonly ClaimForm[], targetOf: (payerNumber: string) => string = submissionTargetOf): SummarySheet[] {
	const sheets = new Map<string, SummarySheet>();
	for (const form of forms) {
		if (form.month !== month) continue;
		const payer = payerOf(form);
		if (!payer) continue;
		const submitTo = targetOf(payer.routedBy);
		const sheet = sheets.get(submitTo) ?? { submitTo, month, payers: [], forms: 0, totalJpy: 0, claimJpy: 0 };
		let row = sheet.payers.find((p) => p.payerNumber === payer.number);
		if (!row) {
			row = { payerNumber: payer.number, payerName: payer.name, forms: 0, totalJpy: 0, claimJpy: 0 };
			sheet.payers.push(row);
		}
		row.forms += 1;
		row.totalJpy += form.fees.totalJpy;
		row.claimJpy += form.fees.claimJpy;
		sheet.forms += 1;
		sheet.totalJpy += form.fees.totalJpy;
		sheet.claimJpy += form.fees.claimJpy;
		sheets.set(submitTo, sheet);
	}
	const sorted = [...sheets.values()].sort((a, b) => a.submitTo.localeCompare(b.submitTo));
	for (const sheet of sorted) sheet.payers.sort((a, b) => a.payerNumber.localeCompare(b.payerNumber));
	return sorted;
}
