import { localDate } from '$lib/domain/time';
import { translate } from '$lib/i18n/translate';
import { formFailure } from '$lib/server/http/form';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { joinRefusalErrors, TIME_ROWS, waitlistChoices, waitlistInputFrom } from '$lib/server/waitlist/form';
import { joinWaitlist } from '$lib/server/waitlist/join-waitlist';
import { waitlistManageUrl } from '$lib/server/waitlist/tokens';
import type { Actions, PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** Joining the waiting list from `/book` when no time suits (issue #17); works without JavaScript. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const choices = await waitlistChoices(locals.db);
	const timeZone = await recentClinicTimeZone(locals.db);
	const today = localDate(locals.db.clock.now().getTime(), timeZone);
	const service = url.searchParams.get('service') ?? '';
	const practitioner = url.searchParams.get('practitioner') ?? '';
	return {
		...choices,
		timeRows: TIME_ROWS,
		defaults: {
			serviceId: choices.services.some((s) => s.id === service) ? service : '',
			practitionerId: choices.practitioners.some((p) => p.id === practitioner) ? practitioner : '',
			from: today,
			to: today
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		const locale = locals.locale;
		const values = await readForm(request);
		const built = waitlistInputFrom(values, locale);
		if (!built.ok) return formFailure(422, values, built.errors, translate(locale, 'validation.formTitle'));
		const result = await joinWaitlist(locals.db, built.input, actorFrom(event));
		if (!result.ok) {
			return formFailure(422, values, joinRefusalErrors(result.code, locale), translate(locale, 'validation.formTitle'));
		}
		wakeJobWorker();
		// The link is the patient's own, shown once in the answer to their POST (and mailed).
		return { joined: true as const, manageUrl: waitlistManageUrl(locals.origin, result.locale, result.manageToken) };
	}
};
