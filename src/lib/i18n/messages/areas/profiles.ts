/**
 * Service descriptions and practitioner profiles (issue #22): what the owner writes in the
 * scheduling settings and what the patient reads where they choose. Language names are written
 * in their own language, so a patient finds theirs whichever page language they use.
 */
export const profiles = {
	ja: {
		'profiles.descriptionJa': '説明（日本語）',
		'profiles.descriptionEn': '説明（英語）',
		'profiles.descriptionHint': 'ご予約の画面でメニュー名の下に表示されます。400文字まで。空欄なら表示しません。',
		'profiles.title': 'プロフィール',
		'profiles.intro': 'ご予約の画面で担当者名の下に表示されます。空欄の項目は表示しません。',
		'profiles.bioJa': '紹介文（日本語）',
		'profiles.bioEn': '紹介文（英語）',
		'profiles.bioHint': '400文字まで。',
		'profiles.languages': '対応できる言語',
		'profiles.save': 'プロフィールを保存',
		'profiles.saved': 'プロフィールを保存しました。',
		'profiles.languagesLabel': '対応言語：{languages}',
		'profiles.languageSeparator': '・',
		'profiles.language.ja': '日本語',
		'profiles.language.en': 'English',
		'profiles.language.zh': '中文',
		'profiles.language.ko': '한국어'
	},
	en: {
		'profiles.descriptionJa': 'Description (Japanese)',
		'profiles.descriptionEn': 'Description (English)',
		'profiles.descriptionHint': 'Shown under the service name when patients book. Up to 400 characters. Left empty, nothing is shown.',
		'profiles.title': 'Profile',
		'profiles.intro': 'Shown under the practitioner’s name when patients book. Empty fields are not shown.',
		'profiles.bioJa': 'Short bio (Japanese)',
		'profiles.bioEn': 'Short bio (English)',
		'profiles.bioHint': 'Up to 400 characters.',
		'profiles.languages': 'Languages spoken',
		'profiles.save': 'Save profile',
		'profiles.saved': 'Profile saved.',
		'profiles.languagesLabel': 'Languages: {languages}',
		'profiles.languageSeparator': ', ',
		'profiles.language.ja': '日本語',
		'profiles.language.en': 'English',
		'profiles.language.zh': '中文',
		'profiles.language.ko': '한국어'
	}
} as const;
