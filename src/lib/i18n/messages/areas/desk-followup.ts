/**
 * The desk's follow-up on issue #17: a no-show's freed time, pending bookings shown as pending,
 * and the mails that gather several visits in one.
 */
export const deskFollowup = {
	ja: {
		'deskFollowup.noShowTimeTaken':
			'この時間は無断キャンセルの後に別の予約またはキャンセル待ちの保留が入ったため、無断キャンセルを取り消せません。予約を別の時間に取り直してください。',
		'deskFollowup.seriesCancelSubject': '【{clinic}】{count}回分のご予約を取り消しました',
		'deskFollowup.seriesCancelBody':
			'{name} 様\n\n次の{count}回のご予約（{service}）を取り消しました。\n\n{visits}\n\n添付のファイルで、カレンダーからまとめて削除できます。あらためてのご予約はこちらから:\n{url}\n\nお心当たりがない場合は、お電話（{phone}）でお知らせください。',
		'deskFollowup.lineSeriesCancelled': 'ご予約を取り消しました（くわしくはメールをご覧ください）。あらためてのご予約はこちらから',
		'deskFollowup.movedSubject': '【{clinic}】ご予約の日時を変更しました（{when}）',
		'deskFollowup.movedBody':
			'{name} 様\n\n{clinic}です。ご予約を次のとおり変更しました。\n\n変更前: {from}\n変更後: {to}\n変更した内容: {changed}\nメニュー: {service}\n担当: {practitioner}\n場所: {address}\n\n予約の確認はこちらから:\n{url}\n\n添付のファイルでカレンダーの予定を新しい日時に変更できます。ご都合が悪い場合は {phone} までお電話ください。',
		'deskFollowup.movedChangedTime': '日時',
		'deskFollowup.movedChangedPractitioner': '担当（変更前: {from}）',
		'deskFollowup.pendingShort': '承認待ち',
		'deskFollowup.pendingStatus': 'このご予約は医院の確認待ちです。確定したらメールでお知らせします。それまでこの時間はお取りしています。',
		'deskFollowup.pendingTitle': 'ご予約のお申し込みを受け付けました'
	},
	en: {
		'deskFollowup.noShowTimeTaken':
			'This time was booked or held for the waiting list after the no-show was marked, so the mark cannot be cleared. Please book the patient at another time.',
		'deskFollowup.seriesCancelSubject': '{clinic}: {count} appointments cancelled',
		'deskFollowup.seriesCancelBody':
			'Dear {name},\n\nThese {count} appointments ({service}) have been cancelled:\n\n{visits}\n\nThe attached file removes them all from your calendar. To book again:\n{url}\n\nIf you did not ask for this, please call us on {phone}.',
		'deskFollowup.lineSeriesCancelled': 'Your appointments have been cancelled (details by mail). To book again',
		'deskFollowup.movedSubject': '{clinic}: your appointment has moved to {when}',
		'deskFollowup.movedBody':
			'Dear {name},\n\nThis is {clinic}. Your appointment has moved:\n\nBefore: {from}\nNow: {to}\nWhat changed: {changed}\nTreatment: {service}\nWith: {practitioner}\nWhere: {address}\n\nView your appointment here:\n{url}\n\nThe attached file moves it in your calendar. If the new time does not suit you, please call us on {phone}.',
		'deskFollowup.movedChangedTime': 'the time',
		'deskFollowup.movedChangedPractitioner': 'the practitioner (before: {from})',
		'deskFollowup.pendingShort': 'Awaiting approval',
		'deskFollowup.pendingStatus':
			'This booking is awaiting the clinic’s confirmation. We will tell you by e-mail once it is confirmed; the time is held for you meanwhile.',
		'deskFollowup.pendingTitle': 'Your booking request is received'
	}
} as const;
