/** The 転帰 of a patient's month on the claims page (issue #19). */
export const claimOutcome = {
	ja: {
		'claimOutcome.label': '転帰',
		'claimOutcome.outcome.continuing': '継続',
		'claimOutcome.outcome.cured': '治癒',
		'claimOutcome.outcome.stopped': '中止',
		'claimOutcome.outcome.transferred': '転医',
		'claimOutcome.save': '転帰を保存',
		'claimOutcome.saved': '転帰を保存しました。施術期間は転帰が継続以外のとき最終施術日までになります。',
		'claimOutcome.error.outcome': '転帰を選んでください。',
		'portal.table.jukyo_claim_outcome': '申請書の転帰の記録'
	},
	en: {
		'claimOutcome.label': 'Outcome',
		'claimOutcome.outcome.continuing': 'Continuing',
		'claimOutcome.outcome.cured': 'Cured',
		'claimOutcome.outcome.stopped': 'Stopped',
		'claimOutcome.outcome.transferred': 'Referred elsewhere',
		'claimOutcome.save': 'Save the outcome',
		'claimOutcome.saved': 'Outcome saved. Unless it is “continuing”, the treatment period ends on the last visit.',
		'claimOutcome.error.outcome': 'Choose an outcome.',
		'portal.table.jukyo_claim_outcome': 'Outcomes recorded on claim forms'
	}
} as const;
