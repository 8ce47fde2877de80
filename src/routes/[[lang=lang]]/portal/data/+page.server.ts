
import { translate } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { patientActor } from '$lib/server/portal/portal-patient';
import { createDeletionRequest, listPatientDeletionRequests } from '$lib/server/portal/deletion-request';
import { PORTAL_LIMITS, ZDeletionRequestSchema } from '$lib/server/portal/schemas';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async ({ locals }) => {
	// The route is for signed-in patients only (route-access), so the session is there.
	const patientId = locals.patientSession!.patientId;
	const [clinic, requests] = await Promise.all([recentClinic(locals.db), listPatientDeletionRequests(locals.db, patientId)]);
	return {
		timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
		limits: PORTAL_LIMITS,
		requests,
		hasOpenRequest: requests.some((r) => r.status === 'open')
	};
};

export const actions: Actions = {
	requestDeletion: async (event) => {
		const { locals } = event;
		const patientId = locals.patientSession!.patientId;
		const form = await parseForm(event.request, ZDeletionRequestSchema, locals.locale);
		if (!form.ok) return form.failure;
		const actor = patientActor(event, patientId);
		const result = await createDeletionRequest(locals.db, locals.mailer, patientId, form.data, actor, locals.origin);
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		if (!result.ok) return formFailure(409, form.values, {}, translate(locals.locale, 'portal.deletionAlreadyOpen'));
		return { requested: true };
	}
};
