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
		'eligibilityInsured.publicCopay': '公費の自己負担（月額、円）',
		'eligibilityInsured.publicCopayHint': '医療証に書かれた、患者さんが1か月に支払う上限額です。0円なら0。空欄のままだと公費の申請書は0円で作られます。',
		'jukyoRegistration.error.publicCopay': '公費の自己負担は0以上の整数（円）で入力してください。',
		'jukyoRegistration.error.publicCopayWithoutPublic': '公費の自己負担は、公費負担者番号があるときだけ入力できます。',
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
		'eligibilityInsured.publicCopay': 'Patient’s monthly payment under the public funding (yen)',
		'eligibilityInsured.publicCopayHint':
			'The monthly cap on the patient’s own payment shown on the certificate; 0 if none. Left empty, the public-funding form is made out for 0 yen.',
		'jukyoRegistration.error.publicCopay': 'Enter the monthly payment as a whole number of yen, 0 or more.',
		'jukyoRegistration.error.publicCopayWithoutPublic': 'A monthly payment under public funding needs the public payer’s number.',
		'portal.table.jukyo_claim_version': 'Insurance claim forms, as finalised for submission',
		'portal.table.jukyo_month_confirmation': 'Monthly confirmations and signatures of treatment days'
	}
} as const;
