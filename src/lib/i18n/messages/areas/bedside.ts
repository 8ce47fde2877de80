/** The session page at the bed (issue #22): completing a point in place, and saves that keep the page still. */
export const bedside = {
	ja: {
		'bedside.point.edit': '{point}の詳細を記録',
		'bedside.point.editSummary': '詳細を記録',
		'bedside.point.save': 'この経穴の詳細を保存'
	},
	en: {
		'bedside.point.edit': 'Details of {point}',
		'bedside.point.editSummary': 'Details',
		'bedside.point.save': 'Save this point’s details'
	}
} as const;
