/** The public booking pages and the emergency numbers beside them (issue #22). */
export const bookingPages = {
	ja: {
		'bookingPages.portalMenu': 'メニュー',
		'bookingPages.mail.movedSubject': '【{clinic}】ご予約の日時を変更しました（{when}）',
		'bookingPages.mail.moved': 'ご予約の日時を変更しました。\n変更前: {from}\n変更後: {to}',
		'bookingPages.numbers7119.intro': '#7119 がつながらない電話からは、次の番号にかけてください。',
		'bookingPages.numbers7119.wards': '23区',
		'bookingPages.numbers7119.tama': '多摩地区',
		'bookingPages.refused.taken': '申し訳ありません。お選びの時間は、ちょうど他の方の予約で埋まりました。',
		'bookingPages.refused.closed': 'お選びの日は休診日のため、予約をお受けできません。',
		'bookingPages.refused.past': 'お選びの時間はすでに過ぎています。',
		'bookingPages.refused.outside_window': 'お選びの時間は、オンラインで予約できる期間の外です。',
		'bookingPages.refused.kept': '入力いただいた内容はそのまま残しています。下から別の時間を選んで、もう一度送信してください。',
		'bookingPages.refused.choose': '近い空き時間',
		'bookingPages.refused.none': '近い日に空きがありません。別の日をお選びください。'
	},
	en: {
		'bookingPages.portalMenu': 'Menu',
		'bookingPages.mail.movedSubject': '{clinic}: your appointment has moved to {when}',
		'bookingPages.mail.moved': 'Your appointment has moved.\nBefore: {from}\nNow: {to}',
		'bookingPages.numbers7119.intro': 'If #7119 does not connect from your phone, call:',
		'bookingPages.numbers7119.wards': '23 wards',
		'bookingPages.numbers7119.tama': 'Tama area',
		'bookingPages.refused.taken': 'Sorry, someone has just booked the time you chose.',
		'bookingPages.refused.closed': 'Sorry, the clinic is closed on the day you chose.',
		'bookingPages.refused.past': 'Sorry, the time you chose has already passed.',
		'bookingPages.refused.outside_window': 'Sorry, the time you chose is outside the period we take online bookings for.',
		'bookingPages.refused.kept': 'Everything you typed is kept. Choose another time below and send the form again.',
		'bookingPages.refused.choose': 'Nearest free times',
		'bookingPages.refused.none': 'There are no free times on nearby days. Please choose another day.'
	}
} as const;
