/**
 * The desk's follow-up on issue #17: a no-show's freed time, pending bookings shown as pending,
 * and the mails that gather several visits in one.
 */
export const deskFollowup = {
	ja: {
		'deskFollowup.noShowTimeTaken': 'この時間は無断キャンセルの後に別の予約またはキャンセル待ちの保留が入ったため、無断キャンセルを取り消せません。予約を別の時間に取り直してください。'
	},
	en: {
		'deskFollowup.noShowTimeTaken': 'This time was booked or held for the waiting list after the no-show was marked, so the mark cannot be cleared. Please book the patient at another time.'
	}
} as const;
