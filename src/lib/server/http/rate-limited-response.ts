import { json, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { apiError } from './api-response';

export function rateLimitedMessage(locale: Locale, retryAfterSeconds: number): string {
	const minutes = Math.ceil(retryAfterSeconds / 60);
	return minutes <= 1 ? translate(locale, 'rateLimit.messageOneMinute') : translate(locale, 'rateLimit.message', { minutes });
}

/**
 * 429 with `Retry-After` in seconds: the contract's error shape for the JSON API, and for a form
 * posted without JavaScript a small page in the visitor's language, since the form's own page cannot
 * be rendered without running the action we are refusing.
 */
export function rateLimitedResponse(event: RequestEvent, isApi: boolean, retryAfterSeconds: number): Response {
	const locale = event.locals.locale;
	const message = rateLimitedMessage(locale, retryAfterSeconds);
	const headers = { 'retry-after': String(retryAfterSeconds) };
	if (isApi) return apiError(429, 'rate_limited', message, undefined, headers);
	// A form enhanced by JavaScript expects an action result; the framework shows its error page.
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'error', error: { message } }, { status: 429, headers });
	}
	return new Response(rateLimitedPage(locale, message, event.url.pathname), {
		status: 429,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

function rateLimitedPage(locale: Locale, message: string, backTo: string): string {
	const title = escapeHtml(translate(locale, 'rateLimit.title'));
	return `<!doctype html>
<html lang="${locale}">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>${title}</title>
	</head>
	<body>
		<main>
			<h1>${title}</h1>
			<p>${escapeHtml(message)}</p>
			<p><a href="${escapeHtml(backTo)}">${escapeHtml(translate(locale, 'rateLimit.back'))}</a></p>
		</main>
	</body>
</html>
`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
