/** The 施術報告書's 交付料 when it cannot reach a claim (docs/jukyo-claim.md §9): the report page's warning and choice, the claims page's note. */
export const doctorReportFee = {
	ja: {
		'doctorReportFee.cannotLand.no_visit_yet':
			'今月は今日までに保険施術の来院がないため、今日発行すると施術報告書交付料がどの申請書にも加算されません。先に今日の保険施術の会計を記録してから発行するか、次の保険施術の来院日に発行してください。',
		'doctorReportFee.cannotLand.claim_closed': '{month}分の申請書はすでに提出済みまたは支払済みのため、今日発行しても施術報告書交付料を加算できません。',
		'doctorReportFee.withoutFee': '交付料なしで発行する（交付料は請求しません。この選択は発行の記録に残ります）',
		'doctorReportFee.refused.no_visit_yet':
			'発行していません。今月は今日までに保険施術の来院がなく、交付料がどの申請書にも加算されないためです。先に今日の保険施術の会計を記録するか、次の保険施術の来院日に発行してください。交付料なしで発行する場合は「交付料なしで発行する」にチェックを入れてください。',
		'doctorReportFee.refused.claim_closed':
			'発行していません。{month}分の申請書はすでに提出済みまたは支払済みで、交付料を加算できないためです。交付料なしで発行する場合は「交付料なしで発行する」にチェックを入れてください。',
		'doctorReportFee.issuedWithoutFee': '施術報告書を交付料なしで発行しました。',
		'doctorReportFee.reason.no_visit_yet': '来院前の発行',
		'doctorReportFee.reason.claim_closed': '申請書の提出後の発行',
		'doctorReportFee.listWithoutFee': '加算なし（交付料なしで発行：{reason}）',
		'doctorReportFee.claim.none': '同意期間の最終月です（{to}まで）。施術報告書はまだ発行されていません。',
		'doctorReportFee.claim.onThisClaim': '施術報告書：{on}に発行、交付料はこの申請書に加算されています。',
		'doctorReportFee.claim.elsewhere': '施術報告書：{on}に発行、交付料は{month}分の申請書に加算されています。',
		'doctorReportFee.claim.withoutFee': '施術報告書：{on}に交付料なしで発行（{reason}）。この申請書に交付料はありません。',
		'doctorReportFee.claim.noFee': '施術報告書：{on}に発行、交付料の加算はありません（同意期間ごとに1回）。'
	},
	en: {
		'doctorReportFee.cannotLand.no_visit_yet':
			'There is no insured visit this month up to today, so a report issued today would put its report fee on no claim. Record today’s insured visit first and then issue it, or issue it on the day of the next insured visit.',
		'doctorReportFee.cannotLand.claim_closed': 'The claim for {month} is already submitted or paid, so a report issued today cannot add its report fee.',
		'doctorReportFee.withoutFee': 'Issue it without the fee (no report fee is claimed; this choice is kept with the report)',
		'doctorReportFee.refused.no_visit_yet':
			'Not issued: there is no insured visit this month up to today, so the report fee would go on no claim. Record today’s insured visit first, or issue the report on the day of the next insured visit. To issue it without the fee, tick “Issue it without the fee”.',
		'doctorReportFee.refused.claim_closed':
			'Not issued: the claim for {month} is already submitted or paid, so the report fee cannot be added. To issue it without the fee, tick “Issue it without the fee”.',
		'doctorReportFee.issuedWithoutFee': 'The treatment report was issued without the fee.',
		'doctorReportFee.reason.no_visit_yet': 'issued before any visit',
		'doctorReportFee.reason.claim_closed': 'issued after the claim was submitted',
		'doctorReportFee.listWithoutFee': 'No fee (issued without it: {reason})',
		'doctorReportFee.claim.none': 'Last month of the consent period (to {to}): no treatment report issued yet.',
		'doctorReportFee.claim.onThisClaim': 'Treatment report issued on {on}; its fee is on this claim.',
		'doctorReportFee.claim.elsewhere': 'Treatment report issued on {on}; its fee is on the claim for {month}.',
		'doctorReportFee.claim.withoutFee': 'Treatment report issued on {on} without the fee ({reason}); no report fee on this claim.',
		'doctorReportFee.claim.noFee': 'Treatment report issued on {on}; no report fee (once per consent period).'
	}
};
