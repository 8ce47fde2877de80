import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { currentPolicy } from '$lib/server/cancellation-policy/policy-repository';
import { saveCancellationPolicy } from '$lib/server/cancellation-policy/save-policy';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

/** The owner writes the cancellation policy (issue #17); each change is a new version. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const saved = url.searchParams.get('saved');
	return { policy: await currentPolicy(locals.db), saved: saved === 'changed' || saved === 'unchanged' ? saved : null };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		const values = await readForm(request);
		const result = await saveCancellationPolicy(locals.db, values, actorFrom(event));
		if (!result.ok) {
			const fields = result.code === 'invalid' ? result.fields : {};
			const errors = Object.fromEntries(
				Object.entries(fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'cancellationPolicy.error.invalid')])
			);
			return fail(result.code === 'forbidden' ? 403 : 422, { values, errors });
		}
		redirect(303, `${localizePath('/staff/settings/cancellation-policy', locals.locale)}?saved=${result.changed ? 'changed' : 'unchanged'}`);
	}
};
