/** Recall: patients due to come back, and the invitation to book (issue #17). */
export const recall = {
	ja: {
		'recall.title': 'リコール（再来のご案内）'
	},
	en: {
		'recall.title': 'Recall'
	}
} as const;
