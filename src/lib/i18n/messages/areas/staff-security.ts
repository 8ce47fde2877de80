/** Staff sign-in security (issue #16): the second factor for every role, its lock, re-confirmation, invitations. */
export const staffSecurity = {
	ja: {
		'staffSecurity.receptionTotpOptional': '受付スタッフは2段階認証なしでもログインできるようにする',
		'staffSecurity.receptionTotpOptionalHelp':
			'院長（管理者）と施術者は常に2段階認証が必須です。受付だけ例外にできます。医療情報システムの安全管理に関するガイドラインは多要素認証を求めています。',
		'staffSecurity.receptionTotpOptionalWarning':
			'受付スタッフは2段階認証なしでログインできます。パスワードが漏れると、受付の画面（予約表・患者の連絡先など）を他人に見られるおそれがあります。',
		'staffSecurity.secondFactorLocked':
			'確認コードの誤りが続いたため、このアカウントを{minutes}分間ロックしました。時間をおいて、もう一度ログインしてください。',
		'staffSecurity.confirmPasswordTitle': '本人確認',
		'staffSecurity.confirmPasswordHelp': '認証アプリに登録する新しいキーを表示する前に、パスワードをもう一度入力してください。',
		'staffSecurity.confirmPasswordSubmit': 'キーを表示',
		'staffSecurity.wrongPassword': 'パスワードが正しくありません。',
		'staffSecurity.signInAgain': '安全のため、新しいキーはログインしてから10分以内にだけ表示します。いったんログアウトして、もう一度ログインしてください。',
		'staffSecurity.recoveryProof': 'パスワード、または認証アプリの6桁のコード',
		'staffSecurity.recoveryProofHelp': '作り直すと、今までのリカバリーコードは使えなくなります。',
		'staffSecurity.recoveryProofInvalid': 'パスワードまたはコードが正しくありません。',
		'staffSecurity.revokeInvitation': '招待を取り消す',
		'staffSecurity.invitationRevoked': '招待を取り消しました。そのリンクはもう使えません。',
		'staffSecurity.invitationNotFound': 'この招待はすでに使われたか、取り消されています。'
	},
	en: {
		'staffSecurity.receptionTotpOptional': 'Let reception staff sign in without a second factor',
		'staffSecurity.receptionTotpOptionalHelp':
			'The owner and practitioners always need two-step verification; only reception can be excepted. The MHLW security guideline for medical information systems asks for multi-factor authentication.',
		'staffSecurity.receptionTotpOptionalWarning':
			'Reception staff can sign in without a second factor. If a reception password leaks, someone else could see the reception pages (the schedule, patients’ contact details).',
		'staffSecurity.secondFactorLocked': 'Too many wrong codes: this account is locked for {minutes} minutes. Please sign in again later.',
		'staffSecurity.confirmPasswordTitle': 'Confirm it is you',
		'staffSecurity.confirmPasswordHelp': 'Enter your password again before a new key for your authenticator app is shown.',
		'staffSecurity.confirmPasswordSubmit': 'Show the key',
		'staffSecurity.wrongPassword': 'The password is not correct.',
		'staffSecurity.signInAgain': 'For safety, a new key is shown only within 10 minutes of signing in. Please sign out and sign in again.',
		'staffSecurity.recoveryProof': 'Your password, or the 6-digit code from your authenticator app',
		'staffSecurity.recoveryProofHelp': 'Your current recovery codes stop working when you make new ones.',
		'staffSecurity.recoveryProofInvalid': 'The password or code is not correct.',
		'staffSecurity.revokeInvitation': 'Revoke invitation',
		'staffSecurity.invitationRevoked': 'The invitation is revoked; its link no longer works.',
		'staffSecurity.invitationNotFound': 'This invitation has already been used or revoked.'
	}
} as const;
