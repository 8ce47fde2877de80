import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { translate } from '$lib/i18n/translate';
import { listDeletionRequests, resolveDeletionRequest } from '$lib/server/portal/deletion-request';
import { PORTAL_LIMITS, ZResolveDeletionRequestSchema } from '$lib/server/portal/schemas';
import type { Actions, PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async ({ locals }) => {
	const [clinic, requests] = await Promise.all([recentClinic(locals.db), listDeletionRequests(locals.db)]);
	return {
		timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
		limits: PORTAL_LIMITS,
		open: requests.filter((r) => r.status === 'open'),
		handled: requests.filter((r) => r.status !== 'open')
	};
};

export const actions: Actions = {
	resolve: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZResolveDeletionRequestSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await resolveDeletionRequest(locals.db, form.data, actorFrom(event));
		if (!result.ok) return formFailure(409, form.values, {}, translate(locals.locale, 'portal.staffAlreadyHandled'));
		return { saved: form.data.id };
	}
};
