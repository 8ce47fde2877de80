/** The public booking pages and the emergency numbers beside them (issue #22). */
export const bookingPages = {
	ja: {
		'bookingPages.numbers7119.intro': '#7119 がつながらない電話からは、次の番号にかけてください。',
		'bookingPages.numbers7119.wards': '23区',
		'bookingPages.numbers7119.tama': '多摩地区'
	},
	en: {
		'bookingPages.numbers7119.intro': 'If #7119 does not connect from your phone, call:',
		'bookingPages.numbers7119.wards': '23 wards',
		'bookingPages.numbers7119.tama': 'Tama area'
	}
} as const;
