import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { cancelBooking, findBookingByToken } from '$lib/server/booking/manage-booking';
import { apiError } from '$lib/server/http/api-response';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import type { RequestHandler } from './$types';

/**
 * Cancels a booking with the token of its manage link as the Bearer token (docs/contracts.md).
 * The same use case as the manage page, so the clinic's cutoff (and anything it grows, such as
 * a late-cancellation fee) applies alike; 409 `past_cutoff` as the page says it.
 */
export const POST: RequestHandler = async (event) => {
	const { request, locals, params } = event;
	const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(locals.locale, key, values);
	const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
	const booking = token ? await findBookingByToken(locals.db, token) : undefined;
	// A token for another booking is as bad as none: it says nothing about this one.
	if (!booking || booking.appointment.id !== params.id) {
		return apiError(401, 'unauthorized', t('waitlist.tokenInvalid'), undefined, { 'WWW-Authenticate': 'Bearer' });
	}
	const actor = actorFrom(event);
	const result = await cancelBooking(locals.db, token, actor.type === 'staff' ? actor : { ...actor, type: 'patient', id: booking.appointment.patient_id });
	if (!result.ok) {
		if (result.code === 'past_cutoff') return apiError(409, 'past_cutoff', t('book.pastCutoff', { hours: booking.clinic.cancellationCutoffHours }));
		if (result.code === 'already_cancelled') return apiError(409, 'already_cancelled', t('waitlist.alreadyCancelled'));
		return apiError(401, 'unauthorized', t('waitlist.tokenInvalid'), undefined, { 'WWW-Authenticate': 'Bearer' });
	}
	wakeJobWorker();
	return json({ id: booking.appointment.id, status: 'cancelled' });
};
