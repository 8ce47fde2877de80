import { RECALL_REFUSED_LABELS } from '$lib/labels/recall-refused-labels';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { inviteToRecall, setRecallWeeks } from '$lib/server/recall/invite';
import { loadRecallList } from '$lib/server/recall/recall-list';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** The recall list (issue #17): reception and the owner invite patients who are due back. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const view = await loadRecallList(locals.db);
	const invited = url.searchParams.get('invited');
	const invitedEntry = invited ? view.entries.find((e) => e.patientId === invited) : undefined;
	return {
		...view,
		invitedName: invitedEntry ? `${invitedEntry.familyName} ${invitedEntry.givenName}` : null,
		weeksSaved: url.searchParams.has('weeks'),
		isOwner: locals.session?.staff.role === 'owner'
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { locals } = event;
		const values = await readForm(event.request);
		const patientId = z.uuid().safeParse(values.patientId);
		if (!patientId.success) notFound(locals.locale);
		const result = await inviteToRecall(locals.db, patientId.data, actorFrom(event));
		if (!result.ok) {
			if (result.code === 'not_found') notFound(locals.locale);
			if (result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
			return fail(409, { message: translate(locals.locale, RECALL_REFUSED_LABELS[result.code]) });
		}
		wakeJobWorker();
		redirect(303, `${localizePath('/staff/recall', locals.locale)}?invited=${patientId.data}`);
	},
	weeks: async (event) => {
		const { locals } = event;
		if (locals.session?.staff.role !== 'owner') error(403, translate(locals.locale, 'error.forbiddenTitle'));
		const values = await readForm(event.request);
		const weeks = Number((values.weeks ?? '').trim());
		const result = await setRecallWeeks(locals.db, weeks, actorFrom(event));
		if (!result.ok) return fail(422, { message: translate(locals.locale, 'recall.weeksInvalid'), weeks: values.weeks ?? '' });
		redirect(303, `${localizePath('/staff/recall', locals.locale)}?weeks=${weeks}`);
	}
};
