import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { setHoldMinutes } from '$lib/server/waitlist/hold-setting';
import { joinWaitlist } from '$lib/server/waitlist/join-waitlist';
import { leaveWaitlist } from '$lib/server/waitlist/leave-waitlist';
import { joinRefusalErrors, TIME_ROWS, waitlistChoices, waitlistInputFrom } from '$lib/server/waitlist/form';
import { ZWaitlistHoldSchema } from '$lib/server/waitlist/schemas';
import { listWaitlist } from '$lib/server/waitlist/waitlist-view';
import type { Actions, PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** The desk's waiting list (issue #17): who waits and for how long, add and remove, the hold time. */
export const load: PageServerLoad = async ({ locals }) => {
	const [entries, choices, timeZone] = await Promise.all([listWaitlist(locals.db), waitlistChoices(locals.db, true), recentClinicTimeZone(locals.db)]);
	return { entries, ...choices, timeRows: TIME_ROWS, timeZone, now: locals.db.clock.now().getTime() };
};

export const actions: Actions = {
	add: async (event) => {
		const { locals, request } = event;
		const locale = locals.locale;
		const values = await readForm(request);
		const built = waitlistInputFrom(values, locale);
		if (!built.ok) return formFailure(422, values, built.errors, translate(locale, 'validation.formTitle'));
		// The desk writes in the language the patient is to be mailed in: the console's.
		const result = await joinWaitlist(locals.db, built.input, actorFrom(event), 'desk');
		if (!result.ok) {
			return formFailure(422, values, joinRefusalErrors(result.code, locale), translate(locale, 'validation.formTitle'));
		}
		wakeJobWorker();
		return { added: true as const };
	},
	remove: async (event) => {
		const form = await parseForm(event.request, z.object({ entryId: z.uuid() }), event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await leaveWaitlist(event.locals.db, { entryId: form.data.entryId }, actorFrom(event));
		if (!result.ok) return formFailure(result.code === 'not_found' ? 404 : 409, form.values, {}, translate(event.locals.locale, 'waitlist.notWaiting'));
		wakeJobWorker();
		return { removed: true as const };
	},
	hold: async (event) => {
		const values = await readForm(event.request);
		const parsed = ZWaitlistHoldSchema.safeParse(values);
		if (!parsed.success) return formFailure(422, values, { holdMinutes: translate(event.locals.locale, 'waitlist.holdInvalid') });
		await setHoldMinutes(event.locals.db, parsed.data.holdMinutes, actorFrom(event));
		return { holdSaved: true as const };
	}
};
