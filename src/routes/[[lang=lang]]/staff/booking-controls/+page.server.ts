import { translate } from '$lib/i18n/translate';
import { ZBookingControlsSchema, ZServiceWindowSchema } from '$lib/server/booking-controls/schemas';
import { loadBookingControls, updateBookingControls, updateServiceWindow } from '$lib/server/booking-controls/update-booking-controls';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { findService } from '$lib/server/booking/schedule-repository';

export const load: PageServerLoad = async ({ locals }) => ({ controls: await loadBookingControls(locals.db) });

export const actions: Actions = {
	controls: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZBookingControlsSchema, locals.locale);
		if (!form.ok) return form.failure;
		await updateBookingControls(locals.db, form.data, actorFrom(event));
		return { notice: translate(locals.locale, 'bookingControls.saved') };
	},
	service: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZServiceWindowSchema, locals.locale);
		if (!form.ok) return form.failure;
		const service = await findService(locals.db, form.data.serviceId);
		if (!service) return formFailure(404, form.values, {}, translate(locals.locale, 'bookingControls.serviceNotFound'));
		await updateServiceWindow(locals.db, form.data, actorFrom(event));
		return { notice: translate(locals.locale, 'bookingControls.serviceSaved', { service: locals.locale === 'ja' ? service.name_ja : service.name_en }) };
	}
};
