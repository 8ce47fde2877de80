import { fail, redirect } from '@sveltejs/kit';
import { isNotificationChannels } from '$lib/domain/messaging/channels';
import { localizePath } from '$lib/i18n/locales';
import { readForm } from '$lib/server/http/read-form';
import { lineConfig } from '$lib/server/line/line-config';
import { disconnectLine, findLineLink, isLiveConnectToken, LINE_CONSENT_VERSION, setNotificationChannels } from '$lib/server/line/line-link';
import { startLineLogin } from '$lib/server/line/line-login';
import { patientActor } from '$lib/server/portal/portal-patient';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** The patient's LINE page (issue #20): consent, connect, channels, disconnect. Absent without LINE. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!lineConfig()) notFound(locals.locale);
	const patientId = locals.patientSession!.patientId;
	const connect = url.searchParams.get('connect');
	return {
		link: await findLineLink(locals.db, patientId),
		consentVersion: LINE_CONSENT_VERSION,
		connect: connect && (await isLiveConnectToken(locals.db, connect)) ? connect : null,
		connectExpired: connect !== null && !(await isLiveConnectToken(locals.db, connect)),
		outcome: url.searchParams.get('line'),
		timeZone: await recentClinicTimeZone(locals.db)
	};
};

export const actions: Actions = {
	connect: async ({ locals, request }) => {
		const config = lineConfig();
		if (!config) notFound(locals.locale);
		const values = await readForm(request);
		if (values.consent !== 'yes') return fail(422, { code: 'consent_required' as const, connect: values.connect ?? null });
		// A link to LINE, not a redirect: the console's CSP lets forms post to this site only (form-action 'self').
		return {
			authorizeUrl: await startLineLogin(
				locals.db,
				{ patientId: locals.patientSession!.patientId, connectToken: values.connect || null },
				config,
				locals.origin
			)
		};
	},
	channels: async (event) => {
		const { locals, request } = event;
		const values = await readForm(request);
		if (!isNotificationChannels(values.channels)) return fail(422, { code: 'bad_channels' as const, connect: null });
		const patientId = locals.patientSession!.patientId;
		if (!(await setNotificationChannels(locals.db, patientId, values.channels, patientActor(event, patientId))))
			return fail(409, { code: 'not_linked' as const, connect: null });
		redirect(303, `${localizePath('/portal/line', locals.locale)}?line=channels`);
	},
	disconnect: async (event) => {
		const { locals } = event;
		const patientId = locals.patientSession!.patientId;
		await disconnectLine(locals.db, patientId, patientActor(event, patientId), 'withdrawn');
		redirect(303, `${localizePath('/portal/line', locals.locale)}?line=disconnected`);
	}
};
