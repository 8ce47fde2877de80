/** The desk (issue #22): patients at once, guard rails at arrival and payment, the outbox for reception. */
export const desk = {
	ja: {
		'desk.places.title': '同時に担当できる患者数',
		'desk.places.intro': '置鍼中に別のベッドで次の患者を施術する場合は、同時に担当できる人数を増やします。ベッドは常に1人ずつです。',
		'desk.places.label': '同時に担当できる人数',
		'desk.places.hint': '1〜8人（通常は1人）',
		'desk.places.save': '人数を保存',
		'desk.error.concurrentPatients': '1〜8の数字で入力してください。',
		'desk.error.placesInUse': 'これからの予約ですでに{count}人を同時に担当しています。先に予約を移動してください。',
		'desk.error.beforeVisitDay': 'この予約はまだ当日ではありません。来院・完了・無断キャンセルは予約日になってから記録できます。',
		'desk.error.chargeBeforeVisitDay': 'この予約はまだ当日ではないため会計できません。予約日になってから会計してください。',
		'desk.beforeVisitDay': '予約日（{date}）になると来院・会計の記録ができます。',
		'desk.invoice.title': '適格請求書発行事業者の登録番号',
		'desk.invoice.label': '登録番号',
		'desk.invoice.hint': '「T」と13桁の数字（例: T1234567890123）。登録していない場合は空欄のままにしてください。入力すると領収書に印字されます。',
		'desk.invoice.receiptLabel': '登録番号',
		'desk.error.invoiceRegistrationNumber': '登録番号は「T」と13桁の数字で入力してください。'
	},
	en: {
		'desk.places.title': 'Patients at the same time',
		'desk.places.intro': 'To treat the next patient on another bed while needles are retained, allow more patients at once. A bed always holds one patient.',
		'desk.places.label': 'Patients at once',
		'desk.places.hint': '1 to 8 (usually 1)',
		'desk.places.save': 'Save number',
		'desk.error.concurrentPatients': 'Enter a number from 1 to 8.',
		'desk.error.placesInUse': 'Visits to come already have {count} patients at once with this practitioner. Move them first.',
		'desk.error.beforeVisitDay': 'This visit’s day has not come yet. Arrival, completion and no-show can be recorded from the day of the visit.',
		'desk.error.chargeBeforeVisitDay': 'This visit’s day has not come yet, so it cannot be charged. Charge it on the day of the visit.',
		'desk.beforeVisitDay': 'Arrival and payment can be recorded from the day of the visit ({date}).',
		'desk.invoice.title': 'Qualified invoice issuer registration number',
		'desk.invoice.label': 'Registration number',
		'desk.invoice.hint': '“T” and 13 digits (for example T1234567890123). Leave it empty if the clinic is not registered. Receipts print it once entered.',
		'desk.invoice.receiptLabel': 'Registration number',
		'desk.error.invoiceRegistrationNumber': 'Enter the registration number as “T” and 13 digits.'
	}
} as const;
