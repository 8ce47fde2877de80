/** Booking rules, the booking API's answers, and the booking e-mails. */
export const booking = {
	ja: {
		'booking.rangeReversed': '終了日は開始日以降にしてください。',
		'booking.rangeTooLong': '一度に調べられる期間は62日までです。',
		'booking.outsideWindow': '予約を受け付けている期間の外です。',
		'booking.kanaOnly': 'ひらがなかカタカナで入力してください。',
		'booking.phoneInvalid': '電話番号を確認してください（例: 090-1234-5678）。',
		'booking.consentRequired': '健康情報の取り扱いへの同意が必要です。',
		'booking.serviceNotFound': 'このメニューはオンラインでは予約できません。',
		'booking.practitionerNotFound': 'この施術者は見つかりません。',
		'booking.slotTaken': 'この時間はすでに埋まりました。別の時間を選んでください。',
		'booking.redFlag.emergency': 'セルフチェックの回答に、今すぐ救急を受診する必要があるサインがあります。鍼灸の予約はお受けできません。',
		'booking.redFlag.urgent': 'セルフチェックの回答に、今日中に医師の診察が必要なサインがあります。鍼灸の予約はお受けできません。',
		'booking.idempotencyInvalid': 'Idempotency-Key の形式が正しくありません。',
		'booking.idempotencyConflict': '同じ Idempotency-Key で別の内容の、または処理中のリクエストがあります。',
		'booking.mailConfirmSubject': '【{clinic}】ご予約を承りました（{when}）',
		'booking.mailConfirmBody':
			'{name} 様\n\nご予約ありがとうございます。次の内容で承りました。\n\n日時: {when}\nメニュー: {service}\n担当: {practitioner}\n場所: {address}\n電話: {phone}\n\n予約の確認・変更・キャンセルはこちらから（ご予約の{hours}時間前まで）:\n{url}\n\n添付のファイルでカレンダーに追加できます。\n\n尿や便が出にくい、股の間のしびれ、急に脚に力が入らないなどの症状があるときは、予約を待たずに救急（119）を受診してください。',
		'booking.mailCancelSubject': '【{clinic}】ご予約を取り消しました（{when}）',
		'booking.mailCancelBody':
			'{name} 様\n\n次のご予約を取り消しました。\n\n日時: {when}\nメニュー: {service}\n担当: {practitioner}\n\nあらためてのご予約はこちらから:\n{url}\n\nお心当たりがない場合は、お電話（{phone}）でお知らせください。',
		'booking.mailReminderSubject': '【{clinic}】ご予約のお知らせ（{when}）',
		'booking.mailReminderBody':
			'{name} 様\n\nご予約の日時が近づきました。\n\n日時: {when}\nメニュー: {service}\n担当: {practitioner}\n場所: {address}\n\n確認・変更・キャンセル:\n{url}\n\n動きやすい服装でお越しください。お待ちしております。'
	},
	en: {
		'booking.rangeReversed': 'The end date must not be before the start date.',
		'booking.rangeTooLong': 'Ask for at most 62 days at a time.',
		'booking.outsideWindow': 'This is outside the period open for booking.',
		'booking.kanaOnly': 'Use hiragana or katakana.',
		'booking.phoneInvalid': 'Check the phone number (for example 090-1234-5678 or +44 20 7946 0000).',
		'booking.consentRequired': 'Please agree to how we handle your health information.',
		'booking.serviceNotFound': 'This treatment cannot be booked online.',
		'booking.practitionerNotFound': 'This practitioner was not found.',
		'booking.slotTaken': 'That time has just been taken. Please choose another.',
		'booking.redFlag.emergency': 'The self-check answers show signs that need emergency care now. An acupuncture visit cannot be booked.',
		'booking.redFlag.urgent': 'The self-check answers show signs that a doctor should see today. An acupuncture visit cannot be booked.',
		'booking.idempotencyInvalid': 'The Idempotency-Key header is not valid.',
		'booking.idempotencyConflict': 'A request with this Idempotency-Key has a different body or is still running.',
		'booking.mailConfirmSubject': '{clinic}: your appointment on {when}',
		'booking.mailConfirmBody':
			'Dear {name},\n\nThank you for booking. Your appointment:\n\nWhen: {when}\nTreatment: {service}\nWith: {practitioner}\nWhere: {address}\nPhone: {phone}\n\nView, move or cancel it here (up to {hours} hours before):\n{url}\n\nThe attached file adds it to your calendar.\n\nIf you have trouble passing urine or stool, numbness between your legs, or sudden leg weakness, do not wait for your appointment: get emergency care (call 119).',
		'booking.mailCancelSubject': '{clinic}: your appointment on {when} is cancelled',
		'booking.mailCancelBody':
			'Dear {name},\n\nThis appointment has been cancelled:\n\nWhen: {when}\nTreatment: {service}\nWith: {practitioner}\n\nTo book again:\n{url}\n\nIf you did not ask for this, please call us on {phone}.',
		'booking.mailReminderSubject': '{clinic}: your appointment ({when})',
		'booking.mailReminderBody':
			'Dear {name},\n\nA reminder of your coming appointment.\n\nWhen: {when}\nTreatment: {service}\nWith: {practitioner}\nWhere: {address}\n\nView, move or cancel:\n{url}\n\nPlease wear loose clothing. We look forward to seeing you.'
	}
} as const;
