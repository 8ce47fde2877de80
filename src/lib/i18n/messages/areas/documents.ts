/** Printable documents: the treatment summary (and, as they come, referral letters and 施術録). */
export const documents = {
	ja: {
		'documents.patient': '患者氏名',
		'documents.dateOfBirth': '生年月日',
		'documents.clinic': '施術所',
		'documents.issued': '発行日',
		'documents.summary.title': '施術のまとめ',
		'documents.summary.link': '施術のまとめ（PDF）',
		'documents.summary.visits': '来院',
		'documents.summary.noVisits': 'まだ来院の記録はありません。',
		'documents.summary.visitRange': '{count}回（{first}〜{last}）',
		'documents.summary.progress': '経過',
		'documents.summary.date': '記録日',
		'documents.summary.noCheckIns': 'まだ経過の記録はありません。',
		'documents.summary.advice': '施術者からのアドバイス',
		'documents.summary.disclaimer': 'この書類は鍼灸施術の経過をまとめたもので、医師による診断ではありません。数値はご本人の回答にもとづきます。'
	},
	en: {
		'documents.patient': 'Patient',
		'documents.dateOfBirth': 'Date of birth',
		'documents.clinic': 'Clinic',
		'documents.issued': 'Issued',
		'documents.summary.title': 'Treatment summary',
		'documents.summary.link': 'Treatment summary (PDF)',
		'documents.summary.visits': 'Visits',
		'documents.summary.noVisits': 'No visits recorded yet.',
		'documents.summary.visitRange': '{count} ({first} to {last})',
		'documents.summary.progress': 'Progress',
		'documents.summary.date': 'Recorded',
		'documents.summary.noCheckIns': 'No progress recorded yet.',
		'documents.summary.advice': 'Advice from your practitioner',
		'documents.summary.disclaimer': 'This document summarises a course of acupuncture treatment; it is not a medical diagnosis. The figures are the patient’s own ratings.'
	}
} as const;
