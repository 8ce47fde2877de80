import { translate } from '$lib/i18n/translate';
import { personName } from '$lib/domain/patients/person-name';
import { decideBookingRequest } from '$lib/server/booking-controls/decide-booking-request';
import { findRequestPatient, listBookingRequests } from '$lib/server/booking-controls/list-booking-requests';
import { ZBookingDecisionSchema } from '$lib/server/booking-controls/schemas';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import type { Actions, PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	const [clinic, requests] = await Promise.all([recentClinic(event.locals.db), listBookingRequests(event.locals.db, actorFrom(event))]);
	return { timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE, requests };
};

export const actions: Actions = {
	decide: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZBookingDecisionSchema, locals.locale);
		if (!form.ok) return form.failure;
		const patient = await findRequestPatient(locals.db, form.data.appointmentId);
		const result = await decideBookingRequest(locals.db, form.data.appointmentId, form.data.decision, actorFrom(event));
		if (!result.ok) {
			return result.code === 'not_found'
				? formFailure(404, form.values, {}, translate(locals.locale, 'bookingControls.notFound'))
				: formFailure(409, form.values, {}, translate(locals.locale, 'bookingControls.notPending'));
		}
		wakeJobWorker();
		const name = patient ? personName(patient, locals.locale) : '';
		return { notice: translate(locals.locale, form.data.decision === 'approve' ? 'bookingControls.approved' : 'bookingControls.declined', { name }) };
	}
};
