import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { bookingCalendarFile } from '$lib/server/booking/booking-calendar';
import type { RequestHandler } from './$types';

/** "Add to calendar": the booked visit as an .ics file; the manage token is its only key. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await bookingCalendarFile(locals.db, params.token, locals.locale, locals.origin);
	if (!file) error(404, translate(locals.locale, 'error.notFoundTitle'));
	return new Response(file.content, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${file.filename}"`,
			// The link holds the token: never in a shared cache.
			'cache-control': 'no-store'
		}
	});
};
