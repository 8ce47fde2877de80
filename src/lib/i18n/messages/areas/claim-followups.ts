/** Follow-ups of the claim workflow (issue #21): reversing an insurer payment (and how a claim's history shows it), a ready claim reopened by itself. */
export const claimFollowups = {
	ja: {
		'claimFollowups.reversal.open': 'この入金を取り消す',
		'claimFollowups.reversal.reason': '取り消す理由（必須）',
		'claimFollowups.reversal.reasonHint': '例：金額の入力誤り。取り消した入金は消えずに取り消し線付きで残ります。',
		'claimFollowups.reversal.submit': '入金を取り消す',
		'claimFollowups.reversal.done': '入金を取り消しました。この入金で支払済みになった申請書は提出済みに戻り、正しい金額で入金を記録し直せます。',
		'claimFollowups.reversal.reversed': '取り消し済み（{at}）：{reason}',
		'claimFollowups.reversal.already': 'この入金はすでに取り消されています。',
		'claimFollowups.reversal.notFound': 'この入金は見つかりませんでした。',
		'claimFollowups.reversal.error.payment': '取り消す入金を選んでください。',
		'claimFollowups.reversal.error.reason': '取り消す理由を入力してください。',
		'claimFollowups.reopened.recordsChanged': '{on} 記録が変わったため自動で作成中に戻しました',
		'claimFollowups.reopened.notice':
			'提出準備完了にした後で、この月の来院・会計・署名が変わったため、自動で作成中に戻しました（{on}）。内容を確認して、もう一度提出準備完了にしてください。',
		'claimFollowups.reopened.onSubmit':
			'提出準備完了にした後で記録が変わっていたため、提出せずに作成中に戻しました。内容を確認して、もう一度提出準備完了にしてください。',
		'claimFollowups.history.paidReversed': '（{on} {by}が入金を取り消し：{reason}）',
		'claimFollowups.history.backTo': '{on} 入金の取り消しにより「{status}」に戻る',
		'claimFollowups.history.stillPaid': '{on} 入金を取り消し（ほかの入金があるため「{status}」のまま）'
	},
	en: {
		'claimFollowups.reversal.open': 'Reverse this payment',
		'claimFollowups.reversal.reason': 'Reason for reversing (required)',
		'claimFollowups.reversal.reasonHint': 'For example: amount typed wrong. A reversed payment is kept, struck through.',
		'claimFollowups.reversal.submit': 'Reverse the payment',
		'claimFollowups.reversal.done': 'Payment reversed. The claims it paid are submitted again, and the payment can be recorded again with the right amount.',
		'claimFollowups.reversal.reversed': 'Reversed ({at}): {reason}',
		'claimFollowups.reversal.already': 'This payment has already been reversed.',
		'claimFollowups.reversal.notFound': 'This payment was not found.',
		'claimFollowups.reversal.error.payment': 'Choose the payment to reverse.',
		'claimFollowups.reversal.error.reason': 'Enter the reason for reversing.',
		'claimFollowups.reopened.recordsChanged': '{on} back to draft by itself: the records changed',
		'claimFollowups.reopened.notice':
			'Back to draft by itself on {on}: the month’s visits, charges or signature changed after it was marked ready. Check it and mark it ready again.',
		'claimFollowups.reopened.onSubmit':
			'The records changed after it was marked ready, so it went back to draft instead of being submitted. Check it and mark it ready again.',
		'claimFollowups.history.paidReversed': '(payment reversed on {on} by {by}: {reason})',
		'claimFollowups.history.backTo': '{on} back to “{status}”: the payment was reversed',
		'claimFollowups.history.stillPaid': '{on} payment reversed; still “{status}” by another payment'
	}
} as const;
