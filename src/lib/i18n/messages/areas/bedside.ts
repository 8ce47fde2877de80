/** The session page at the bed (issue #22): completing a point in place, and saves that keep the page still. */
export const bedside = {
	ja: {
		'bedside.point.edit': '{point}の詳細を記録・修正',
		'bedside.point.editSummary': '詳細を記録',
		'bedside.point.save': 'この経穴の詳細を保存',
		'bedside.saving': '保存しています…',
		'bedside.saved': '保存しました。',
		'bedside.failed': '保存できませんでした。ページを再読み込みしてください。'
	},
	en: {
		'bedside.point.edit': 'Record or correct the details of {point}',
		'bedside.point.editSummary': 'Details',
		'bedside.point.save': 'Save this point’s details',
		'bedside.saving': 'Saving…',
		'bedside.saved': 'Saved.',
		'bedside.failed': 'Could not save. Please reload the page.'
	}
} as const;
