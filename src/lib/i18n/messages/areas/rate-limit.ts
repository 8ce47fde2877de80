/** The answer when sign-in, booking, contact or the self-check is asked too often (issue #9). */
export const rateLimit = {
	ja: {
		'rateLimit.title': 'しばらくしてからお試しください',
		'rateLimit.message': '短い時間に同じ操作が続いたため、いったん受け付けを止めています。{minutes}分ほどたってから、もう一度お試しください。',
		'rateLimit.messageOneMinute': '短い時間に同じ操作が続いたため、いったん受け付けを止めています。1分ほどたってから、もう一度お試しください。',
		'rateLimit.back': '前のページに戻る'
	},
	en: {
		'rateLimit.title': 'Please try again later',
		'rateLimit.message': 'This was sent many times in a short while, so we have paused it for now. Please try again in about {minutes} minutes.',
		'rateLimit.messageOneMinute': 'This was sent many times in a short while, so we have paused it for now. Please try again in about a minute.',
		'rateLimit.back': 'Back to the previous page'
	}
} as const;
