import { bookingCalendarFile } from '$lib/server/booking/booking-calendar';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** "Add to calendar": the booked visit as an .ics file; the manage token is its only key. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await bookingCalendarFile(locals.db, params.token, locals.locale, locals.origin);
	if (!file) notFound(locals.locale);
	return new Response(file.content, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${file.filename}"`,
			// The link holds the token: never in a shared cache.
			'cache-control': 'no-store'
		}
	});
};
