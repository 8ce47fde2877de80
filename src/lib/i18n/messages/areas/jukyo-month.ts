/** A 受領委任 month: home visits and calls on an insured charge (issue #19). */
export const jukyoMonth = {
	ja: {
		'jukyoMonth.error.visitPlace': '施術の場所（通所・訪問施術・往療）を選んでください。',
		'jukyoMonth.error.homeVisitTier': '訪問施術料の区分（同じ建物で同じ日に施術した人数）を選んでください。',
		'jukyoMonth.error.homeVisitReason': '往療・訪問の理由（1〜3）を選んでください。',
		'jukyoMonth.error.specialAreaAtClinic': '特別地域加算は訪問施術・往療にだけ付けられます。',
		'jukyoMonth.error.visitPlaceSelfPay': '訪問施術・往療の区分は保険（療養費）の会計にだけ付けられます。',
		'jukyoMonth.error.no_home_visit_fee': 'この日の料金版には訪問施術料・特別地域加算がありません（2024年10月以降の施術に限ります）。',
		'jukyoMonth.error.home_visit_without_tier': '訪問施術料の区分がないため料金を計算できません。',
		'jukyoMonth.relationSelf': '本人'
	},
	en: {
		'jukyoMonth.error.visitPlace': 'Choose where the treatment was given (clinic, home visit or house call).',
		'jukyoMonth.error.homeVisitTier': 'Choose the home-visit tier (patients treated at the same building that day).',
		'jukyoMonth.error.homeVisitReason': 'Choose the reason for the home visit or call (1–3).',
		'jukyoMonth.error.specialAreaAtClinic': 'The special area supplement applies only to home visits and calls.',
		'jukyoMonth.error.visitPlaceSelfPay': 'A home visit or call is recorded only on an insured charge.',
		'jukyoMonth.error.no_home_visit_fee': 'The fee version of this day has no home-visit fees or special area supplement (only from October 2024).',
		'jukyoMonth.error.home_visit_without_tier': 'Without its tier the home visit cannot be priced.',
		'jukyoMonth.relationSelf': 'Self'
	}
} as const;
