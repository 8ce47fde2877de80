/** The insurer's name and a family member's 被保険者 on an eligibility check, and the claim tables' names in a deletion (issue #19). */
export const eligibilityInsured = {
	ja: {
		'eligibilityInsured.insurerName': '保険者名（申請書の宛先）',
		'eligibilityInsured.legend': '被保険者（患者さんが家族として加入している場合）',
		'eligibilityInsured.hint': '本家区分が「家族」「未就学者」のときは氏名と続柄が必要です。住所と電話は患者さんと違う場合だけ入力してください。',
		'eligibilityInsured.name': '被保険者の氏名',
		'eligibilityInsured.relation': '続柄（被保険者から見た患者さん。例：妻、子）',
		'eligibilityInsured.postalCode': '被保険者の郵便番号',
		'eligibilityInsured.address': '被保険者の住所',
		'eligibilityInsured.phone': '被保険者の電話番号',
		'portal.table.jukyo_claim_version': '療養費支給申請書（提出用に確定した版）',
		'portal.table.jukyo_month_confirmation': '月ごとの施術日の確認と署名'
	},
	en: {
		'eligibilityInsured.insurerName': 'Insurer’s name (the form is addressed to it)',
		'eligibilityInsured.legend': 'The insured person (when the patient is covered as a family member)',
		'eligibilityInsured.hint':
			'For a family member or a preschool child, the name and relation are needed. Give the address and phone only if they differ from the patient’s.',
		'eligibilityInsured.name': 'Insured person’s name',
		'eligibilityInsured.relation': 'Relation (the patient to the insured person, e.g. wife, child)',
		'eligibilityInsured.postalCode': 'Insured person’s postal code',
		'eligibilityInsured.address': 'Insured person’s address',
		'eligibilityInsured.phone': 'Insured person’s phone',
		'portal.table.jukyo_claim_version': 'Insurance claim forms, as finalised for submission',
		'portal.table.jukyo_month_confirmation': 'Monthly confirmations and signatures of treatment days'
	}
} as const;
