import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { findBookingByToken } from '$lib/server/booking/manage-booking';
import { BOOKED_COOKIE } from '../booked-cookie';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, setHeaders }) => {
	const token = cookies.get(BOOKED_COOKIE);
	const booking = token ? await findBookingByToken(locals.db, token) : undefined;
	if (!token || !booking) redirect(303, localizePath('/book', locals.locale));
	// Moved or cancelled since: the manage page tells the current state.
	if (booking.appointment.status !== 'booked') redirect(303, localizePath(`/booking/${token}`, locals.locale));
	// The page carries the manage link: never keep it in a shared cache.
	setHeaders({ 'cache-control': 'no-store' });
	const { appointment, service, practitionerName, clinic } = booking;
	return {
		start: Date.parse(appointment.starts_at),
		// A new patient's request the clinic approves first (issue #17): held, not yet confirmed.
		pending: appointment.approval === 'pending',
		end: Date.parse(appointment.ends_at),
		timeZone: clinic.timeZone,
		serviceName: service?.name ?? null,
		priceJpy: service?.priceJpy ?? null,
		address: clinic.address,
		// A number to quote on the phone: the start of the appointment's id, which no one types in.
		bookingNumber: appointment.id.slice(0, 8).toUpperCase(),
		practitionerName,
		cutoffHours: clinic.cancellationCutoffHours,
		manageHref: localizePath(`/booking/${token}`, locals.locale),
		calendarHref: localizePath(`/booking/${token}/calendar.ics`, locals.locale)
	};
};
