/** Navigation and footer of the public site. */
export const publicSite = {
	ja: {
		'site.footerNav': 'サイト内リンク',
		'site.sciatica': '坐骨神経痛とは',
		'site.acupuncture': '坐骨神経痛と鍼灸',
		'site.visit': '施術の流れ',
		'site.otherCare': 'ほかの治療とセルフケア',
		'site.clinic': '院の案内',
		'site.privacy': '個人情報の取り扱い',
		'site.check': '症状セルフチェック',
		'site.points': 'ツボ図鑑',
		'site.notDiagnosis': 'このサイトの情報は診断ではありません。気になる症状は医師にご相談ください。'
	},
	en: {
		'site.footerNav': 'Site links',
		'site.sciatica': 'About sciatica',
		'site.acupuncture': 'Acupuncture for sciatica',
		'site.visit': 'Your visit',
		'site.otherCare': 'Other treatments and self-care',
		'site.clinic': 'The clinic',
		'site.privacy': 'Privacy',
		'site.check': 'Symptom self-check',
		'site.points': 'Acupoint atlas',
		'site.notDiagnosis': 'Nothing on this site is a diagnosis. Please see a doctor about symptoms that worry you.'
	}
} as const;
