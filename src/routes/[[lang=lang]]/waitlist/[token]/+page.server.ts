import { fail } from '@sveltejs/kit';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { entryByKey, leaveWaitlist } from '$lib/server/waitlist/leave-waitlist';
import { findEntryByToken } from '$lib/server/waitlist/waitlist-view';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** The patient's waiting-list entry by its link: see it, or leave the list (issue #17). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const entry = await findEntryByToken(locals.db, params.token);
	if (!entry) notFound(locals.locale);
	return { entry };
};

export const actions: Actions = {
	leave: async (event) => {
		const { locals, params } = event;
		const entry = await entryByKey(locals.db, params.token);
		if (!entry) notFound(locals.locale);
		const actor = actorFrom(event);
		const result = await leaveWaitlist(locals.db, params.token, actor.type === 'staff' ? actor : { ...actor, type: 'patient', id: entry.patient_id });
		if (!result.ok) return fail(409, { code: result.code });
		wakeJobWorker();
		return { left: true as const };
	}
};
