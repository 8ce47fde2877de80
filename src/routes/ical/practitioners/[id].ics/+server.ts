import { isValidFeedToken } from '$lib/server/schedule/feed-token';
import { practitionerCalendar } from '$lib/server/schedule/practitioner-feed';
import type { RequestHandler } from './$types';

/** The same answer for a wrong token, a revoked one and a practitioner who does not exist. */
const notFound = () => new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/** `GET /ical/practitioners/{id}.ics?token=…` (API contract): a practitioner's schedule for their calendar app. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const token = url.searchParams.get('token');
	if (!(await isValidFeedToken(locals.db, params.id, token))) return notFound();
	const locale = url.searchParams.get('lang') === 'en' ? 'en' : 'ja';
	const body = await practitionerCalendar(locals.db, params.id, locale);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="schedule.ics"',
			// Personal to whoever holds the URL: no shared cache may keep it.
			'cache-control': 'private, no-store'
		}
	});
};
