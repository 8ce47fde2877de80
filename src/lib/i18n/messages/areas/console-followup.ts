/** Follow-ups to the console (issue #22): resizing in the calendar, its accessible events, practitioner photos, desk contact channels. */
export const consoleFollowup = {
	ja: {
		'consoleFollowup.resize.confirm': '{name}さんの予約を {from} から {to} に変更します。',
		'consoleFollowup.resize.submit': '変更する',
		'consoleFollowup.resize.done': '{name}さんの予約を {to} に変更しました。',
		'consoleFollowup.resize.refused': '時間を変更できません: {reason}',
		'consoleFollowup.visitLength': '予約の長さは5分から8時間まで、5分単位にしてください。',
		'consoleFollowup.moveEnd': '終了時刻（長さを変えるとき）',
		'consoleFollowup.moveEndHint': '空欄なら長さはそのままです。',
		'consoleFollowup.calendar.more': '（{status}、{column}）',
		'consoleFollowup.calendar.status': '（{status}）',
		'consoleFollowup.calendar.region': '予約カレンダー'
	},
	en: {
		'consoleFollowup.resize.confirm': "Change {name}'s appointment from {from} to {to}.",
		'consoleFollowup.resize.submit': 'Change',
		'consoleFollowup.resize.done': "Changed {name}'s appointment to {to}.",
		'consoleFollowup.resize.refused': 'Cannot change the time: {reason}',
		'consoleFollowup.visitLength': 'An appointment lasts from 5 minutes to 8 hours, in steps of 5 minutes.',
		'consoleFollowup.moveEnd': 'End time (to change the length)',
		'consoleFollowup.moveEndHint': 'Leave empty to keep the length.',
		'consoleFollowup.calendar.more': ' ({status}, {column})',
		'consoleFollowup.calendar.status': ' ({status})',
		'consoleFollowup.calendar.region': 'Appointment calendar'
	}
} as const;
