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
		'site.notDiagnosis': 'このサイトの情報は診断ではありません。気になる症状は医師にご相談ください。',
		'settings.operatorTitle': '個人情報を取り扱う事業者（プライバシーポリシーに表示）',
		'settings.operatorHelp':
			'個人情報保護法により、事業者の氏名または名称と住所、法人の場合は代表者の氏名を公表します。個人で開業している場合は開設者の氏名を入れ、代表者は空欄にします。空欄の項目は、院名と院の住所を表示します。',
		'settings.operatorNameJa': '事業者の氏名または名称（日本語）',
		'settings.operatorNameEn': '事業者の氏名または名称（英語）',
		'settings.representativeJa': '代表者の氏名（法人の場合、日本語）',
		'settings.representativeEn': '代表者の氏名（法人の場合、英語）',
		'settings.operatorAddressJa': '事業者の住所（院と違う場合、日本語）',
		'settings.operatorAddressEn': '事業者の住所（院と違う場合、英語）',
		'privacy.staffSignInAll':
			'スタッフのログインは、パスワードと、認証アプリ（スマートフォンなど）に表示される6桁のワンタイムコード（TOTP）の2段階です。認証アプリを使えないときのために、1回だけ使えるリカバリーコードがあります',
		'privacy.staffSignInSome':
			'{roles}のログインは、パスワードと、認証アプリ（スマートフォンなど）に表示される6桁のワンタイムコード（TOTP）の2段階です。ほかのスタッフはパスワードでログインし、認証アプリを設定したスタッフは同じ2段階になります。認証アプリを使えないときのために、1回だけ使えるリカバリーコードがあります',
		'privacy.patientSignIn':
			'マイページ（患者ポータル）にはパスワードがありません。ログインのたびに、登録したメールアドレスへ1回だけ使えるリンクを送ります。リンクの有効時間は{minutes}分（ご予約の確認メールのリンクは{days}日）で、{idle}分操作がないと自動的にログアウトします'
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
		'site.notDiagnosis': 'Nothing on this site is a diagnosis. Please see a doctor about symptoms that worry you.',
		'settings.operatorTitle': 'Business operator handling personal information (shown in the privacy policy)',
		'settings.operatorHelp':
			'Japan’s personal information law (APPI) requires publishing the name and address of the business operator and, for a company, the name of its representative. For a clinic run by one person, enter that person’s name and leave the representative empty. Empty fields show the clinic’s name and address.',
		'settings.operatorNameJa': 'Name of the operator (Japanese)',
		'settings.operatorNameEn': 'Name of the operator (English)',
		'settings.representativeJa': 'Representative, for a company (Japanese)',
		'settings.representativeEn': 'Representative, for a company (English)',
		'settings.operatorAddressJa': 'Address of the operator, if not the clinic’s (Japanese)',
		'settings.operatorAddressEn': 'Address of the operator, if not the clinic’s (English)',
		'privacy.staffSignInAll':
			'Staff sign in in two steps: a password, then a six-digit one-time code (TOTP) from an authenticator app on a phone or similar. Single-use recovery codes stand in when the app cannot be used',
		'privacy.staffSignInSome':
			'Staff in these roles sign in in two steps: {roles}. They give a password, then a six-digit one-time code (TOTP) from an authenticator app on a phone or similar. Other staff sign in with a password, and in the same two steps once they have set up an authenticator app. Single-use recovery codes stand in when the app cannot be used',
		'privacy.patientSignIn':
			'The patient portal has no password: each time you sign in, the clinic e-mails a link to your registered address that works once. It expires after {minutes} minutes ({days} days for the link in a booking confirmation), and you are signed out after {idle} minutes without activity'
	}
} as const;
