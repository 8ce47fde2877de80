import { error, fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { entryByKey, leaveWaitlist } from '$lib/server/waitlist/leave-waitlist';
import { findEntryByToken } from '$lib/server/waitlist/waitlist-view';
import type { Actions, PageServerLoad } from './$types';

/** The patient's waiting-list entry by its link: see it, or leave the list (issue #17). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const entry = await findEntryByToken(locals.db, params.token);
	if (!entry) error(404, translate(locals.locale, 'error.notFoundTitle'));
	return { entry };
};

export const actions: Actions = {
	leave: async (event) => {
		const { locals, params } = event;
		const entry = await entryByKey(locals.db, params.token);
		if (!entry) error(404, translate(locals.locale, 'error.notFoundTitle'));
		const actor = actorFrom(event);
		const result = await leaveWaitlist(locals.db, params.token, actor.type === 'staff' ? actor : { ...actor, type: 'patient', id: entry.patient_id });
		if (!result.ok) return fail(409, { code: result.code });
		wakeJobWorker();
		return { left: true as const };
	}
};
